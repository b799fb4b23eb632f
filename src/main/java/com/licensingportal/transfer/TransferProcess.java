package com.licensingportal.transfer;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * The one door to {@code bpmn/channel-transfer.bpmn} (business key: the transfer number). Both calls run in
 * the caller's transaction: the process starts with the reservation, and a cancellation releases it at once.
 */
@Component
public class TransferProcess {

	public static final String PROCESS_KEY = "ChannelTransfer";

	public static final String DECISION_KEY = "TransferApproval";

	static final String TRANSFER_CANCELLED = "TransferCancelled";

	private final RuntimeService runtime;

	TransferProcess(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** What the approval decision said when the process started. */
	record Started(String processInstanceId, boolean approvalRequired, String approvalRule) {
	}

	/** Starts the process, which decides at once whether Order Management must approve. */
	Started start(String transferNumber, Map<String, Object> variables) {
		ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(transferNumber)
			.setVariables(variables)
			.executeWithVariablesInReturn();
		VariableMap decided = instance.getVariables();
		return new Started(instance.getId(), Boolean.TRUE.equals(decided.get("approvalRequired")),
				(String) decided.get("approvalRule"));
	}

	/** Ends a transfer that waits for approval; false when it no longer waits (decided or ended). */
	boolean cancel(String transferNumber, String cancelledBy) {
		boolean waiting = this.runtime.createExecutionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(transferNumber)
			.messageEventSubscriptionName(TRANSFER_CANCELLED)
			.count() > 0;
		if (!waiting) {
			return false;
		}
		this.runtime.createMessageCorrelation(TRANSFER_CANCELLED)
			.processInstanceBusinessKey(transferNumber)
			.setVariable("cancelledBy", cancelledBy)
			.correlateWithResult();
		return true;
	}

}
