package com.licensingportal.registration;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timer of {@code bpmn/registration-request.bpmn}, an ISO-8601 duration from
 * {@code portal.registration.reminder}, read as {@code ${registrationTimers.reminder}}; a demo can shorten it
 * with {@code PORTAL_REGISTRATION_REMINDER=PT2M}.
 */
@Component("registrationTimers")
public class RegistrationTimers {

	private final Duration reminder;

	RegistrationTimers(@Value("${portal.registration.reminder:P2D}") Duration reminder) {
		if (reminder.isNegative() || reminder.isZero()) {
			throw new IllegalArgumentException("portal.registration.reminder must be positive");
		}
		this.reminder = reminder;
	}

	/** How long a request may wait for a decision before Order Management is reminded. */
	public String getReminder() {
		return this.reminder.toString();
	}

}
