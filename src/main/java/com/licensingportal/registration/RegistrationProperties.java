package com.licensingportal.registration;

import java.time.Duration;

import com.licensingportal.base.FormRateLimit;
import com.licensingportal.base.PositiveDuration;

import jakarta.validation.Valid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Requests for access ({@code portal.registration.*}).
 *
 * @param reminder no decision on a registration request within this time: a reminder to the Order Management mailbox,
 * ISO-8601 (PORTAL_REGISTRATION_REMINDER)
 * @param rateLimit requests counted per client address and per email within the window; more are refused until it
 * passes
 */
@ConfigurationProperties("portal.registration")
@Validated
public record RegistrationProperties(@DefaultValue("P2D") @PositiveDuration Duration reminder,
		@DefaultValue @Valid @NestedConfigurationProperty FormRateLimit rateLimit) {
}
