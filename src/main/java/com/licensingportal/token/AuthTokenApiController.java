package com.licensingportal.token;

import java.time.Duration;
import java.time.Instant;

import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.security.LoginLockedException;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.text.Text;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** For scripts: email and password in, a personal access token out, under the login page's lockout rules. */
@RestController
@Tag(name = "Authentication")
class AuthTokenApiController {

	static final int DEFAULT_DAYS = 30;

	private final AuthenticationManager portalAuthentication;

	private final PersonalAccessTokenService tokens;

	AuthTokenApiController(@Qualifier("portalAuthentication") AuthenticationManager portalAuthentication,
			PersonalAccessTokenService tokens) {
		this.portalAuthentication = portalAuthentication;
		this.tokens = tokens;
	}

	record TokenRequest(
			@Schema(example = "partner.admin@northwind.example") @NotBlank(message = "{users.api.check.email.empty}")
			@Size(max = 254, message = "{users.check.email.tooLong}") String email,
			@Schema(example = "Demo-Portal-2026") @NotBlank(message = "{users.api.check.password.empty}")
			@Size(max = 200, message = "{users.api.check.password.tooLong}") String password,
			@Schema(example = "installer script", description = "defaults to 'API token'")
			@Size(max = 100, message = "{users.api.check.tokenName.tooLong}") String name,
			@Schema(example = "30", description = "1 to 365, default 30")
			@Min(value = 1, message = "{users.api.check.validity}")
			@Max(value = 365, message = "{users.api.check.validity}") Integer expiresInDays) {
	}

	record TokenResponse(@Schema(example = "lpat_3J0m...") String token, String name, Instant expiresAt) {
	}

	@PostMapping(path = "/api/v1/auth/token", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createToken", summary = "Exchange email and password for a personal access token",
			description = "After 10 failed tries for one email within 15 minutes, that email is refused from the same "
					+ "client address for 15 minutes (429).")
	TokenResponse token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(body.email(),
				body.password());
		attempt.setDetails(new WebAuthenticationDetails(request));
		Authentication authenticated;
		try {
			authenticated = this.portalAuthentication.authenticate(attempt);
		}
		catch (LoginLockedException locked) {
			throw new RateLimitedException(Text.of("users.login.locked.api"), Duration.ofMinutes(15));
		}
		PortalUserPrincipal user = (PortalUserPrincipal) authenticated.getPrincipal();
		String name = body.name() == null || body.name().isBlank()
				? Text.of("users.tokens.defaultName").in(LocaleContextHolder.getLocale()) : body.name();
		int days = body.expiresInDays() == null ? DEFAULT_DAYS : body.expiresInDays();
		PersonalAccessTokenService.IssuedToken issued = this.tokens.issue(user.getUserId(), name, Duration.ofDays(days));
		return new TokenResponse(issued.secret(), issued.token().getName(), issued.token().getExpiresAt());
	}

}
