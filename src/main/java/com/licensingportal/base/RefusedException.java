package com.licensingportal.base;

import java.io.Serial;

import org.springframework.http.HttpStatus;

/**
 * A request that the portal's rules refuse, with the reason in the user's words; nothing changed. The
 * {@link Kind} says what sort of refusal it is, and so the status that the REST API and a page showing the
 * message ({@link PageRefusal}) answer.
 */
public abstract class RefusedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public enum Kind {

		/** Not readable as what it should be, such as a file that is not JSON. */
		MALFORMED(HttpStatus.BAD_REQUEST),
		/** Understood, but a value is not acceptable; {@link #field()} names it. */
		INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
		/** Something the request names does not exist or lies outside the user's accounts. */
		NOT_FOUND(HttpStatus.NOT_FOUND),
		/** Not possible in the current state: not enough channels, already used, the last administrator. */
		CONFLICT(HttpStatus.CONFLICT),
		/** Larger than the portal accepts. */
		TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
		/** Of a content type the portal does not read. */
		UNSUPPORTED_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE);

		private final HttpStatus status;

		Kind(HttpStatus status) {
			this.status = status;
		}

		public HttpStatus status() {
			return this.status;
		}

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
