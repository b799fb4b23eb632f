package com.licensingportal.salesorder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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

	private final HistoryService history;

	/** Where an order's intake process is: for Order Management's page of the order, with a link to Cockpit. */
	public record Trace(String processInstanceId, boolean ended, Instant startedAt, Instant endedAt,
			List<String> waitingAt, List<Incident> incidents) {
	}

	/** An incident of the process: a step that failed all its retries and waits for someone in Cockpit. */
	public record Incident(String activity, String message, Instant since) {
	}

	SalesOrderIntakeProcess(RuntimeService runtime, ManagementService management, HistoryService history) {
		this.runtime = runtime;
		this.management = management;
		this.history = history;
	}

	/** The order's intake process as the engine's history knows it; none for an order taken in before history. */
	public Optional<Trace> trace(String orderNumber) {
		HistoricProcessInstance instance = this.history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(orderNumber)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
		if (instance == null) {
			return Optional.empty();
		}
		List<String> waitingAt = this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.unfinished()
			.list()
			.stream()
			.map(HistoricActivityInstance::getActivityName)
			.filter(name -> name != null)
			.toList();
		List<Incident> incidents = this.runtime.createIncidentQuery()
			.processInstanceId(instance.getId())
			.list()
			.stream()
			.map(incident -> new Incident(incident.getActivityId(), incident.getIncidentMessage(),
					incident.getIncidentTimestamp().toInstant()))
			.toList();
		return Optional.of(new Trace(instance.getId(), instance.getEndTime() != null,
				instance.getStartTime().toInstant(),
				instance.getEndTime() == null ? null : instance.getEndTime().toInstant(), waitingAt, incidents));
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
