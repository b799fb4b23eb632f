package com.licensingportal.salesorder.flow;

import com.licensingportal.salesorder.SalesOrderIntakeService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN task EnterSalesOrder: the entitlement, its line items and the renewals, in one transaction. */
@Component("enterSalesOrder")
class EnterSalesOrderDelegate implements JavaDelegate {

	private final SalesOrderIntakeService orders;

	EnterSalesOrderDelegate(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.orders.enter(execution.getProcessBusinessKey(), "system");
	}

}
