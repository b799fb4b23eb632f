package com.licensingportal.security;

import com.licensingportal.user.PasswordChanged;
import com.licensingportal.user.UserDeleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What logins and sessions do when a user changes elsewhere; the user features publish, they do not call us. */
@Component
class UserChangeListeners {

	private final PortalSessions sessions;

	private final LoginLockout lockout;

	UserChangeListeners(PortalSessions sessions, LoginLockout lockout) {
		this.sessions = sessions;
		this.lockout = lockout;
	}

	/** A deleted user who is still logged in somewhere is logged out on every node. */
	@EventListener
	void userDeleted(UserDeleted deleted) {
		this.sessions.removeSessionsOf(deleted.email());
	}

	/** A new password starts with a clean count of failed logins for the email. */
	@EventListener
	void passwordChanged(PasswordChanged changed) {
		this.lockout.forgetFailures(changed.email());
	}

}
