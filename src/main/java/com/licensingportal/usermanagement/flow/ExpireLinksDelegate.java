package com.licensingportal.usermanagement.flow;

import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.LinkTokens;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The task that ends an emailed link's life unused (ExpireInvitation, ExpirePasswordResetLink): every link of
 * the process's {@code userId} for the purpose dies; the user stays as they are. Each process names its own
 * bean ({@code ${expireInvitation}}, {@code ${expirePasswordResetLink}}).
 */
public class ExpireLinksDelegate implements JavaDelegate {

	private final Purpose purpose;

	private final LinkTokens links;

	public ExpireLinksDelegate(Purpose purpose, LinkTokens links) {
		this.purpose = purpose;
		this.links = links;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.links.revokeAll((Long) execution.getVariable("userId"), this.purpose);
	}

}
