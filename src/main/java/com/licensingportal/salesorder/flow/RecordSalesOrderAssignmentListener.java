package com.licensingportal.salesorder.flow;

import com.licensingportal.salesorder.AssignmentDecision;
import com.licensingportal.salesorder.SalesOrderIntakeService;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code AssignSalesOrder}: carries out Order Management's decision (create the account, assign an
 * existing one, reject) in the completion's transaction; a decision that cannot be carried out fails it with the
 * reason and the task stays open. {@code decisionFormGuard} has refused any other variable before this runs, and
 * the order is the process's business key, not a variable.
 */
@Component("recordSalesOrderAssignment")
class RecordSalesOrderAssignmentListener implements TaskListener {

	private final SalesOrderIntakeService orders;

	RecordSalesOrderAssignmentListener(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	@Override
	public void notify(DelegateTask task) {
		this.orders.decide(task.getExecution().getProcessBusinessKey(),
				AssignmentDecision.from(task.getExecution().getVariables()));
	}

}
