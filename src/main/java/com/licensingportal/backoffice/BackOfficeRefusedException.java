package com.licensingportal.backoffice;

import java.io.Serial;

import com.licensingportal.system.RefusedException;

/** A back-office change that the rules refuse, with the reason in Order Management's words; nothing changed. */
public class BackOfficeRefusedException extends RefusedException {

	@Serial
	private static final long serialVersionUID = 1L;

	BackOfficeRefusedException(Kind kind, String field, String message) {
		super(kind, field, message);
	}

	public static BackOfficeRefusedException notFound(String message) {
		return new BackOfficeRefusedException(Kind.NOT_FOUND, null, message);
	}

	public static BackOfficeRefusedException conflict(String message) {
		return new BackOfficeRefusedException(Kind.CONFLICT, null, message);
	}

	public static BackOfficeRefusedException invalid(String field, String message) {
		return new BackOfficeRefusedException(Kind.INVALID, field, message);
	}

}
