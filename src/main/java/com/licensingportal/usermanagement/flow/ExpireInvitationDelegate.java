package com.licensingportal.usermanagement.flow;

import com.licensingportal.usermanagement.InvitationService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN task ExpireInvitation: every link of the invitation dies; the user stays invited. */
@Component("expireInvitation")
public class ExpireInvitationDelegate implements JavaDelegate {

	private final InvitationService invitations;

	ExpireInvitationDelegate(InvitationService invitations) {
		this.invitations = invitations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.invitations.expireLinks((Long) execution.getVariable("userId"));
	}

}
