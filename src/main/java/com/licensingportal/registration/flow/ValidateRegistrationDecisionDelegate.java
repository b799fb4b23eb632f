package com.licensingportal.registration.flow;

import com.licensingportal.registration.RegistrationDecision;
import com.licensingportal.text.Text;
import com.licensingportal.text.Languages;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.registration.RegistrationService;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * BPMN task ValidateRegistrationDecision, in the transaction of the review task's completion: a decision
 * that cannot be carried out fails the completion with the reason, so that Tasklist shows it and the task
 * stays open, unchanged. Records who decided as {@code decidedBy}.
 */
@Component("validateRegistrationDecision")
public class ValidateRegistrationDecisionDelegate implements JavaDelegate {

	private final RegistrationService registrations;

	ValidateRegistrationDecisionDelegate(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// A refusal is a refusal.DecisionRefusedException, not a BpmnError: nothing in the model may catch it, the
		// completion itself must fail.
		this.registrations.check(RegistrationProcess.requestOf(execution),
				RegistrationDecision.from(execution.getVariables()));
		Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		execution.setVariable("decidedBy",
				current == null || current.getUserId() == null ? Text.of("mail.tasklist.orderManagement").in(Languages.ENGLISH) : current.getUserId());
	}

}
