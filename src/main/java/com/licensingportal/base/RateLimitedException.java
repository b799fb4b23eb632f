package com.licensingportal.base;

import java.io.Serial;
import java.time.Duration;

/** The caller has asked too often; it may try again after {@link #retryAfter()}. */
public class RateLimitedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public RateLimitedException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
