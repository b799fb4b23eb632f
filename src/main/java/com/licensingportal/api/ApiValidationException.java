package com.licensingportal.api;

import java.io.Serial;

/** A request the API understood but cannot accept, because of one field: answered 422. */
public class ApiValidationException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String field;

	public ApiValidationException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
