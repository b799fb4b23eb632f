package com.licensingportal.license;

import com.licensingportal.base.CamundaCron;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The expiry reminders ({@code portal.license-expiry.*}).
 *
 * @param reminderCycle when the expiry reminder process sends the daily digests, a Camunda cron expression (seconds
 * minutes hours day-of-month month day-of-week); read again each time it fires (PORTAL_EXPIRY_REMINDER_CYCLE)
 */
@ConfigurationProperties("portal.license-expiry")
@Validated
public record LicenseExpiryProperties(@DefaultValue("0 0 6 * * ?") @CamundaCron String reminderCycle) {
}
