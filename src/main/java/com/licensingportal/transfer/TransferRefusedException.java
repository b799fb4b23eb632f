package com.licensingportal.transfer;

import java.io.Serial;

/**
 * A transfer request, or a cancellation, that the portal refuses, with the reason in the user's words.
 * Thrown before anything changed, or inside the transaction, which then rolls back: nothing is reserved.
 * {@link Kind#INVALID} names the field that is not right; {@link Kind#CONFLICT} is about the current
 * state (not enough channels, an expired license, a transfer already decided).
 */
public class TransferRefusedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public enum Kind {

		INVALID, CONFLICT

	}

	private final Kind kind;

	private final String field;

	private TransferRefusedException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	static TransferRefusedException invalid(String field, String message) {
		return new TransferRefusedException(Kind.INVALID, field, message);
	}

	static TransferRefusedException conflict(String message) {
		return new TransferRefusedException(Kind.CONFLICT, null, message);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The request field at fault for {@link Kind#INVALID}: activationId, amount, target, addToActivationId or idempotencyKey. */
	public String field() {
		return this.field;
	}

}
