package com.licensingportal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PlainTextValidator;
import com.licensingportal.text.Text;
import com.licensingportal.user.PasswordChanged;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, checks and revokes personal access tokens ({@code lpat_} and 43 characters of 256 random bits).
 * Only a SHA-256 hash is stored: a token has enough entropy that a fast hash is as safe as a slow one,
 * and every API call can be checked by one indexed lookup.
 */
@Service
public class PersonalAccessTokenService {

	static final String PREFIX = "lpat_";

	public static final int MAX_NAME_LENGTH = 100;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PersonalAccessTokenRepository tokens;

	private final AccountVisibility visibility;

	private final Clock clock;

	PersonalAccessTokenService(PersonalAccessTokenRepository tokens, AccountVisibility visibility, Clock clock) {
		this.tokens = tokens;
		this.visibility = visibility;
		this.clock = clock;
	}

	/** A new token and its secret, which the caller shows once. */
	public record IssuedToken(PersonalAccessToken token, String secret) {
	}

	@Transactional
	public IssuedToken issue(Long userId, String name, Duration validity) {
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty() || cleanName.length() > MAX_NAME_LENGTH) {
			throw RefusedException.invalid("name", Text.of("users.tokens.badName", MAX_NAME_LENGTH));
		}
		if (!PlainTextValidator.isPlain(cleanName, false)) {
			throw RefusedException.invalid("name", Text.of("users.tokens.nameNotPlain"));
		}
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		Instant now = this.clock.instant();
		PersonalAccessToken token = this.tokens.save(new PersonalAccessToken(userId, cleanName, hash(secret),
				secret.substring(0, PREFIX.length() + 4), now, validity == null ? null : now.plus(validity)));
		return new IssuedToken(token, secret);
	}

	/**
	 * The user a token stands for, if the token is known, usable, and its user active; records its use. One read
	 * without a transaction, which also decides what the request may see (the user's links come with it); a write
	 * only when the recorded use is a minute old.
	 */
	public Optional<PortalUserPrincipal> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		String presented = hash(secret);
		Instant now = this.clock.instant();
		List<Object[]> found = this.tokens.findWithUserByTokenHash(presented);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PersonalAccessToken token = (PersonalAccessToken) found.get(0)[0];
		PortalUser user = (PortalUser) found.get(0)[1];
		// The lookup went by hash; compare again in constant time so that timing says nothing.
		if (!MessageDigest.isEqual(token.getTokenHash().getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII)) || !token.isUsableAt(now)) {
			return Optional.empty();
		}
		if (token.markUsed(now)) {
			this.tokens.recordUse(token.getId(), now, now.minus(PersonalAccessToken.LAST_USED_PRECISION));
		}
		if (user.getStatus() == UserStatus.DISABLED) {
			// Deactivated: the tokens end now, and do not come back if the user is activated again.
			this.tokens.revokeAllOf(user.getId(), now);
		}
		if (user.getStatus() != UserStatus.ACTIVE) {
			return Optional.empty();
		}
		this.visibility.decideFor(user);
		return Optional.of(principal(user));
	}

	/**
	 * Ends every token of the user (a new password, a deactivation): effective for the very next request.
	 * A deleted user's tokens are deleted with the user.
	 * @return how many were still live
	 */
	@Transactional
	public int revokeAllOf(Long userId) {
		return this.tokens.revokeAllOf(userId, this.clock.instant());
	}

	/** A token made with the old password would outlive it: a new password ends them, like the sessions. */
	@EventListener
	@Transactional
	public void passwordChanged(PasswordChanged changed) {
		revokeAllOf(changed.userId());
	}

	@Transactional(readOnly = true)
	public List<PersonalAccessToken> tokensOf(Long userId) {
		return this.tokens.findByUserIdOrderByCreatedAtDescIdDesc(userId);
	}

	/** Revokes one of the user's own tokens; effective for the very next request. */
	@Transactional
	public boolean revoke(Long userId, Long tokenId) {
		return this.tokens.findByIdAndUserId(tokenId, userId).map(token -> {
			token.revoke(this.clock.instant());
			return true;
		}).orElse(false);
	}

	private static PortalUserPrincipal principal(PortalUser user) {
		return new PortalUserPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), null, true);
	}

	static String hash(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
