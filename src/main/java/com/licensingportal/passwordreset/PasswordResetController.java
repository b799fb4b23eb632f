package com.licensingportal.passwordreset;

import java.util.Optional;

import com.licensingportal.passwordreset.PasswordResetService.OpenReset;
import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.system.EmailAddressValidator;
import com.licensingportal.system.LinkPages;
import com.licensingportal.user.PasswordRules;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgot Password? (public): the request page, which answers the same for every email, and the page behind
 * the emailed link. An unknown, used, replaced or expired link gets one and the same friendly page.
 */
@Controller
class PasswordResetController {

	static final String VIEW_FORGOT = "passwordreset/forgot-password";

	static final String VIEW_LINK_SENT = "passwordreset/link-sent";

	static final String VIEW_RESET = "passwordreset/reset";

	static final String VIEW_INVALID = "passwordreset/reset-invalid";

	static final String VIEW_DONE = "passwordreset/reset-done";

	private final PasswordResetService resets;

	PasswordResetController(PasswordResetService resets) {
		this.resets = resets;
	}

	@GetMapping("/forgot-password")
	String forgotPassword() {
		return VIEW_FORGOT;
	}

	@PostMapping("/forgot-password")
	String requestLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String typed = email.strip();
		model.addAttribute("email", typed);
		Optional<String> problem = EmailAddressValidator.problem(typed);
		if (typed.isEmpty() || problem.isPresent()) {
			model.addAttribute("error", typed.isEmpty() ? "Enter the email address you log in with." : problem.get());
			return VIEW_FORGOT;
		}
		try {
			this.resets.request(typed, request.getRemoteAddr());
		}
		catch (RateLimitedException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds());
			model.addAttribute("error", ex.getMessage());
			return VIEW_FORGOT;
		}
		return VIEW_LINK_SENT;
	}

	@GetMapping("/password-reset/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		LinkPages.keepTheTokenToThisPage(response);
		Optional<OpenReset> reset = this.resets.find(token);
		if (reset.isEmpty()) {
			return LinkPages.invalid(response, VIEW_INVALID);
		}
		return form(token, reset.get(), model);
	}

	@PostMapping("/password-reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeatPassword, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		LinkPages.keepTheTokenToThisPage(response);
		Optional<OpenReset> reset = this.resets.find(token);
		if (reset.isEmpty()) {
			return LinkPages.invalid(response, VIEW_INVALID);
		}
		Optional<String> problem = PasswordRules.problem(password, repeatPassword, reset.get().email());
		if (problem.isPresent()) {
			model.addAttribute("error", problem.get());
			return form(token, reset.get(), model);
		}
		HttpSession session = request.getSession(false);
		try {
			this.resets.reset(token, password, session == null ? null : session.getId());
		}
		catch (RefusedException refused) {
			return LinkPages.invalid(refused, response, VIEW_INVALID);
		}
		model.addAttribute("email", reset.get().email());
		return VIEW_DONE;
	}

	private static String form(String token, OpenReset reset, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("reset", reset);
		model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
		return VIEW_RESET;
	}

}
