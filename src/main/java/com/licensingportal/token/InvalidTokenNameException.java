package com.licensingportal.token;

import java.io.Serial;

import com.licensingportal.base.RefusedException;

/** A personal access token's name that cannot be accepted: empty, too long, or with invisible characters. */
public class InvalidTokenNameException extends RefusedException {

	@Serial
	private static final long serialVersionUID = 1L;

	InvalidTokenNameException(String message) {
		super(Kind.INVALID, "name", message);
	}

}
