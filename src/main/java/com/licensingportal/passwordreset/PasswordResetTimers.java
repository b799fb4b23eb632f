package com.licensingportal.passwordreset;

import org.springframework.stereotype.Component;

/**
 * How long a password reset link works, an ISO-8601 duration from {@code portal.password-reset.validity},
 * read by {@code bpmn/password-reset.bpmn} as {@code ${passwordResetTimers.validity}}.
 */
@Component("passwordResetTimers")
public class PasswordResetTimers {

	private final PasswordResetProperties settings;

	PasswordResetTimers(PasswordResetProperties settings) {
		this.settings = settings;
	}

	public String getValidity() {
		return this.settings.validity().toString();
	}

}
