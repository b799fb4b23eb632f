package com.licensingportal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The test suite runs without the job executor: tests execute a process's due jobs (async mail tasks,
 * due timers) themselves, so that every step happens when the test says.
 */
public final class ProcessJobs {

	private ProcessJobs() {
	}

	/** Executes the jobs of the process instance that are due now, repeatedly, until none is left. */
	public static void executeDue(ManagementService management, String processInstanceId) {
		for (int round = 0; round < 50; round++) {
			List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				management.executeJob(job.getId());
			}
		}
		throw new IllegalStateException("Process instance " + processInstanceId + " keeps making jobs");
	}

	/** Executes every due job of every process instance, e.g. after a web request that started a process. */
	public static void executeAllDue(ManagementService management) {
		for (int round = 0; round < 50; round++) {
			List<Job> due = management.createJobQuery().executable().list();
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				management.executeJob(job.getId());
			}
		}
		throw new IllegalStateException("Jobs keep coming");
	}

	/**
	 * Ends the running processes of this definition and business key that a test started, so that no timer or
	 * mail job of theirs fires in a later test (the database outlives the run on MySQL).
	 */
	public static void endRunning(RuntimeService runtime, String processKey, String businessKey) {
		runtime.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.list()
			.forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "end of test"));
	}

	/** The timer job of the latest version of a process with a timer start event. */
	public static Job timerStart(ProcessEngine engine, String processKey) {
		String definitionId = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.processDefinitionKey(processKey)
			.latestVersion()
			.singleResult()
			.getId();
		return engine.getManagementService().createJobQuery().processDefinitionId(definitionId).timers().singleResult();
	}

	/** Fires the timer start event as the job executor would, and answers the one instance it started. */
	public static ProcessInstance fireTimerStart(ProcessEngine engine, String processKey) {
		RuntimeService runtime = engine.getRuntimeService();
		Set<String> running = runtime.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.collect(Collectors.toSet());
		engine.getManagementService().executeJob(timerStart(engine, processKey).getId());
		List<ProcessInstance> started = new ArrayList<>(runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list());
		started.removeIf(instance -> running.contains(instance.getId()));
		if (started.size() != 1) {
			throw new IllegalStateException("The timer of " + processKey + " started " + started.size() + " instances");
		}
		return started.get(0);
	}

}
