package com.licensingportal.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.licensingportal.text.Text;

@Controller
class LoginController {

	static final String VIEW_LOGIN = "security/login";

	static final Text BAD_CREDENTIALS = Text.of("users.login.badCredentials");

	static final Text SESSION_ENDED = Text.of("users.login.passwordChanged");

	static final Text LOCKED = Text.of("users.login.locked");

	@GetMapping("/login")
	String login(@RequestParam(required = false) String logout, @RequestParam(required = false) String expired,
			Model model, Locale locale) {
		if (logout != null) {
			model.addAttribute("message", Text.of("users.login.loggedOut").in(locale));
		}
		if (expired != null) {
			model.addAttribute("message", SESSION_ENDED.in(locale));
		}
		return VIEW_LOGIN;
	}

	/**
	 * The login page again after a failed login, with its message and the email typed: reached only as the
	 * forward of {@link LoginFailurePage}, which has set the status (401, or 429 while locked).
	 */
	@PostMapping(LoginFailurePage.PAGE)
	String failed(HttpServletRequest request, Model model, Locale locale) {
		Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (failure == null) {
			return "redirect:/login";
		}
		model.addAttribute("error", (failure instanceof LoginLockedException ? LOCKED : BAD_CREDENTIALS).in(locale));
		model.addAttribute("email", request.getParameter("email"));
		return VIEW_LOGIN;
	}

}
