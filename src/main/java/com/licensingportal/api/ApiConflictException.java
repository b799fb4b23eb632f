package com.licensingportal.api;

import java.io.Serial;

/** A request that conflicts with the current state (not enough channels, a finished transfer): answered 409. */
public class ApiConflictException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public ApiConflictException(String message) {
		super(message);
	}

}
