package com.licensingportal.usermanagement.flow;

import java.time.Instant;
import java.util.Date;

import com.licensingportal.mail.MailDates;
import com.licensingportal.mail.Mailer;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.usermanagement.InvitationService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts the invitation and reminder mail tasks, after their async boundary: issues a new link that lives
 * until the invitation expires and hands it to the mail as the transient variable {@code invitationLink}, so
 * the token is in the email and nowhere in the engine's tables. A failed send rolls the link back.
 */
@Component("issueInvitationToken")
public class IssueInvitationTokenListener implements ExecutionListener {

	private final InvitationService invitations;

	private final InvitationProcess process;

	private final Mailer mailer;

	IssueInvitationTokenListener(InvitationService invitations, InvitationProcess process, Mailer mailer) {
		this.invitations = invitations;
		this.process = process;
		this.mailer = mailer;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Long userId = (Long) execution.getVariable("userId");
		Instant expiresAt = this.process.expiryOf(execution.getProcessInstanceId());
		String token = this.invitations.issueToken(userId, expiresAt);
		execution.setVariable("invitationExpiresAt", Date.from(expiresAt));
		execution.setVariable("invitationExpiresOn", MailDates.format(expiresAt));
		execution.setVariableLocal("invitationLink",
				Variables.stringValue(this.mailer.getBaseUrl() + "/invitations/" + token, true));
	}

}
