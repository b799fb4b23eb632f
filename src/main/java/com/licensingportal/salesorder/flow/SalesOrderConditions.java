package com.licensingportal.salesorder.flow;

import com.licensingportal.salesorder.SalesOrderIntakeService;

import org.springframework.stereotype.Component;

/**
 * The gateways of {@code bpmn/sales-order-intake.bpmn} ask the portal's tables, never a variable that a
 * Tasklist user could have written: {@code ${salesOrders.accountKnown(execution.processBusinessKey)}}.
 */
@Component("salesOrders")
public class SalesOrderConditions {

	private final SalesOrderIntakeService orders;

	SalesOrderConditions(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	public boolean accountKnown(String orderNumber) {
		return this.orders.hasAccount(orderNumber);
	}

	public boolean rejected(String orderNumber) {
		return this.orders.isRejected(orderNumber);
	}

}
