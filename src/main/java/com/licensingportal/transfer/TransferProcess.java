package com.licensingportal.transfer;

import java.util.HashMap;
import java.util.Map;

import com.licensingportal.license.Channels;
import com.licensingportal.user.PortalUser;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

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

	private final ChannelTransferRepository transfers;

	TransferProcess(RuntimeService runtime, ChannelTransferRepository transfers) {
		this.runtime = runtime;
		this.transfers = transfers;
	}

	/** What the approval decision said when the process started. */
	record Started(String processInstanceId, boolean approvalRequired, String approvalRule) {
	}

	/** Starts the process, which decides at once whether Order Management must approve. */
	Started start(ChannelTransfer transfer, PortalUser requester, ApprovalInputs inputs) {
		ProcessInstanceWithVariables instance = this.runtime.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(transfer.getTransferNumber())
			.setVariables(variables(transfer, requester, inputs))
			.executeWithVariablesInReturn();
		VariableMap decided = instance.getVariables();
		return new Started(instance.getId(), Boolean.TRUE.equals(decided.get("approvalRequired")),
				(String) decided.get("approvalRule"));
	}

	/**
	 * The process variables: the decision's inputs, the transfer's number and channels (Tasklist's task name, and
	 * what Cockpit shows of a running instance) and the requester's address (the emails to the requester). The
	 * emails read the rest from the transfer's row ({@code transferMail}); what only the approval form shows is left
	 * to {@link ApprovalTask#formTexts}, so that a transfer decided automatically does not write it.
	 */
	private static Map<String, Object> variables(ChannelTransfer transfer, PortalUser requester, ApprovalInputs inputs) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("transferNumber", transfer.getTransferNumber());
		variables.put("amount", transfer.getAmount());
		variables.put("channelsText", Channels.of(transfer.getAmount()));
		variables.put("relation", inputs.relation().name());
		variables.put("productType", transfer.getSource().getProduct().getProductType());
		variables.put("requesterRole", inputs.requesterRole().name());
		variables.put("requesterEmail", requester.getEmail());
		return variables;
	}

	/**
	 * The transfer a process instance works on: the one whose number is the instance's business key (set at the
	 * start; Tasklist users cannot change it) and, once recorded, whose row names this instance. Never a process
	 * variable, which a Tasklist user might have written.
	 */
	@Transactional
	public Long transferOf(String businessKey, String processInstanceId) {
		ChannelTransfer transfer = this.transfers.findByTransferNumber(businessKey)
			.orElseThrow(() -> new IllegalStateException("Process instance " + processInstanceId
					+ " has the business key " + businessKey + ", which is no transfer"));
		if (transfer.getProcessInstanceId() != null && !transfer.getProcessInstanceId().equals(processInstanceId)) {
			throw new IllegalStateException("Process instance " + processInstanceId + " claims transfer " + businessKey
					+ ", which belongs to process instance " + transfer.getProcessInstanceId());
		}
		return transfer.getId();
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
