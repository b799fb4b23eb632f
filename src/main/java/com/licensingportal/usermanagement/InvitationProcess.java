package com.licensingportal.usermanagement;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.licensingportal.user.PortalUser;
import com.licensingportal.workflow.OrderManagementMailbox;
import com.licensingportal.workflow.WaitStates;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The one door to {@code bpmn/user-invitation.bpmn} (business key: the user's id). Every correlation first
 * checks that the process is waiting for it, so that a link followed twice or a late click does no harm.
 */
@Component
public class InvitationProcess {

	public static final String PROCESS_KEY = "UserInvitation";

	static final String INVITATION_ACCEPTED = "InvitationAccepted";

	static final String INVITATION_RESENT = "InvitationResent";

	static final String USER_DELETED = "UserDeleted";

	/** The boundary timer whose due date is also the expiry of every link of the open invitation. */
	static final String EXPIRY_TIMER = "InvitationExpires";

	private final RuntimeService runtime;

	private final WaitStates waitStates;

	private final OrderManagementMailbox orderManagement;

	InvitationProcess(RuntimeService runtime, WaitStates waitStates, OrderManagementMailbox orderManagement) {
		this.runtime = runtime;
		this.waitStates = waitStates;
		this.orderManagement = orderManagement;
	}

	/** Invites a just-created user: the process emails the first link. */
	public ProcessInstance start(PortalUser user, Inviter inviter) {
		return this.runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(user.getId()), variables(user, inviter));
	}

	/**
	 * A new link for a user still invited: an open invitation starts over (new link, timers from now), an
	 * expired one starts a new process. The caller has already removed the old links.
	 */
	void resend(PortalUser user, Inviter inviter) {
		if (isWaitingFor(user.getId(), INVITATION_RESENT)) {
			this.runtime.createMessageCorrelation(INVITATION_RESENT)
				.processInstanceBusinessKey(businessKey(user.getId()))
				.setVariables(variables(user, inviter))
				.correlateWithResult();
		}
		else {
			start(user, inviter);
		}
	}

	/** Tells the waiting invitation that the user set a password; false when none is waiting. */
	boolean accepted(Long userId) {
		if (!isWaitingFor(userId, INVITATION_ACCEPTED)) {
			return false;
		}
		this.runtime.createMessageCorrelation(INVITATION_ACCEPTED)
			.processInstanceBusinessKey(businessKey(userId))
			.correlateWithResult();
		return true;
	}

	/** Ends the user's invitation, wherever it is; nothing happens when none is running. */
	void userDeleted(Long userId) {
		if (isWaitingFor(userId, USER_DELETED)) {
			this.runtime.createMessageCorrelation(USER_DELETED)
				.processInstanceBusinessKey(businessKey(userId))
				.correlateAllWithResult();
		}
	}

	/** When the open invitation of this process instance expires: the due date of its expiry timer. */
	public Instant expiryOf(String processInstanceId) {
		return this.waitStates.dueDateOf(processInstanceId, EXPIRY_TIMER);
	}

	/** The engine's clock, which the timers follow: a link dies exactly when the process says so. */
	public Instant now() {
		return this.waitStates.now();
	}

	private boolean isWaitingFor(Long userId, String message) {
		return this.waitStates.isWaitingFor(PROCESS_KEY, businessKey(userId), message);
	}

	private Map<String, Object> variables(PortalUser user, Inviter inviter) {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("userId", user.getId());
		variables.put("email", user.getEmail());
		variables.put("firstName", user.getFirstName());
		variables.put("lastName", user.getLastName());
		variables.put("accountName", user.getMemberships()
			.stream()
			.map(membership -> membership.getAccount().getName())
			.sorted()
			.collect(Collectors.joining(", ")));
		variables.put("inviterName", inviter.name());
		variables.put("inviterEmail", inviter.email() == null ? this.orderManagement.getEmail() : inviter.email());
		return variables;
	}

	static String businessKey(Long userId) {
		return String.valueOf(userId);
	}

}
