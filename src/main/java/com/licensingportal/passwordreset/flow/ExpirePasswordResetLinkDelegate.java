package com.licensingportal.passwordreset.flow;

import com.licensingportal.passwordreset.PasswordResetService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN task ExpirePasswordResetLink: the unused link dies; the password stays as it was. */
@Component("expirePasswordResetLink")
public class ExpirePasswordResetLinkDelegate implements JavaDelegate {

	private final PasswordResetService resets;

	ExpirePasswordResetLinkDelegate(PasswordResetService resets) {
		this.resets = resets;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.resets.expireLinks((Long) execution.getVariable("userId"));
	}

}
