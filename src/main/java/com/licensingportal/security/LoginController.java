package com.licensingportal.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	static final String VIEW_LOGIN = "security/login";

	static final String BAD_CREDENTIALS = "The email or password is not right.";

	static final String SESSION_ENDED = "You were logged out because the password of your user was changed. Log in with the new password.";

	static final String LOCKED = "Too many failed logins for this email. Wait 15 minutes before you try again, or reset your password.";

	@GetMapping("/login")
	String login(@RequestParam(required = false) String logout, @RequestParam(required = false) String expired,
			Model model) {
		if (logout != null) {
			model.addAttribute("message", "You have been logged out.");
		}
		if (expired != null) {
			model.addAttribute("message", SESSION_ENDED);
		}
		return VIEW_LOGIN;
	}

	/**
	 * The login page again after a failed login, with its message and the email typed: reached only as the
	 * forward of {@link LoginFailurePage}, which has set the status (401, or 429 while locked).
	 */
	@PostMapping(LoginFailurePage.PAGE)
	String failed(HttpServletRequest request, Model model) {
		Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (failure == null) {
			return "redirect:/login";
		}
		model.addAttribute("error", failure instanceof LoginLockedException ? LOCKED : BAD_CREDENTIALS);
		model.addAttribute("email", request.getParameter("email"));
		return VIEW_LOGIN;
	}

}
