package com.licensingportal.registration;

import java.time.Instant;

import com.licensingportal.registration.RegistrationService.Outcome;
import com.licensingportal.registration.RegistrationService.Submission;
import com.licensingportal.text.Text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Request access without the web page: the same rules and the same process as /register. */
@RestController
@Tag(name = "Registration")
class RegistrationApiController {

	private final RegistrationService registrations;

	RegistrationApiController(RegistrationService registrations) {
		this.registrations = registrations;
	}

	record RegistrationAnswer(@Schema(example = "RECEIVED", allowableValues = { "RECEIVED", "ALREADY_OPEN" }) String status,
			@Schema(example = "jana.novak@bayside-security.example") String email, Instant submittedAt,
			@Schema(example = "Thank you: Order Management checks your request and answers by email.") String message) {
	}

	@PostMapping(path = "/api/v1/registrations", consumes = "application/json", produces = "application/json")
	@SecurityRequirements
	@Operation(summary = "Request access to the portal (no token needed)",
			description = "Starts the registration process: a confirmation email, then Order Management decides in "
					+ "Tasklist. 202 for a new request; 200 with status ALREADY_OPEN when the email already has a request "
					+ "waiting for a decision (nothing new is started). By default at most 10 requests per client address and 3 per "
					+ "email within an hour (429 with Retry-After).")
	ResponseEntity<RegistrationAnswer> register(@Valid @RequestBody RegistrationForm body, HttpServletRequest request) {
		Submission submission = this.registrations.submit(body, request.getRemoteAddr());
		if (submission.outcome() == Outcome.ALREADY_OPEN) {
			return ResponseEntity.ok(new RegistrationAnswer(Outcome.ALREADY_OPEN.name(), submission.email(),
					submission.submittedAt(), Text.of("users.register.api.open").in(LocaleContextHolder.getLocale())));
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new RegistrationAnswer(Outcome.RECEIVED.name(), submission.email(), submission.submittedAt(),
					Text.of("users.register.api.received", submission.email()).in(LocaleContextHolder.getLocale())));
	}

}
