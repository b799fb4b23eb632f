package com.licensingportal.salesorder;

import java.io.Serial;

import com.licensingportal.base.RefusedException;

/** A sales-order request or Tasklist decision that the rules refuse, with the reason; nothing changed. */
public class SalesOrderRefusedException extends RefusedException {

	@Serial
	private static final long serialVersionUID = 1L;

	SalesOrderRefusedException(Kind kind, String field, String message) {
		super(kind, field, message);
	}

	static SalesOrderRefusedException notFound(String message) {
		return new SalesOrderRefusedException(Kind.NOT_FOUND, null, message);
	}

	static SalesOrderRefusedException conflict(String message) {
		return new SalesOrderRefusedException(Kind.CONFLICT, null, message);
	}

	static SalesOrderRefusedException invalid(String field, String message) {
		return new SalesOrderRefusedException(Kind.INVALID, field, message);
	}

}
