package com.licensingportal.backoffice;

import com.licensingportal.security.LoginLockedException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.WebAttributes;

/** The back office's sign-in page, and its home. */
@Controller
class BackOfficeLoginController {

	static final String VIEW_LOGIN = "backoffice/login";

	static final String VIEW_HOME = "backoffice/home";

	static final String BAD_CREDENTIALS = "The user id or password is not right, or the user is not in Order Management.";

	static final String LOCKED = "Too many failed sign-ins for this user from your address. Wait 15 minutes before you try again.";

	static final String REMOVED = "You were signed out: your user is no longer in the group order-management.";

	@GetMapping(BackOfficeSecurity.LOGIN_PAGE)
	String login(@RequestParam(required = false) String logout, @RequestParam(required = false) String removed,
			Model model) {
		if (logout != null) {
			model.addAttribute("message", "You have signed out of the back office.");
		}
		if (removed != null) {
			model.addAttribute("message", REMOVED);
		}
		return VIEW_LOGIN;
	}

	/** The sign-in page again after a failed sign-in: reached only as the forward of the chain's failure handler. */
	@PostMapping(BackOfficeSecurity.LOGIN_FAILED)
	String failed(HttpServletRequest request, Model model) {
		Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (failure == null) {
			return "redirect:" + BackOfficeSecurity.LOGIN_PAGE;
		}
		model.addAttribute("error", failure instanceof LoginLockedException ? LOCKED : BAD_CREDENTIALS);
		model.addAttribute("username", request.getParameter("username"));
		return VIEW_LOGIN;
	}

	@GetMapping(BackOfficeSecurity.HOME)
	String home() {
		return VIEW_HOME;
	}

}
