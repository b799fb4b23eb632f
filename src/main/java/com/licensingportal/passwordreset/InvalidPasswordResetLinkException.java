package com.licensingportal.passwordreset;

import java.io.Serial;

/** A password reset link that is unknown, already used, replaced or expired: all get the same answer. */
public class InvalidPasswordResetLinkException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public InvalidPasswordResetLinkException() {
		super("This password reset link is no longer valid");
	}

}
