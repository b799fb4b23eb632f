package com.licensingportal.passwordreset;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.licensingportal.mail.MailDates;
import com.licensingportal.user.PortalUser;
import com.licensingportal.workflow.WaitStates;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The one door to {@code bpmn/password-reset.bpmn} (business key: the user's id). Every correlation first
 * checks that a process waits for it, so that a link followed twice or a late click does no harm.
 */
@Component
public class PasswordResetProcess {

	public static final String PROCESS_KEY = "PasswordReset";

	static final String NEW_PASSWORD_SET = "NewPasswordSet";

	static final String REQUESTED_AGAIN = "PasswordResetRequestedAgain";

	/** The boundary timer whose due date is also the expiry of the open link. */
	static final String EXPIRY_TIMER = "ResetLinkExpires";

	/** Transient: the session that set the new password, which stays logged in if it is the user's own. */
	public static final String KEEP_SESSION_ID = "keepSessionId";

	private final RuntimeService runtime;

	private final WaitStates waitStates;

	PasswordResetProcess(RuntimeService runtime, WaitStates waitStates) {
		this.runtime = runtime;
		this.waitStates = waitStates;
	}

	/**
	 * A reset for the user: a new process, or, while one waits, a new round in it (new link, a new hour). The
	 * caller has already removed the old link.
	 */
	void requested(PortalUser user) {
		if (this.waitStates.isWaitingFor(PROCESS_KEY, businessKey(user.getId()), REQUESTED_AGAIN)) {
			this.runtime.createMessageCorrelation(REQUESTED_AGAIN)
				.processInstanceBusinessKey(businessKey(user.getId()))
				.setVariables(variables(user))
				.correlateAllWithResult();
		}
		else {
			this.runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(user.getId()), variables(user));
		}
	}

	/** Tells the waiting reset that the new password is set; false when none is waiting. */
	boolean newPasswordSet(Long userId, String keepSessionId) {
		if (!this.waitStates.isWaitingFor(PROCESS_KEY, businessKey(userId), NEW_PASSWORD_SET)) {
			return false;
		}
		this.runtime.createMessageCorrelation(NEW_PASSWORD_SET)
			.processInstanceBusinessKey(businessKey(userId))
			.setVariable("passwordChangedOn", MailDates.format(now()))
			.setVariable("passwordChangedAt", java.util.Date.from(now()))
			.setVariable(KEEP_SESSION_ID, Variables.stringValue(keepSessionId, true))
			.correlateAllWithResult();
		return true;
	}

	/** When the open link of this process instance expires: the due date of its expiry timer. */
	public Instant expiryOf(String processInstanceId) {
		return this.waitStates.dueDateOf(processInstanceId, EXPIRY_TIMER);
	}

	public Instant now() {
		return this.waitStates.now();
	}

	private static Map<String, Object> variables(PortalUser user) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("userId", user.getId());
		variables.put("email", user.getEmail());
		variables.put("firstName", user.getFirstName());
		return variables;
	}

	static String businessKey(Long userId) {
		return String.valueOf(userId);
	}

}
