package com.licensingportal.salesorder.flow;

import com.licensingportal.salesorder.SalesOrderIntakeService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN task FindSoldToAccount: the account with the order's customer number, if any, becomes its sold-to account. */
@Component("findSoldToAccount")
class FindSoldToAccountDelegate implements JavaDelegate {

	private final SalesOrderIntakeService orders;

	FindSoldToAccountDelegate(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.orders.findSoldToAccount(execution.getProcessBusinessKey());
	}

}
