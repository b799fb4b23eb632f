package com.licensingportal.salesorder.flow;

import com.licensingportal.salesorder.SalesOrderIntakeService;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating {@code AssignSalesOrder}: the order as the Tasklist form shows it, in task-local variables read from
 * the portal's tables (a submitted form writes back only to them, never to what the process reads).
 */
@Component("describeSalesOrder")
class DescribeSalesOrderListener implements TaskListener {

	private final SalesOrderIntakeService orders;

	DescribeSalesOrderListener(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariablesLocal(this.orders.taskTexts(task.getExecution().getProcessBusinessKey()));
	}

}
