package com.licensingportal.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

	static final String VIEW_LOGIN = "security/login";

	static final String BAD_CREDENTIALS = "The email or password is not right.";

	static final String SESSION_ENDED = "You were logged out because the password of your user was changed. Log in with the new password.";

	static final String LOCKED = "Too many failed logins for this email. Wait 15 minutes before you try again, or reset your password.";

	/** POST only as the forward of a failed login ({@link LoginFailurePage}), which has set the status. */
	@RequestMapping(path = "/login", method = { RequestMethod.GET, RequestMethod.POST })
	String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
			@RequestParam(required = false) String expired, HttpServletRequest request, Model model) {
		// Only the failed login itself shows its message; a bookmarked ?error shows the plain login page.
		Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (error != null && failure != null) {
			model.addAttribute("error", failure instanceof LoginLockedException ? LOCKED : BAD_CREDENTIALS);
			model.addAttribute("email", request.getParameter("email"));
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
