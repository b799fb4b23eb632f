package com.licensingportal.token;

import java.time.Duration;
import java.util.Locale;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.text.Text;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The profile page where a user creates, names and revokes their personal access tokens. */
@Controller
class TokenPageController {

	static final String VIEW_TOKENS = "api/tokens";

	private final PersonalAccessTokenService tokens;

	TokenPageController(PersonalAccessTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/profile/tokens")
	String list(@AuthenticationPrincipal PortalUserPrincipal user, Model model) {
		model.addAttribute("tokens", this.tokens.tokensOf(user.getUserId()));
		return VIEW_TOKENS;
	}

	/** A refused name or validity shows the page again with the reason (422) and creates nothing. */
	@PostMapping("/profile/tokens")
	String create(@AuthenticationPrincipal PortalUserPrincipal user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "30") String validity, Model model, RedirectAttributes redirect, Locale locale) {
		Duration lifetime;
		switch (validity) {
			case "30", "90", "365" -> lifetime = Duration.ofDays(Integer.parseInt(validity));
			case "never" -> lifetime = null;
			default -> {
				model.addAttribute("error", Text.of("users.tokens.chooseValidity").in(locale));
				model.addAttribute("name", name);
				return list(user, model);
			}
		}
		try {
			PersonalAccessTokenService.IssuedToken issued = this.tokens.issue(user.getUserId(), name, lifetime);
			redirect.addFlashAttribute("newToken", issued.secret());
			redirect.addFlashAttribute("newTokenName", issued.token().getName());
		}
		catch (RefusedException invalid) {
			model.addAttribute("error", PageRefusal.onForm(model, invalid));
			model.addAttribute("name", name);
			return list(user, model);
		}
		return "redirect:/profile/tokens";
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable Long id, RedirectAttributes redirect,
			Locale locale) {
		if (!this.tokens.revoke(user.getUserId(), id)) {
			throw RefusedException.notFound(Text.of("users.tokens.notFound"));
		}
		redirect.addFlashAttribute("message", Text.of("users.tokens.revoked").in(locale));
		return "redirect:/profile/tokens";
	}

}
