package com.licensingportal.usermanagement.flow;

import java.time.Instant;
import java.util.Date;
import java.util.function.Function;

import com.licensingportal.mail.MailDates;
import com.licensingportal.mail.Mailer;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.LinkTokens;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.Variables;

/**
 * Starts a mail task that sends an emailed link (invitation, reminder, password reset), after its async
 * boundary: issues a new link for the process's {@code userId} that lives until the process's expiry timer
 * fires, and hands it to the mail as the transient variable {@code <prefix>Link}, so the token is in the email
 * and nowhere in the engine's tables; {@code <prefix>ExpiresOn} (words) and {@code <prefix>ExpiresAt} (a date)
 * say until when. The prefix is the purpose's ({@code invitation}, {@code passwordReset}). A failed send rolls
 * the link back. Each process names its own bean ({@code ${issueInvitationToken}},
 * {@code ${issuePasswordResetLink}}).
 */
public class IssueLinkListener implements ExecutionListener {

	private final Purpose purpose;

	private final Function<String, Instant> expiryOfProcessInstance;

	private final LinkTokens links;

	private final Mailer mailer;

	/**
	 * @param expiryOfProcessInstance the due date of the process instance's expiry timer, by its id (the
	 * process facade's {@code expiryOf})
	 */
	public IssueLinkListener(Purpose purpose, Function<String, Instant> expiryOfProcessInstance, LinkTokens links,
			Mailer mailer) {
		this.purpose = purpose;
		this.expiryOfProcessInstance = expiryOfProcessInstance;
		this.links = links;
		this.mailer = mailer;
	}

	@Override
	public void notify(DelegateExecution execution) {
		Instant expiresAt = this.expiryOfProcessInstance.apply(execution.getProcessInstanceId());
		String token = this.links.issue((Long) execution.getVariable("userId"), this.purpose, expiresAt);
		String prefix = this.purpose.variablePrefix();
		execution.setVariable(prefix + "ExpiresAt", Date.from(expiresAt));
		execution.setVariable(prefix + "ExpiresOn", MailDates.format(expiresAt));
		execution.setVariableLocal(prefix + "Link",
				Variables.stringValue(this.mailer.getBaseUrl() + this.purpose.path() + token, true));
	}

}
