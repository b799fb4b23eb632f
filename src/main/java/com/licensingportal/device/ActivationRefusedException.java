package com.licensingportal.device;

import java.io.Serial;

import com.licensingportal.base.RefusedException;

/**
 * An activation or deactivation that the portal refuses, with the reason in the user's words. Thrown
 * before anything changed, or inside the transaction, which then rolls back: a refusal never leaves a
 * partial change behind.
 */
public class ActivationRefusedException extends RefusedException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** A refusal because of the licenses' or device's current state, such as too few channels left. */
	public ActivationRefusedException(String message) {
		this(Kind.CONFLICT, null, message);
	}

	public ActivationRefusedException(Kind kind, String field, String message) {
		super(kind, field, message);
	}

	/** A value of the request that cannot be accepted; {@code field} names it as the request file and API do. */
	public static ActivationRefusedException invalid(String field, String message) {
		return new ActivationRefusedException(Kind.INVALID, field, message);
	}

	/** A device or license that is not among the user's. */
	public static ActivationRefusedException notFound(String message) {
		return new ActivationRefusedException(Kind.NOT_FOUND, null, message);
	}

}
