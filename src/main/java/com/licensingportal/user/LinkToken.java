package com.licensingportal.user;

import com.licensingportal.text.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One live single-use link of a user, for an invitation or a password reset. Only the SHA-256 of the token
 * is stored: the token itself is in the email and nowhere else, so that a database copy cannot be used to
 * follow a link.
 */
@Entity
@Table(name = "link_token")
public class LinkToken {

	/**
	 * What following the link does, and what the link looks like to the process that emails it: the page's
	 * path, and the prefix of the process variables that carry it to the mail ({@code <prefix>Link},
	 * {@code <prefix>ExpiresOn}, {@code <prefix>ExpiresAt}).
	 */
	public enum Purpose {

		/** Accept an invitation: set the first password. */
		INVITATION("/invitations/", "invitation"),

		/** Choose a new password for an active user. */
		PASSWORD_RESET("/password-reset/", "passwordReset");

		private final String path;

		private final String variablePrefix;

		Purpose(String path, String variablePrefix) {
			this.path = path;
			this.variablePrefix = variablePrefix;
		}

		/** The page's path, to which the token is appended. */
		public String path() {
			return this.path;
		}

		/** The prefix of the process variables that carry the link and its expiry to the mail. */
		public String variablePrefix() {
			return this.variablePrefix;
		}

		/** "This invitation link is no longer valid". */
		public Text noLongerValid() {
			return this == INVITATION ? Text.of("users.link.noLongerValid.INVITATION")
					: Text.of("users.link.noLongerValid.PASSWORD_RESET");
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private Long userId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false, updatable = false)
	private Purpose purpose;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private String tokenHash;

	@Column(name = "issued_at", nullable = false, updatable = false)
	private Instant issuedAt;

	@Column(name = "expires_at", nullable = false, updatable = false)
	private Instant expiresAt;

	protected LinkToken() {
	}

	LinkToken(Long userId, Purpose purpose, String tokenHash, Instant issuedAt, Instant expiresAt) {
		this.userId = userId;
		this.purpose = purpose;
		this.tokenHash = tokenHash;
		this.issuedAt = issuedAt;
		this.expiresAt = expiresAt;
	}

	/** A new token: 256 random bits, URL-safe. */
	static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	public boolean isLiveAt(Instant now) {
		return now.isBefore(this.expiresAt);
	}

	public Long getId() {
		return this.id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public Purpose getPurpose() {
		return this.purpose;
	}

	public String getTokenHash() {
		return this.tokenHash;
	}

	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

}
