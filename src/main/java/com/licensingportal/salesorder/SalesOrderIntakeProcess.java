package com.licensingportal.salesorder;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one door to {@code bpmn/sales-order-intake.bpmn}. Business key: the order number; the process carries
 * nothing else of the order (orderNumber too, for the mail templates and the task's name): its delegates read
 * the order from the portal's tables.
 */
@Component
public class SalesOrderIntakeProcess {

	public static final String PROCESS_KEY = "SalesOrderIntake";

	private final RuntimeService runtime;

	private final ManagementService management;

	SalesOrderIntakeProcess(RuntimeService runtime, ManagementService management) {
		this.runtime = runtime;
		this.management = management;
	}

	/** Starts the intake in the caller's transaction: the order and its process are stored together. */
	void start(String orderNumber) {
		this.runtime.startProcessInstanceByKey(PROCESS_KEY, orderNumber, Map.of("orderNumber", orderNumber));
	}

	/**
	 * Runs the order's due jobs in this thread until it waits or ends, for callers that need the order entered
	 * before they go on (the demo at start-up, with or without a job executor). A job the executor took meanwhile
	 * is left to it.
	 */
	public void runDueSteps(String orderNumber) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(orderNumber)
			.singleResult();
		for (int round = 0; instance != null && round < 20; round++) {
			Job job = this.management.createJobQuery()
				.processInstanceId(instance.getId())
				.executable()
				.listPage(0, 1)
				.stream()
				.findFirst()
				.orElse(null);
			if (job == null) {
				return;
			}
			try {
				this.management.executeJob(job.getId());
			}
			catch (OptimisticLockingException takenByTheJobExecutor) {
				// The job executor ran it first; look again.
			}
		}
	}

}
