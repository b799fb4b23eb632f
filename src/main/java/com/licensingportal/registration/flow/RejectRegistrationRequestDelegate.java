package com.licensingportal.registration.flow;

import com.licensingportal.registration.RegistrationDecision;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.registration.RegistrationService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** BPMN task RejectRegistrationRequest: records the rejection; the email with the reason follows. */
@Component("rejectRegistrationRequest")
public class RejectRegistrationRequestDelegate implements JavaDelegate {

	private final RegistrationService registrations;

	RejectRegistrationRequestDelegate(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.registrations.reject(RegistrationProcess.requestOf(execution),
				RegistrationDecision.from(execution.getVariables()), (String) execution.getVariable("decidedBy"));
	}

}
