package com.licensingportal.passwordreset;

import java.util.Locale;
import java.util.Optional;

import com.licensingportal.passwordreset.PasswordResetService.OpenReset;
import com.licensingportal.base.EmailAddressValidator;
import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.usermanagement.PasswordLinkPage;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.base.LinkPages;
import com.licensingportal.user.PasswordRules;
import com.licensingportal.text.Text;

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
 * the emailed link, a {@link PasswordLinkPage}: an unknown, used, replaced or expired link gets one and the
 * same friendly page.
 */
@Controller
class PasswordResetController {

	static final String VIEW_FORGOT = "passwordreset/forgot-password";

	static final String VIEW_LINK_SENT = "passwordreset/link-sent";

	static final String VIEW_RESET = "passwordreset/reset";

	static final String VIEW_DONE = "passwordreset/reset-done";

	private final PasswordResetService resets;

	private final PasswordLinkPage<OpenReset> page;

	PasswordResetController(PasswordResetService resets) {
		this.resets = resets;
		this.page = new PasswordLinkPage<>(Purpose.PASSWORD_RESET, resets::find, OpenReset::email, VIEW_RESET, "reset",
				VIEW_DONE);
	}

	@GetMapping("/forgot-password")
	String forgotPassword() {
		return VIEW_FORGOT;
	}

	@PostMapping("/forgot-password")
	String requestLink(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		String typed = email.strip();
		model.addAttribute("email", typed);
		Optional<Text> problem = EmailAddressValidator.problem(typed);
		if (typed.isEmpty() || problem.isPresent()) {
			model.addAttribute("error",
					(typed.isEmpty() ? Text.of("users.reset.forgot.empty") : problem.get()).in(locale));
			return VIEW_FORGOT;
		}
		try {
			this.resets.request(typed, request.getRemoteAddr());
		}
		catch (RateLimitedException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds());
			model.addAttribute("error", ex.message(locale));
			return VIEW_FORGOT;
		}
		return VIEW_LINK_SENT;
	}

	@GetMapping("/password-reset/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return this.page.show(token, model, response);
	}

	@PostMapping("/password-reset/{token}")
	String reset(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeatPassword, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		String sessionId = session == null ? null : session.getId();
		return this.page.setPassword(token, password, repeatPassword,
				(link, newPassword) -> this.resets.reset(link, newPassword, sessionId), model, response);
	}

}
