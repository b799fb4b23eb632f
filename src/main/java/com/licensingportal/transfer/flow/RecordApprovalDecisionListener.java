package com.licensingportal.transfer.flow;

import java.util.Optional;

import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.transfer.ApprovalTask;
import com.licensingportal.transfer.TransferProcess;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completing {@code ApproveChannelTransfer}: records Order Management's decision (approval "approve" or
 * "reject", approvalReason, and who decided as decidedBy) on the transfer before the process goes on. A
 * rejection without a reason is refused ({@link DecisionRefusedException}), and so the task stays open.
 */
@Component("recordApprovalDecision")
class RecordApprovalDecisionListener implements TaskListener {

	private final TransferProcess process;

	private final ApprovalTask approval;

	private final IdentityService identity;

	RecordApprovalDecisionListener(TransferProcess process, ApprovalTask approval, IdentityService identity) {
		this.process = process;
		this.approval = approval;
		this.identity = identity;
	}

	@Override
	public void notify(DelegateTask task) {
		Object approval = task.getVariable("approval");
		if (!"approve".equals(approval) && !"reject".equals(approval)) {
			throw new DecisionRefusedException(Text.of("mail.decision.approveOrReject"));
		}
		String decidedBy = Optional.ofNullable(this.identity.getCurrentAuthentication())
			.map(Authentication::getUserId)
			.or(() -> Optional.ofNullable(task.getAssignee()))
			.orElse(Text.of("mail.tasklist.orderManagement").in(Languages.ENGLISH));
		task.setVariable("decidedBy", decidedBy);
		this.approval.recordDecision(
				this.process.transferOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId()),
				"approve".equals(approval), decidedBy,
				(String) task.getVariable("approvalReason"));
	}

}
