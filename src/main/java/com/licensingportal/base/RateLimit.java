package com.licensingportal.base;

import java.time.Duration;

/**
 * How often a public form may be used: at most {@code perClientAddress} attempts from one client address
 * and {@code perEmail} attempts for one email address within {@code window}.
 *
 * @param name what is limited, e.g. {@code registration}; attempts of different limits never mix
 */
public record RateLimit(String name, int perClientAddress, int perEmail, Duration window) {

	public RateLimit {
		if (name == null || name.isBlank() || name.length() > 30) {
			throw new IllegalArgumentException("A rate limit needs a name of 1 to 30 characters");
		}
		if (perClientAddress < 1 || perEmail < 1 || window == null || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("Rate limit " + name + " needs positive counts and a positive window");
		}
	}

}
