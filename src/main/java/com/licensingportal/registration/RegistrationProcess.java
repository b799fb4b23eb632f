package com.licensingportal.registration;

import java.util.LinkedHashMap;
import java.util.Map;

import com.licensingportal.account.AccountType;
import com.licensingportal.mail.MailDates;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one door to {@code bpmn/registration-request.bpmn} (business key: the request's id). The process
 * variables are what the Tasklist form shows the reviewer, and the model of the emails.
 */
@Component
public class RegistrationProcess {

	public static final String PROCESS_KEY = "RegistrationRequest";

	private final RuntimeService runtime;

	RegistrationProcess(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** Confirms the request to the requester and puts it before Order Management. */
	ProcessInstance start(RegistrationRequest request) {
		return this.runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(request.getId()), variables(request));
	}

	/** Whether the request's process still runs; a request whose process was deleted in Cockpit does not. */
	boolean isRunning(Long requestId) {
		// Instances started before the readable key carry the bare number.
		return running(businessKey(requestId)) || running(String.valueOf(requestId));
	}

	private boolean running(String businessKey) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(businessKey)
			.count() > 0;
	}

	private static Map<String, Object> variables(RegistrationRequest request) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("requestId", request.getId());
		variables.put("email", request.getEmail());
		variables.put("firstName", request.getFirstName());
		variables.put("lastName", request.getLastName());
		variables.put("phone", request.getPhone());
		variables.put("organisation", request.getOrganisation());
		variables.put("requestedAccountType", request.getAccountType().name());
		variables.put("requestedAccountTypeLabel", label(request.getAccountType()));
		variables.put("proof", request.getProof());
		variables.put("message", request.getMessage() == null ? "" : request.getMessage());
		variables.put("submittedOn", MailDates.format(request.getSubmittedAt()));
		return variables;
	}

	static String label(AccountType type) {
		return Text.of("mail.tasklist.registration.accountType", type.name()).in(Languages.ENGLISH);
	}

	/**
	 * The request a process instance works on: its business key, set at the start, which Tasklist users cannot
	 * change (never the variable requestId, which the form's users might have written).
	 */
	public static Long requestOf(DelegateExecution execution) {
		String key = execution.getProcessBusinessKey();
		return Long.valueOf(key.startsWith(KEY_PREFIX) ? key.substring(KEY_PREFIX.length()) : key);
	}

	/**
	 * The readable business key Cockpit lists the instance by: {@code REG-} and the request's number (instances
	 * started before it have the bare number, which {@link #requestOf} still reads).
	 */
	public static String businessKey(Long requestId) {
		return KEY_PREFIX + requestId;
	}

	private static final String KEY_PREFIX = "REG-";

}
