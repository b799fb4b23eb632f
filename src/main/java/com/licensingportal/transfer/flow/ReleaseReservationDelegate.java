package com.licensingportal.transfer.flow;

import com.licensingportal.transfer.TransferExecution;
import com.licensingportal.transfer.TransferProcess;
import com.licensingportal.transfer.TransferState;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Release the reservation": the variable outcome (REJECTED, EXPIRED, CANCELLED or NO_LONGER_POSSIBLE, set on
 * the way in by the model) says
 * how the transfer ends; the one who ended it is decidedBy, the system or cancelledBy.
 */
@Component("releaseReservation")
class ReleaseReservationDelegate implements JavaDelegate {

	private final TransferProcess process;

	private final TransferExecution execution;

	ReleaseReservationDelegate(TransferProcess process, TransferExecution execution) {
		this.process = process;
		this.execution = execution;
	}

	@Override
	public void execute(DelegateExecution execution) {
		TransferState outcome = TransferState.valueOf((String) execution.getVariable("outcome"));
		String by = switch (outcome) {
			case REJECTED -> (String) execution.getVariable("decidedBy");
			case CANCELLED -> (String) execution.getVariable("cancelledBy");
			default -> "system";
		};
		this.execution.release(this.process.transferOf(execution.getProcessBusinessKey(),
				execution.getProcessInstanceId()), outcome, by);
	}

}
