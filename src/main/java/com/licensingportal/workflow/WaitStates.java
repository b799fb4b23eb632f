package com.licensingportal.workflow;

import java.time.Instant;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * What the process facades ask the engine before they correlate or issue a link: is a process waiting for
 * this message, when does this timer fire, what time the engine thinks it is.
 */
@Component
public class WaitStates {

	private final RuntimeService runtime;

	private final ManagementService management;

	WaitStates(RuntimeService runtime, ManagementService management) {
		this.runtime = runtime;
		this.management = management;
	}

	/** Whether a process of this definition and business key waits for the message right now. */
	public boolean isWaitingFor(String processKey, String businessKey, String message) {
		return this.runtime.createExecutionQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.messageEventSubscriptionName(message)
			.count() > 0;
	}

	/** When the timer of this activity (e.g. a boundary event) in the process instance fires. */
	public Instant dueDateOf(String processInstanceId, String timerActivityId) {
		Job timer = this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(timerActivityId)
			.timers()
			.singleResult();
		if (timer == null) {
			throw new IllegalStateException("Process instance " + processInstanceId + " has no timer " + timerActivityId);
		}
		return timer.getDuedate().toInstant();
	}

	/** The engine's clock, which the timers follow: a link dies exactly when the process says so. */
	public Instant now() {
		return ClockUtil.getCurrentTime().toInstant();
	}

}
