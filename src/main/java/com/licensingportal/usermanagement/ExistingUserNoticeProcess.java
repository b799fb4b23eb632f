package com.licensingportal.usermanagement;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.licensingportal.account.Account;
import com.licensingportal.user.PortalUser;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one door to {@code bpmn/existing-user-notice.bpmn} (business key: the existing user's id): an
 * administrator's Create named the email of a user outside the administrator's accounts, and the user is told.
 */
@Component
class ExistingUserNoticeProcess {

	static final String PROCESS_KEY = "ExistingUserNotice";

	private final RuntimeService runtime;

	ExistingUserNoticeProcess(RuntimeService runtime) {
		this.runtime = runtime;
	}

	/** Starts the process, in the caller's transaction; its mail task runs after it, asynchronously. */
	void start(PortalUser existing, Collection<Account> chosenAccounts, PortalUser admin) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("userId", existing.getId());
		variables.put("email", existing.getEmail());
		variables.put("firstName", existing.getFirstName());
		variables.put("lastName", existing.getLastName());
		variables.put("accountName",
				chosenAccounts.stream().map(Account::getName).sorted().collect(Collectors.joining(", ")));
		variables.put("inviterName", admin.getDisplayName());
		variables.put("inviterEmail", admin.getEmail());
		this.runtime.startProcessInstanceByKey(PROCESS_KEY, String.valueOf(existing.getId()), variables);
	}

}
