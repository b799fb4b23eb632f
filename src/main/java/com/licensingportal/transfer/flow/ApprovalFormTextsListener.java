package com.licensingportal.transfer.flow;

import com.licensingportal.transfer.ApprovalTask;
import com.licensingportal.transfer.TransferProcess;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Creating {@code ApproveChannelTransfer}: writes what only its form shows (the summary and the license's
 * history, as escaped Markdown) as the task's local variables. Transfers decided automatically never get there, and
 * so never write them.
 */
@Component("approvalFormTexts")
class ApprovalFormTextsListener implements TaskListener {

	private final TransferProcess process;

	private final ApprovalTask approval;

	ApprovalFormTextsListener(TransferProcess process, ApprovalTask approval) {
		this.process = process;
		this.approval = approval;
	}

	@Override
	public void notify(DelegateTask task) {
		task.setVariablesLocal(this.approval.formTexts(
				this.process.transferOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId()),
				(String) task.getVariable("requesterRole"), (String) task.getVariable("approvalRule")));
	}

}
