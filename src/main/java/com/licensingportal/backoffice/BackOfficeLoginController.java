package com.licensingportal.backoffice;

import java.util.Locale;

import com.licensingportal.security.LoginLockedException;
import com.licensingportal.text.Text;

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

	static final Text BAD_CREDENTIALS = Text.of("backoffice.login.badCredentials");

	static final Text LOCKED = Text.of("backoffice.login.locked");

	static final Text REMOVED = Text.of("backoffice.login.removed");

	@GetMapping(BackOfficeSecurity.LOGIN_PAGE)
	String login(@RequestParam(required = false) String logout, @RequestParam(required = false) String removed,
			Model model, Locale locale) {
		if (logout != null) {
			model.addAttribute("message", Text.of("backoffice.login.signedOut").in(locale));
		}
		if (removed != null) {
			model.addAttribute("message", REMOVED.in(locale));
		}
		return VIEW_LOGIN;
	}

	/** The sign-in page again after a failed sign-in: reached only as the forward of the chain's failure handler. */
	@PostMapping(BackOfficeSecurity.LOGIN_FAILED)
	String failed(HttpServletRequest request, Model model, Locale locale) {
		Object failure = request.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (failure == null) {
			return "redirect:" + BackOfficeSecurity.LOGIN_PAGE;
		}
		model.addAttribute("error", (failure instanceof LoginLockedException ? LOCKED : BAD_CREDENTIALS).in(locale));
		model.addAttribute("username", request.getParameter("username"));
		return VIEW_LOGIN;
	}

	@GetMapping(BackOfficeSecurity.HOME)
	String home() {
		return VIEW_HOME;
	}

}
