package com.licensingportal.system;

import java.io.Serial;

/**
 * A request that the portal's rules refuse, with the reason in the user's words; nothing changed. The
 * {@link Kind} says what sort of refusal it is, so that the REST API answers the right status; a page just
 * shows the message.
 */
public abstract class RefusedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public enum Kind {

		/** Not readable as what it should be, such as a file that is not JSON. */
		MALFORMED,
		/** Understood, but a value is not acceptable; {@link #field()} names it. */
		INVALID,
		/** Something the request names does not exist or lies outside the user's accounts. */
		NOT_FOUND,
		/** Not possible in the current state: not enough channels, already used, the last administrator. */
		CONFLICT,
		/** Larger than the portal accepts. */
		TOO_LARGE,
		/** Of a content type the portal does not read. */
		UNSUPPORTED_TYPE

	}

	private final Kind kind;

	private final String field;

	protected RefusedException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	public Kind kind() {
		return this.kind;
	}

	/** The request field the refusal is about, for {@link Kind#INVALID}; null otherwise. */
	public String field() {
		return this.field;
	}

}
