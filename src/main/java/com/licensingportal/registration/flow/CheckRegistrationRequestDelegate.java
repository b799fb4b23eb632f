package com.licensingportal.registration.flow;

import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.registration.RegistrationService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN task CheckRegistrationRequest: what the reviewer needs to know before deciding (is the email a user
 * already, is the proof an Entitlement and whose), and the form's starting values.
 */
@Component("checkRegistrationRequest")
public class CheckRegistrationRequestDelegate implements JavaDelegate {

	private final RegistrationService registrations;

	CheckRegistrationRequestDelegate(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		execution.setVariables(this.registrations.reviewChecks(RegistrationProcess.requestOf(execution)).asVariables());
	}

}
