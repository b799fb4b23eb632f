package com.licensingportal.transfer.flow;

import java.util.List;
import java.util.Optional;

import com.licensingportal.license.LineItem;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.transfer.TransferService.Executed;

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

	private final TransferService transfers;

	ExecuteTransferDelegate(TransferService transfers) {
		this.transfers = transfers;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long transferId = this.transfers.transferOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
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
				TransferService.distinct(List.of(executed.transfer().getRequestedBy()), executed.sourceAdministrators())));
	}

}
