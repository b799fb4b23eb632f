package com.licensingportal.device;

import java.io.Serial;

/**
 * An activation or deactivation that the portal refuses, with the reason in the user's words. Thrown
 * before anything changed, or inside the transaction, which then rolls back: a refusal never leaves a
 * partial change behind.
 */
public class ActivationRefusedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public ActivationRefusedException(String message) {
		super(message);
	}

}
