package com.licensingportal.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.LinkToken.Purpose;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The links of open invitations: issued by the process, followed by the invited user. */
@Service
public class InvitationService {

	/** What the invitation page shows about the invited user; nothing else leaves this class. */
	public record OpenInvitation(String firstName, String lastName, String email, List<String> accountNames) {
	}

	private static final Logger log = LoggerFactory.getLogger(InvitationService.class);

	private final LinkTokens links;

	private final UserRepository users;

	private final InvitationProcess process;

	private final PasswordEncoder passwordEncoder;

	InvitationService(LinkTokens links, UserRepository users, InvitationProcess process,
			PasswordEncoder passwordEncoder) {
		this.links = links;
		this.users = users;
		this.process = process;
		this.passwordEncoder = passwordEncoder;
	}

	/** A new link for the user, valid until {@code expiresAt}. The token is returned once and stored only as a hash. */
	@Transactional
	public String issueToken(Long userId, Instant expiresAt) {
		return this.links.issue(userId, Purpose.INVITATION, this.process.now(), expiresAt);
	}

	/** Every link of the user stops working. */
	@Transactional
	public void expireLinks(Long userId) {
		this.links.revokeAll(userId, Purpose.INVITATION);
	}

	@Transactional(readOnly = true)
	public Optional<OpenInvitation> find(String token) {
		return invitedUserOf(token).map(user -> new OpenInvitation(user.getFirstName(), user.getLastName(),
				user.getEmail(),
				user.getMemberships().stream().map(membership -> membership.getAccount().getName()).sorted().toList()));
	}

	/**
	 * Sets the password, activates the user and lets the invitation process finish; every link of the user
	 * dies. Of two requests with the same link only one succeeds.
	 * @throws RefusedException (GONE) when the link is unknown, used, replaced or expired
	 */
	@Transactional
	public void accept(String token, String password) {
		PortalUser user = invitedUserOf(token).orElseThrow(InvitationService::noLongerValid);
		Optional<String> problem = PasswordRules.problem(password, password, user.getEmail());
		if (problem.isPresent()) {
			throw RefusedException.invalid("password", problem.get());
		}
		// Hashed before the token row is locked, so that a second click waits as briefly as possible.
		String passwordHash = this.passwordEncoder.encode(password);
		if (!this.links.claim(token)) {
			throw noLongerValid();
		}
		this.links.revokeAll(user.getId(), Purpose.INVITATION);
		user.activate(passwordHash);
		if (!this.process.accepted(user.getId())) {
			log.warn("User {} followed a live invitation link, but no invitation process waits for them", user.getId());
			throw noLongerValid();
		}
	}

	private Optional<PortalUser> invitedUserOf(String token) {
		return this.links.userOfLiveLink(token, Purpose.INVITATION, this.process.now())
			.flatMap(this.users::findWithMembershipsById)
			.filter(user -> user.getStatus() == UserStatus.INVITED);
	}

	/** A link that is unknown, used, replaced or expired: all get the same answer. */
	private static RefusedException noLongerValid() {
		return RefusedException.gone("This invitation link is no longer valid");
	}

}
