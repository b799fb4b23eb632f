package com.licensingportal.usermanagement;

import java.time.Duration;

import com.licensingportal.base.PositiveDuration;
import com.licensingportal.base.RateLimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Create user ({@code portal.user-creation.*}).
 *
 * @param rateLimit Create user's step 1, its step 2 and POST /api/v1/users, counted per administrator and per email
 * within the window, so that an administrator cannot probe for users at scale; more are refused with 429 until it
 * passes
 */
@ConfigurationProperties("portal.user-creation")
@Validated
public record UserCreationProperties(@DefaultValue @Valid Limit rateLimit) {

	/**
	 * @param perAdministrator attempts by one administrator within the window
	 * @param perEmail attempts for one email address within the window
	 * @param window the sliding window the attempts are counted in, ISO-8601
	 */
	public record Limit(@DefaultValue("60") @Positive int perAdministrator, @DefaultValue("10") @Positive int perEmail,
			@DefaultValue("PT1H") @PositiveDuration Duration window) {

		/** Counted per administrator where {@link RateLimit} counts per client address. */
		RateLimit named(String name) {
			return new RateLimit(name, this.perAdministrator, this.perEmail, this.window);
		}

	}

}
