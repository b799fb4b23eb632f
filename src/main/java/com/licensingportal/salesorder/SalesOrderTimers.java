package com.licensingportal.salesorder;

import org.springframework.stereotype.Component;

/**
 * The timer of {@code bpmn/sales-order-intake.bpmn}, an ISO-8601 duration from
 * {@code portal.sales-order.assignment-reminder}, read as {@code ${salesOrderTimers.reminder}}.
 */
@Component("salesOrderTimers")
public class SalesOrderTimers {

	private final SalesOrderProperties settings;

	SalesOrderTimers(SalesOrderProperties settings) {
		this.settings = settings;
	}

	/** How long an order may wait for an account before Order Management is reminded. */
	public String getReminder() {
		return this.settings.assignmentReminder().toString();
	}

}
