package com.licensingportal.refusal;

import java.io.Serial;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The portal's one word for "no" to something a user (or a caller of the API) asked: the reason is the
 * message, in their words, and nothing changed. Thrown before anything changed, or inside the transaction,
 * which then rolls back. The {@link Kind} says what sort of refusal it is, and so the status the pages
 * ({@code system.RefusedPageAdvice}, {@code system.PageRefusal}) and the REST API ({@code api.ApiProblemHandler})
 * answer; {@link #errors()} names the fields of an {@link Kind#INVALID} request. No controller translates it.
 *
 * <p>
 * A subclass exists only where a handler needs more than kind, fields and sentence:
 * {@link RateLimitedException} (when to try again). A refused Order Management decision in Tasklist is a
 * {@link DecisionRefusedException}, because the engine must see it as its own.
 */
public class RefusedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	public enum Kind {

		/** Not readable as what it should be, such as a file that is not JSON or a field the call does not know. */
		MALFORMED(400),
		/** Something the request names does not exist or lies outside the user's accounts: the same answer for both. */
		NOT_FOUND(404),
		/** Not possible in the current state: not enough channels, already decided, the last administrator. */
		CONFLICT(409),
		/** Was there, but is used up: a single-use link that was used, replaced or expired. */
		GONE(410),
		/** Larger than the portal accepts. */
		TOO_LARGE(413),
		/** Of a content type the portal does not read. */
		UNSUPPORTED_TYPE(415),
		/** Understood, but a value is not acceptable; {@link #errors()} names the fields. */
		INVALID(422),
		/** Asked too often; see {@link RateLimitedException#retryAfter()}. */
		TOO_MANY(429);

		private final int status;

		Kind(int status) {
			this.status = status;
		}

		/** The HTTP status of this kind of refusal. */
		public int status() {
			return this.status;
		}

	}

	/** One field's problem, in the user's words; the field named as the request names it. */
	public record FieldError(String field, String message) {
	}

	private final Kind kind;

	private final List<FieldError> errors;

	public RefusedException(Kind kind, String message) {
		this(kind, message, List.of());
	}

	protected RefusedException(Kind kind, String message, List<FieldError> errors) {
		super(message);
		this.kind = kind;
		this.errors = List.copyOf(errors);
	}

	/** {@code what} does not exist, or the user may not see it: "{@code what} was not found." */
	public static RefusedException notFound(String what) {
		return new RefusedException(Kind.NOT_FOUND, what + " was not found.");
	}

	/** A value of the request that cannot be accepted; {@code field} names it (null when no one field is at fault). */
	public static RefusedException invalid(String field, String message) {
		return field == null ? new RefusedException(Kind.INVALID, message)
				: invalid(List.of(new FieldError(field, message)));
	}

	/** Several fields that cannot be accepted; the message is their sentences, one after the other. */
	public static RefusedException invalid(List<FieldError> errors) {
		return new RefusedException(Kind.INVALID,
				errors.stream().map(FieldError::message).collect(Collectors.joining(" ")), errors);
	}

	/** Not possible as things are now. */
	public static RefusedException conflict(String message) {
		return new RefusedException(Kind.CONFLICT, message);
	}

	/** Not readable as what it should be. */
	public static RefusedException malformed(String message) {
		return new RefusedException(Kind.MALFORMED, message);
	}

	/** Was there, but is used up (a single-use link). */
	public static RefusedException gone(String message) {
		return new RefusedException(Kind.GONE, message);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The fields at fault, for {@link Kind#INVALID}; empty otherwise. */
	public List<FieldError> errors() {
		return this.errors;
	}

	/** The first field at fault, or null. */
	public String field() {
		return this.errors.isEmpty() ? null : this.errors.get(0).field();
	}

}
