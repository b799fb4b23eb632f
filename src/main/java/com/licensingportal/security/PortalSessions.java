package com.licensingportal.security;

import java.util.Objects;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Service;

/**
 * The logged-in sessions of portal users, as the portal chain's {@link SessionRegistry} knows them. Ending a
 * session marks it expired: its next request is logged out and sent to the login page. With more than one
 * node, swap the registry bean for Spring Session JDBC's, so that every node sees every session.
 */
@Service
public class PortalSessions {

	private final SessionRegistry registry;

	PortalSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Ends every session of the user except {@code keepSessionId}.
	 * @return how many sessions were ended
	 */
	public int endSessionsOf(Long userId, String keepSessionId) {
		int ended = 0;
		for (Object principal : this.registry.getAllPrincipals()) {
			if (principal instanceof PortalUserPrincipal user && user.getUserId().equals(userId)) {
				for (SessionInformation session : this.registry.getAllSessions(principal, false)) {
					if (!Objects.equals(session.getSessionId(), keepSessionId)) {
						session.expireNow();
						ended++;
					}
				}
			}
		}
		return ended;
	}

}
