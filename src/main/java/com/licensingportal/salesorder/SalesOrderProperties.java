package com.licensingportal.salesorder;

import java.time.Duration;

import com.licensingportal.base.PositiveDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sales orders from the order system ({@code portal.sales-order.*}).
 *
 * @param assignmentReminder an order whose customer number no account has waits in Tasklist; after this a reminder to
 * the Order Management mailbox, ISO-8601 (PORTAL_SALES_ORDER_REMINDER)
 */
@ConfigurationProperties("portal.sales-order")
@Validated
public record SalesOrderProperties(@DefaultValue("P2D") @PositiveDuration Duration assignmentReminder) {
}
