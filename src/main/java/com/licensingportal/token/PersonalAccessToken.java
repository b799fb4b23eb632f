package com.licensingportal.token;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named, revocable credential for the REST API. The token itself is shown once and never stored. */
@Entity
@Table(name = "personal_access_token")
public class PersonalAccessToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "user_id", nullable = false, updatable = false)
	private Long userId;

	@Column(nullable = false)
	private String name;

	@Column(name = "token_hash", nullable = false, updatable = false)
	private String tokenHash;

	/** The token's first characters, so that its owner can tell tokens apart. */
	@Column(name = "token_hint", nullable = false, updatable = false)
	private String tokenHint;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	/** How old the recorded last use may get before a use is written again. */
	static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

	protected PersonalAccessToken() {
	}

	PersonalAccessToken(Long userId, String name, String tokenHash, String tokenHint, Instant createdAt, Instant expiresAt) {
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenHint = tokenHint;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	public boolean isUsableAt(Instant now) {
		return this.revokedAt == null && (this.expiresAt == null || now.isBefore(this.expiresAt));
	}

	void revoke(Instant now) {
		if (this.revokedAt == null) {
			this.revokedAt = now;
		}
	}

	/**
	 * Records a use to the minute: writing the row on every request made all requests with one token wait for
	 * each other's row lock (bench/FINDINGS.md), and the tokens page shows minutes anyway.
	 *
	 * @return whether the use is to be written
	 */
	boolean markUsed(Instant now) {
		if (this.lastUsedAt == null || !now.isBefore(this.lastUsedAt.plus(LAST_USED_PRECISION))) {
			this.lastUsedAt = now;
			return true;
		}
		return false;
	}

	public Long getId() {
		return this.id;
	}

	public Long getUserId() {
		return this.userId;
	}

	public String getName() {
		return this.name;
	}

	String getTokenHash() {
		return this.tokenHash;
	}

	public String getTokenHint() {
		return this.tokenHint;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getExpiresAt() {
		return this.expiresAt;
	}

	public Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

}
