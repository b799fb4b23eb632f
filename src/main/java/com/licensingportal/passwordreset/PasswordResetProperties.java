package com.licensingportal.passwordreset;

import java.time.Duration;

import com.licensingportal.base.FormRateLimit;
import com.licensingportal.base.PositiveDuration;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Password resets ({@code portal.password-reset.*}).
 *
 * @param validity how long a password reset link works, ISO-8601 (PORTAL_PASSWORD_RESET_VALIDITY)
 * @param rateLimit requests for a link counted per client address and per email within the window; more are refused
 * until it passes
 */
@ConfigurationProperties("portal.password-reset")
@Validated
public record PasswordResetProperties(@DefaultValue("PT1H") @PositiveDuration Duration validity,
		@DefaultValue @Valid @NestedConfigurationProperty FormRateLimit rateLimit) {
}
