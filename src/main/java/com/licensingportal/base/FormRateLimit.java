package com.licensingportal.base;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The configured limit of a public form ({@code portal.<form>.rate-limit.*}), by default 10 attempts per client
 * address and 3 per email an hour.
 *
 * @param perClientAddress attempts from one client address within the window; more are refused until it passes
 * @param perEmail attempts for one email address within the window; more are refused until it passes
 * @param window the sliding window the attempts are counted in, ISO-8601
 */
public record FormRateLimit(@DefaultValue("10") @Positive int perClientAddress,
		@DefaultValue("3") @Positive int perEmail,
		@DefaultValue("PT1H") @PositiveDuration Duration window) {

	/** The limit, counted under the form's name, e.g. {@code registration}. */
	public RateLimit named(String name) {
		return new RateLimit(name, this.perClientAddress, this.perEmail, this.window);
	}

}
