package com.licensingportal.passwordreset;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a password reset link works, an ISO-8601 duration from {@code portal.password-reset.validity},
 * read by {@code bpmn/password-reset.bpmn} as {@code ${passwordResetTimers.validity}}.
 */
@Component("passwordResetTimers")
public class PasswordResetTimers {

	private final Duration validity;

	PasswordResetTimers(@Value("${portal.password-reset.validity:PT1H}") Duration validity) {
		if (validity.isNegative() || validity.isZero()) {
			throw new IllegalArgumentException("portal.password-reset.validity must be positive");
		}
		this.validity = validity;
	}

	public String getValidity() {
		return this.validity.toString();
	}

}
