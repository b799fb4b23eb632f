package com.licensingportal.registration.flow;

import com.licensingportal.registration.RegistrationDecision;
import com.licensingportal.registration.RegistrationDecisionRefusedException;
import com.licensingportal.registration.RegistrationService;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener on the completion of ReviewRegistrationRequest: a decision that cannot be carried out
 * fails the completion with the reason, so that Tasklist shows it and the task stays open, unchanged.
 * Records who decided as {@code decidedBy}.
 */
@Component("validateRegistrationDecision")
public class ValidateRegistrationDecisionListener implements TaskListener {

	private final RegistrationService registrations;

	ValidateRegistrationDecisionListener(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void notify(DelegateTask task) {
		Long requestId = (Long) task.getVariable("requestId");
		try {
			this.registrations.check(requestId, RegistrationDecision.from(task.getVariables()));
		}
		catch (RegistrationDecisionRefusedException refused) {
			throw new ProcessEngineException(refused.getMessage());
		}
		task.setVariable("decidedBy", decidedBy(task));
	}

	private static String decidedBy(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		return task.getAssignee() == null ? "unknown" : task.getAssignee();
	}

}
