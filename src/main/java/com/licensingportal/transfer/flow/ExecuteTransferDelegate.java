package com.licensingportal.transfer.flow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.licensingportal.license.LineItem;
import com.licensingportal.transfer.TransferExecution;
import com.licensingportal.transfer.TransferExecution.Executed;
import com.licensingportal.transfer.TransferProcess;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Move the channels": checks again what the request checked, and throws the BPMN error
 * {@value #NO_LONGER_POSSIBLE} with the reason as its message when that no longer holds; otherwise executes the
 * transfer and sets what the emails need: receivedActivationId, receivedEntitlementId and receivedTotal (the line item that holds the channels now), receivedMailTo (the
 * target's administrators, empty when it has none) and completedMailTo (the requester and the source's
 * administrators).
 */
@Component("executeTransfer")
class ExecuteTransferDelegate implements JavaDelegate {

	static final String NO_LONGER_POSSIBLE = "TransferNoLongerPossible";

	private final TransferProcess process;

	private final TransferExecution transfers;

	ExecuteTransferDelegate(TransferProcess process, TransferExecution transfers) {
		this.process = process;
		this.transfers = transfers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long transferId = this.process.transferOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
		Optional<String> noLongerPossible = this.transfers.noLongerPossible(transferId);
		if (noLongerPossible.isPresent()) {
			throw new BpmnError(NO_LONGER_POSSIBLE, noLongerPossible.get());
		}
		Executed executed = this.transfers.execute(transferId);
		LineItem result = executed.result();
		execution.setVariable("receivedActivationId", result.getActivationId());
		execution.setVariable("receivedEntitlementId", result.getEntitlement().getEntitlementId());
		execution.setVariable("receivedTotal", result.getTotalQuantity());
		execution.setVariable("receivedMailTo", String.join(", ", executed.targetAdministrators()));
		execution.setVariable("completedMailTo", String.join(", ",
				distinct(List.of(executed.transfer().getRequestedBy()), executed.sourceAdministrators())));
	}

	/** The addresses of both lists, each once, in order. */
	private static List<String> distinct(List<String> first, List<String> then) {
		Set<String> addresses = new LinkedHashSet<>(first);
		addresses.addAll(then);
		return List.copyOf(addresses);
	}

}
