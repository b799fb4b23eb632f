package com.licensingportal.usermanagement;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timers of {@code bpmn/user-invitation.bpmn}, ISO-8601 durations from {@code portal.invitation.*}. The
 * process reads them as {@code ${invitationTimers.reminder}} and {@code ${invitationTimers.expiry}}, so that a
 * demo can shorten them: {@code PORTAL_INVITATION_REMINDER=PT2M PORTAL_INVITATION_EXPIRY=PT5M}.
 */
@Component("invitationTimers")
public class InvitationTimers {

	private final Duration reminder;

	private final Duration expiry;

	InvitationTimers(@Value("${portal.invitation.reminder:P3D}") Duration reminder,
			@Value("${portal.invitation.expiry:P7D}") Duration expiry) {
		if (reminder.isNegative() || reminder.isZero() || expiry.compareTo(reminder) <= 0) {
			throw new IllegalArgumentException(
					"portal.invitation.reminder must be positive and shorter than portal.invitation.expiry");
		}
		this.reminder = reminder;
		this.expiry = expiry;
	}

	/** How long after the invitation email the reminder goes out. */
	public String getReminder() {
		return this.reminder.toString();
	}

	/** How long an invitation stays open: then its links die and the inviter is told. */
	public String getExpiry() {
		return this.expiry.toString();
	}

	public Duration expiry() {
		return this.expiry;
	}

}
