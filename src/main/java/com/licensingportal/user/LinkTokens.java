package com.licensingportal.user;

import java.time.Instant;
import java.util.Optional;

import com.licensingportal.user.LinkToken.Purpose;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The single-use links that the portal emails (invitations, password resets): issued with an expiry, looked
 * up by the token's hash, claimed once. The token is handed out once and never stored.
 */
@Service
public class LinkTokens {

	/** Longer strings are no token of ours; they are not even hashed. */
	private static final int MAX_TOKEN_LENGTH = 100;

	private final LinkTokenRepository tokens;

	LinkTokens(LinkTokenRepository tokens) {
		this.tokens = tokens;
	}

	/** A new link for the user, valid until {@code expiresAt}; earlier links of the user stay as they are. */
	@Transactional
	public String issue(Long userId, Purpose purpose, Instant issuedAt, Instant expiresAt) {
		String token = LinkToken.newToken();
		this.tokens.save(new LinkToken(userId, purpose, LinkToken.hash(token), issuedAt, expiresAt));
		return token;
	}

	/** The user whose live link this is, or empty for an unknown, used, replaced or expired link. */
	@Transactional(readOnly = true)
	public Optional<Long> userOfLiveLink(String token, Purpose purpose, Instant now) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
			return Optional.empty();
		}
		// Found by the SHA-256 of a 256-bit token: how long a lookup takes says nothing about the token itself.
		return this.tokens.findByTokenHashAndPurpose(LinkToken.hash(token), purpose)
			.filter(link -> link.isLiveAt(now))
			.map(LinkToken::getUserId);
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
