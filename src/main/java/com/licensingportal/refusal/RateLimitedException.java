package com.licensingportal.refusal;

import java.io.Serial;
import java.time.Duration;

import com.licensingportal.text.Text;

/** The caller has asked too often ({@link Kind#TOO_MANY}); it may try again after {@link #retryAfter()}. */
public class RateLimitedException extends RefusedException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public RateLimitedException(Text text, Duration retryAfter) {
		super(Kind.TOO_MANY, text);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The Retry-After header's value: whole seconds, at least 1. */
	public String retryAfterSeconds() {
		return String.valueOf(Math.max(1, this.retryAfter.toSeconds()));
	}

}
