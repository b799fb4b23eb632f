package com.licensingportal.usermanagement;

import java.util.Locale;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's profile: their own user page ({@code /profile} leads there), and the language they read
 * the portal and its emails in, which applies from the next page on.
 */
@Controller
class ProfileController {

	private final UserService userService;

	private final LocaleResolver localeResolver;

	ProfileController(UserService userService, LocaleResolver localeResolver) {
		this.userService = userService;
		this.localeResolver = localeResolver;
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal PortalUserPrincipal viewer) {
		return "redirect:/users/" + viewer.getUserId();
	}

	/** English, Français, or empty for the browser's language; anything else is refused and changes nothing. */
	@PostMapping("/profile/language")
	String chooseLanguage(@AuthenticationPrincipal PortalUserPrincipal viewer,
			@RequestParam(defaultValue = "") String language, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		Locale chosen = this.userService.chooseLanguage(viewer.getUserId(), language);
		this.localeResolver.setLocale(request, response, chosen);
		Locale reader = chosen != null ? chosen : Languages.firstSpoken(request.getLocales());
		redirect.addFlashAttribute("message", Text.of("users.profile.language.saved").in(reader));
		return "redirect:/users/" + viewer.getUserId();
	}

}
