package com.licensingportal.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What a user asks for, from the Transfer page or the API.
 *
 * @param activationId the line item the channels come from
 * @param amount how many channels; null when none was given
 * @param target the target's account number (any active account), or the name of one of the user's accounts
 * @param targetAccountId instead of {@code target}: the id of one of the user's accounts (API)
 * @param addToActivationId the target's line item to add the channels to; null for a new license
 * @param idempotencyKey the same key again answers the transfer it made; null for a fresh one
 */
public record TransferRequest(String activationId, Integer amount, String target, Long targetAccountId,
		String addToActivationId, String idempotencyKey) {

	/** The idempotency key's field in a refusal, as the API names it: its header. */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	public TransferRequest {
		activationId = upper(trimmed(activationId));
		target = trimmed(target);
		addToActivationId = upper(trimmed(addToActivationId));
		idempotencyKey = trimmed(idempotencyKey);
	}

	/** The target's field in a refusal, as the API names it: targetAccountId or targetAccountNumber (the page's target). */
	String targetField() {
		return this.targetAccountId != null ? "targetAccountId" : "targetAccountNumber";
	}

	/** A hash of what is asked, without the key: the same key with a different request is refused. */
	String fingerprint() {
		String canonical = String.join("|", String.valueOf(this.activationId), String.valueOf(this.amount),
				String.valueOf(upper(this.target)), String.valueOf(this.targetAccountId), String.valueOf(this.addToActivationId));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String upper(String value) {
		return value == null ? null : value.toUpperCase(Locale.ROOT);
	}

	private static String trimmed(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
