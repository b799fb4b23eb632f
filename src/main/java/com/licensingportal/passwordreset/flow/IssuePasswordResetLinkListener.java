package com.licensingportal.passwordreset.flow;

import java.time.Instant;

import com.licensingportal.mail.MailDates;
import com.licensingportal.mail.Mailer;
import com.licensingportal.passwordreset.PasswordResetProcess;
import com.licensingportal.passwordreset.PasswordResetService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Starts the mail task SendPasswordResetLink, after its async boundary: issues the link, which lives until
 * the reset's expiry timer fires, and hands it to the mail as the transient variable
 * {@code passwordResetLink}, so the token is in the email and nowhere in the engine's tables.
 */
@Component("issuePasswordResetLink")
public class IssuePasswordResetLinkListener implements ExecutionListener {

	private final PasswordResetService resets;

	private final PasswordResetProcess process;

	private final Mailer mailer;

	IssuePasswordResetLinkListener(PasswordResetService resets, PasswordResetProcess process, Mailer mailer) {
		this.resets = resets;
		this.process = process;
		this.mailer = mailer;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Instant expiresAt = this.process.expiryOf(execution.getProcessInstanceId());
		String token = this.resets.issueLink((Long) execution.getVariable("userId"), expiresAt);
		execution.setVariable("passwordResetExpiresOn", MailDates.format(expiresAt));
		execution.setVariableLocal("passwordResetLink",
				Variables.stringValue(this.mailer.getBaseUrl() + "/password-reset/" + token, true));
	}

}
