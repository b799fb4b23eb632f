package com.licensingportal.registration;

import org.springframework.stereotype.Component;

/**
 * The timer of {@code bpmn/registration-request.bpmn}, an ISO-8601 duration from
 * {@code portal.registration.reminder}, read as {@code ${registrationTimers.reminder}}; a demo can shorten it
 * with {@code PORTAL_REGISTRATION_REMINDER=PT2M}.
 */
@Component("registrationTimers")
public class RegistrationTimers {

	private final RegistrationProperties settings;

	RegistrationTimers(RegistrationProperties settings) {
		this.settings = settings;
	}

	/** How long a request may wait for a decision before Order Management is reminded. */
	public String getReminder() {
		return this.settings.reminder().toString();
	}

}
