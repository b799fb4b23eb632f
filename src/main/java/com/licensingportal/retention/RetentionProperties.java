package com.licensingportal.retention;

import java.time.Duration;

import com.licensingportal.base.CamundaCron;
import com.licensingportal.base.PositiveDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long personal data that has served its purpose is kept ({@code portal.retention.*}), ISO-8601 durations counted
 * from when it stopped being needed; the process personal-data-retention removes it (README: Data retention).
 *
 * @param cycle when the personal data retention process runs, a Camunda cron expression (PORTAL_RETENTION_CYCLE)
 * @param registrationRequests how long decided registration requests are kept after the decision
 * (PORTAL_RETENTION_REGISTRATION_REQUESTS)
 * @param linkTokens how long invitation and password reset links nobody followed are kept after they expired
 * (PORTAL_RETENTION_LINK_TOKENS)
 * @param rateLimits how long the public forms' rate-limit hits and the limits' lock rows are kept
 * (PORTAL_RETENTION_RATE_LIMITS)
 * @param failedLogins how long failed logins, the lockout's count, are kept (PORTAL_RETENTION_FAILED_LOGINS)
 */
@ConfigurationProperties("portal.retention")
@Validated
public record RetentionProperties(@DefaultValue("0 30 3 * * ?") @CamundaCron String cycle,
		@DefaultValue("P90D") @PositiveDuration Duration registrationRequests,
		@DefaultValue("P30D") @PositiveDuration Duration linkTokens,
		@DefaultValue("P1D") @PositiveDuration Duration rateLimits,
		@DefaultValue("P1D") @PositiveDuration Duration failedLogins) {
}
