package com.licensingportal.registration.flow;

import com.licensingportal.registration.RegistrationDecision;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.registration.RegistrationService;
import com.licensingportal.registration.RegistrationService.Approval;

import com.licensingportal.workflow.RequestLanguage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * BPMN task ApproveRegistrationRequest, in the transaction of the review task's completion: the account (if
 * new) and the administrator are created and the invitation starts, or nothing happens and the task stays. Sets
 * existingAdministratorsMailTo: the administrators an existing account had, to be told (empty for a new account).
 */
@Component("approveRegistrationRequest")
public class ApproveRegistrationRequestDelegate implements JavaDelegate {

	private final RegistrationService registrations;

	ApproveRegistrationRequestDelegate(RegistrationService registrations) {
		this.registrations = registrations;
	}

	@Override
	public void execute(DelegateExecution execution) {
		// The new administrator's invitation speaks the language of their registration.
		Approval approval = RequestLanguage.inherited(execution.getVariable(RequestLanguage.VARIABLE),
				() -> this.registrations.approve(RegistrationProcess.requestOf(execution),
						RegistrationDecision.from(execution.getVariables()), (String) execution.getVariable("decidedBy")));
		execution.setVariable("accountId", approval.accountId());
		execution.setVariable("accountName", approval.accountName());
		execution.setVariable("accountNumber", approval.accountNumber());
		execution.setVariable("userId", approval.userId());
		execution.setVariable("userType", approval.userType().label());
		execution.setVariable("userTypeCode", approval.userType().name());
		execution.setVariable("existingAdministratorsMailTo", String.join(", ", approval.existingAdministrators()));
	}

}
