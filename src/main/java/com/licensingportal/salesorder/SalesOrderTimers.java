package com.licensingportal.salesorder;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timer of {@code bpmn/sales-order-intake.bpmn}, an ISO-8601 duration from
 * {@code portal.sales-order.assignment-reminder}, read as {@code ${salesOrderTimers.reminder}}.
 */
@Component("salesOrderTimers")
public class SalesOrderTimers {

	private final Duration reminder;

	SalesOrderTimers(@Value("${portal.sales-order.assignment-reminder:P2D}") Duration reminder) {
		if (reminder.isNegative() || reminder.isZero()) {
			throw new IllegalArgumentException("portal.sales-order.assignment-reminder must be positive");
		}
		this.reminder = reminder;
	}

	/** How long an order may wait for an account before Order Management is reminded. */
	public String getReminder() {
		return this.reminder.toString();
	}

}
