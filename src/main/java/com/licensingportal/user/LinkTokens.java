package com.licensingportal.user;

import java.time.Instant;
import java.util.Optional;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.workflow.WaitStates;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one mechanism behind the single-use links that the portal emails (invitations, password resets): issued
 * with an expiry, stored only as the token's hash, looked up by that hash, used once to set a password, and
 * revoked together. The token is handed out once and never stored. Times are the engine's clock, which the
 * processes' expiry timers follow, so a link dies exactly when its process says so. The processes issue and
 * expire links through {@link com.licensingportal.usermanagement.flow.IssueLinkListener} and
 * {@link com.licensingportal.usermanagement.flow.ExpireLinksDelegate}; each feature's service follows them.
 */
@Service
public class LinkTokens {

	/** Longer strings are no token of ours; they are not even hashed. */
	private static final int MAX_TOKEN_LENGTH = 100;

	private final LinkTokenRepository tokens;

	private final WaitStates clock;

	private final PasswordEncoder passwordEncoder;

	LinkTokens(LinkTokenRepository tokens, WaitStates clock, PasswordEncoder passwordEncoder) {
		this.tokens = tokens;
		this.clock = clock;
		this.passwordEncoder = passwordEncoder;
	}

	/** A new link for the user, valid until {@code expiresAt}; earlier links of the user stay as they are. */
	@Transactional
	public String issue(Long userId, Purpose purpose, Instant expiresAt) {
		return issue(userId, purpose, this.clock.now(), expiresAt);
	}

	/** {@link #issue(Long, Purpose, Instant)}, issued at the given time. */
	@Transactional
	public String issue(Long userId, Purpose purpose, Instant issuedAt, Instant expiresAt) {
		String token = LinkToken.newToken();
		this.tokens.save(new LinkToken(userId, purpose, LinkToken.hash(token), issuedAt, expiresAt));
		return token;
	}

	/** The user whose live link this is, or empty for an unknown, used, replaced or expired link. */
	@Transactional(readOnly = true)
	public Optional<Long> userOfLiveLink(String token, Purpose purpose) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		Instant now = this.clock.now();
		// Found by the SHA-256 of a 256-bit token: how long a lookup takes says nothing about the token itself.
		return this.tokens.findByTokenHashAndPurpose(LinkToken.hash(token), purpose)
			.filter(link -> link.isLiveAt(now))
			.map(LinkToken::getUserId);
	}

	/**
	 * Uses the live link of {@code user} up to set a password: the password must follow the rules, then the
	 * link is claimed (of two requests with the same link only one gets past this) and every other link of the
	 * user for the same purpose dies. Call it in the transaction that stores the password, so that a failure
	 * keeps the link alive.
	 * @return the password's hash, to store
	 * @throws RefusedException (INVALID, field {@code password}) when the password breaks a rule
	 * @throws InvalidLinkException when the link was used or replaced meanwhile
	 */
	@Transactional
	public String useToSetPassword(String token, Purpose purpose, PortalUser user, String password) {
		Optional<Text> problem = PasswordRules.problem(password, password, user.getEmail());
		if (problem.isPresent()) {
			throw RefusedException.invalid("password", problem.get());
		}
		// Hashed before the token row is locked, so that a second click waits as briefly as possible.
		String passwordHash = this.passwordEncoder.encode(password);
		if (!claim(token)) {
			throw new InvalidLinkException(purpose);
		}
		revokeAll(user.getId(), purpose);
		return passwordHash;
	}

	/**
	 * Uses the link up. Of two requests with the same link only one gets true: the row is deleted once.
	 * Call it in the transaction that does what the link is for, so that a failure keeps the link alive.
	 */
	@Transactional
	public boolean claim(String token) {
		return this.tokens.deleteByTokenHash(LinkToken.hash(token)) == 1;
	}

	/** Every link of the user for this purpose stops working. */
	@Transactional
	public void revokeAll(Long userId, Purpose purpose) {
		this.tokens.deleteAllOfUser(userId, purpose);
	}

}
