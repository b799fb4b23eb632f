package com.licensingportal.usermanagement;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * The timers of {@code bpmn/user-invitation.bpmn} ({@link InvitationProperties}) as the process reads them:
 * {@code ${invitationTimers.reminder}} and {@code ${invitationTimers.expiry}}.
 */
@Component("invitationTimers")
public class InvitationTimers {

	private final InvitationProperties settings;

	InvitationTimers(InvitationProperties settings) {
		this.settings = settings;
	}

	/** How long after the invitation email the reminder goes out. */
	public String getReminder() {
		return this.settings.reminder().toString();
	}

	/** How long an invitation stays open: then its links die and the inviter is told. */
	public String getExpiry() {
		return this.settings.expiry().toString();
	}

	public Duration expiry() {
		return this.settings.expiry();
	}

}
