package com.licensingportal.registration;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.registration.RegistrationService.Outcome;
import com.licensingportal.registration.RegistrationService.Submission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Request access: the public registration form, linked from the login page. */
@Controller
class RegistrationController {

	static final String VIEW_REGISTER = "registration/register";

	static final String VIEW_RECEIVED = "registration/received";

	/** The form's fields from top to bottom: the order of the summary of problems above the form. */
	static final List<String> FIELDS = List.of("firstName", "lastName", "email", "phone", "organisation", "accountType",
			"proof", "message");

	/** One problem of the form, for the summary that links to its field. */
	record Problem(String field, String message) {
	}

	private static final Logger log = LoggerFactory.getLogger(RegistrationController.class);

	private final RegistrationService registrations;

	RegistrationController(RegistrationService registrations) {
		this.registrations = registrations;
	}

	/** {@code proof} fills in the Entitlement ID, as the link in a sales order's email to its contact does. */
	@GetMapping("/register")
	String form(@RequestParam(name = "proof", required = false) String proof, Model model) {
		RegistrationForm form = new RegistrationForm();
		if (proof != null && proof.length() <= 64) {
			form.setProof(proof.strip());
		}
		model.addAttribute("registration", form);
		return VIEW_REGISTER;
	}

	@PostMapping("/register")
	String submit(@Valid @ModelAttribute("registration") RegistrationForm form, BindingResult result,
			@RequestParam(name = "website", defaultValue = "") String honeypot, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!honeypot.isEmpty()) {
			// A script filled in the field that people never see: it gets the usual answer and nothing happens.
			log.info("Registration from {} ignored: the hidden field was filled in", request.getRemoteAddr());
			return received(form.getEmail(), null, model);
		}
		if (result.hasErrors()) {
			model.addAttribute("problems", problems(result));
			return VIEW_REGISTER;
		}
		Submission submission;
		try {
			submission = this.registrations.submit(form, request.getRemoteAddr());
		}
		catch (RateLimitedException ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds());
			model.addAttribute("error", ex.message(LocaleContextHolder.getLocale()));
			return VIEW_REGISTER;
		}
		return received(submission.email(),
				submission.outcome() == Outcome.ALREADY_OPEN ? submission.submittedAt() : null, model);
	}

	/** The first problem of each field, in the order of the form. */
	static List<Problem> problems(BindingResult result) {
		return FIELDS.stream()
			.map(result::getFieldError)
			.filter(Objects::nonNull)
			.map(error -> new Problem(error.getField(), error.getDefaultMessage()))
			.toList();
	}

	private static String received(String email, Instant alreadyOpenSince, Model model) {
		model.addAttribute("email", email);
		model.addAttribute("alreadyOpen", alreadyOpenSince != null);
		model.addAttribute("submittedAt", alreadyOpenSince);
		return VIEW_RECEIVED;
	}

}
