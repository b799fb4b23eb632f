package com.licensingportal.support;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;

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

}
