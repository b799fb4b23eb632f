package com.licensingportal.passwordreset.flow;

import com.licensingportal.passwordreset.PasswordResetProcess;
import com.licensingportal.security.PortalSessions;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * BPMN task EndOtherSessions: after a new password, every session of the user ends, except the one that set
 * it (if it was logged in as the user at all; a reset usually happens logged out).
 */
@Component("endOtherSessions")
public class EndOtherSessionsDelegate implements JavaDelegate {

	private static final Logger log = LoggerFactory.getLogger(EndOtherSessionsDelegate.class);

	private final PortalSessions sessions;

	EndOtherSessionsDelegate(PortalSessions sessions) {
		this.sessions = sessions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Long userId = (Long) execution.getVariable("userId");
		int ended = this.sessions.endSessionsOf(userId,
				(String) execution.getVariable(PasswordResetProcess.KEEP_SESSION_ID));
		log.info("New password for user {}: {} other session(s) ended", userId, ended);
	}

}
