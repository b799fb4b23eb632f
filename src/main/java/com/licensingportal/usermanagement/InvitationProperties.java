package com.licensingportal.usermanagement;

import java.time.Duration;

import com.licensingportal.base.PositiveDuration;

import jakarta.validation.constraints.AssertTrue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The timers of {@code bpmn/user-invitation.bpmn} ({@code portal.invitation.*}), ISO-8601 durations; a demo can
 * shorten them: {@code PORTAL_INVITATION_REMINDER=PT2M PORTAL_INVITATION_EXPIRY=PT5M}.
 *
 * @param reminder how long after the invitation email the reminder goes out (PORTAL_INVITATION_REMINDER)
 * @param expiry how long an invitation stays open: then its links die and the inviter is told
 * (PORTAL_INVITATION_EXPIRY)
 */
@ConfigurationProperties("portal.invitation")
@Validated
public record InvitationProperties(@DefaultValue("P3D") @PositiveDuration Duration reminder,
		@DefaultValue("P7D") @PositiveDuration Duration expiry) {

	@AssertTrue(message = "portal.invitation.reminder must be shorter than portal.invitation.expiry")
	boolean isReminderBeforeExpiry() {
		return this.reminder == null || this.expiry == null || this.reminder.compareTo(this.expiry) < 0;
	}

}
