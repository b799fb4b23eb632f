package com.licensingportal.security;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	static final String VIEW_LOGIN = "security/login";

	static final String BAD_CREDENTIALS = "The email or password is not right.";

	static final String SESSION_ENDED = "You were logged out because the password of your user was changed. Log in with the new password.";

	static final String LOCKED = "Too many failed logins for this email. Wait 15 minutes before you try again, or reset your password.";

	@GetMapping("/login")
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			@RequestParam(required = false) String expired, HttpSession session, Model model) {
		if (error != null) {
			Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("error", failure instanceof LoginLockedException ? LOCKED : BAD_CREDENTIALS);
			if (failure instanceof AuthenticationException) {
				session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			}
		}
		if (logout != null) {
			model.addAttribute("message", "You have been logged out.");
		}
		if (expired != null) {
			model.addAttribute("message", SESSION_ENDED);
		}
		return VIEW_LOGIN;
	}

}
