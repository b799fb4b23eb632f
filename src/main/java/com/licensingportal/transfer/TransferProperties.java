package com.licensingportal.transfer;

import java.time.Duration;

import com.licensingportal.base.PositiveDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Channel transfers ({@code portal.transfer.*}).
 *
 * @param approvalTimeout how long a transfer waits for Order Management's decision before it expires, ISO-8601, e.g.
 * PT10M for a demo (PORTAL_TRANSFER_APPROVAL_TIMEOUT)
 */
@ConfigurationProperties("portal.transfer")
@Validated
public record TransferProperties(@DefaultValue("P5D") @PositiveDuration Duration approvalTimeout) {
}
