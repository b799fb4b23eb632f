package com.licensingportal.security;

import java.util.Objects;
import java.util.Set;

import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * The logged-in sessions of portal users, as the portal chain's {@link SessionRegistry} finds them in the session
 * table (by email, which Spring Session JDBC keeps as the principal name), whichever node made them. Ending a
 * session marks it expired in the database: its next request, on any node, is logged out and sent to the login
 * page with a word why.
 */
@Service
public class PortalSessions {

	private final SessionRegistry registry;

	private final UserRepository users;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	PortalSessions(SessionRegistry registry, UserRepository users,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.registry = registry;
		this.users = users;
		this.sessions = sessions;
	}

	/**
	 * Ends every session of the user except {@code keepSessionId}.
	 * @return how many sessions were ended
	 */
	public int endSessionsOf(Long userId, String keepSessionId) {
		String email = this.users.findById(userId).map(PortalUser::getEmail).orElse(null);
		if (email == null) {
			return 0;
		}
		int ended = 0;
		for (SessionInformation session : this.registry.getAllSessions(email, false)) {
			if (!Objects.equals(session.getSessionId(), keepSessionId)) {
				session.expireNow();
				ended++;
			}
		}
		return ended;
	}

	/**
	 * Removes every session of a user who no longer exists (deleted), on every node: their next request finds no
	 * session and goes to the login page, where the email no longer works.
	 * @return how many sessions were removed
	 */
	public int removeSessionsOf(String email) {
		Set<String> ids = this.sessions.findByPrincipalName(email).keySet();
		ids.forEach(this.sessions::deleteById);
		return ids.size();
	}

}
