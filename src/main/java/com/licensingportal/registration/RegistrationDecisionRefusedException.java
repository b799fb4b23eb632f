package com.licensingportal.registration;

import java.io.Serial;

/** A reviewer's decision that cannot be carried out; the message tells the reviewer why, in their words. */
public class RegistrationDecisionRefusedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public RegistrationDecisionRefusedException(String message) {
		super(message);
	}

}
