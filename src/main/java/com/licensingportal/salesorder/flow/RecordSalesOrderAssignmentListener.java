package com.licensingportal.salesorder.flow;

import java.util.Set;
import java.util.TreeSet;

import com.licensingportal.salesorder.AssignmentDecision;
import com.licensingportal.salesorder.SalesOrderIntakeService;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Completing {@code AssignSalesOrder}: carries out Order Management's decision (create the account, assign an
 * existing one, reject) in the completion's transaction. The completion may write only the decision fields;
 * anything else, or a decision that cannot be carried out, fails it with the reason and the task stays open.
 * The order is the process's business key, not a variable.
 */
@Component("recordSalesOrderAssignment")
class RecordSalesOrderAssignmentListener implements TaskListener {

	/** What the process itself keeps; the completion may not change it. */
	private static final String ORDER_NUMBER = "orderNumber";

	private final SalesOrderIntakeService orders;

	RecordSalesOrderAssignmentListener(SalesOrderIntakeService orders) {
		this.orders = orders;
	}

	@Override
	public void notify(DelegateTask task) {
		String orderNumber = task.getExecution().getProcessBusinessKey();
		Set<String> foreign = new TreeSet<>(task.getExecution().getProcessInstance().getVariableNamesLocal());
		foreign.removeAll(AssignmentDecision.FIELDS);
		foreign.remove(ORDER_NUMBER);
		if (!foreign.isEmpty() || !orderNumber.equals(task.getExecution().getVariable(ORDER_NUMBER))) {
			foreign.add(orderNumber.equals(task.getExecution().getVariable(ORDER_NUMBER)) ? "" : ORDER_NUMBER);
			foreign.remove("");
			throw new ProcessEngineException("This task takes only decision, existingAccountNumber and rejectionReason; "
					+ "it does not take " + String.join(", ", foreign) + ".");
		}
		this.orders.decide(orderNumber, AssignmentDecision.from(task.getExecution().getVariables()));
	}

}
