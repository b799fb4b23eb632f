package com.licensingportal.security;

import java.time.Duration;

import com.licensingportal.base.PositiveDuration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The login lockout ({@code portal.login.*}), for portal and Camunda logins alike.
 *
 * @param maxFailures failed logins for one email from one client address within the lockout after which further tries
 * are refused (PORTAL_LOGIN_MAX_FAILURES)
 * @param lockout the window in which failed logins count, and how long a locked login is refused, ISO-8601
 * (PORTAL_LOGIN_LOCKOUT)
 */
@ConfigurationProperties("portal.login")
@Validated
public record LoginProperties(@DefaultValue("10") @Positive int maxFailures,
		@DefaultValue("PT15M") @PositiveDuration Duration lockout) {
}
