package com.licensingportal.refusal;

import java.io.Serial;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

/**
 * The portal's one word for "no" to something a user (or a caller of the API) asked: the reason is the
 * message, in their words ({@link #message(Locale)}: a {@link Text} of the bundle, in the reader's language; {@link #getMessage()} is
 * the English, for logs), and nothing changed. Thrown before anything changed, or inside the transaction,
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

	/**
	 * One field's problem, in the user's words (a {@link Text} of the bundle); the field named as the request names
	 * it.
	 */
	public static final class FieldError implements java.io.Serializable {

		@Serial
		private static final long serialVersionUID = 1L;

		private final String field;

		private final Text text;

		public FieldError(String field, Text text) {
			this.field = field;
			this.text = java.util.Objects.requireNonNull(text, "text");
		}

		public String field() {
			return this.field;
		}

		/** The sentence, not yet in a language. */
		public Text text() {
			return this.text;
		}

		/** The sentence in the reader's language. */
		public String message(Locale locale) {
			return this.text.in(locale);
		}

		/** The sentence in English (logs, tests). */
		public String message() {
			return message(Languages.ENGLISH);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FieldError error && java.util.Objects.equals(this.field, error.field)
					&& this.text.equals(error.text);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(this.field, this.text);
		}

		@Override
		public String toString() {
			return this.field + ": " + message();
		}

	}

	private final Kind kind;

	private final Text text;

	private final List<FieldError> errors;

	public RefusedException(Kind kind, Text text) {
		this(kind, text, List.of());
	}

	protected RefusedException(Kind kind, Text text, List<FieldError> errors) {
		super(text.toString());
		this.kind = kind;
		this.text = text;
		this.errors = List.copyOf(errors);
	}

	private RefusedException(Kind kind, List<FieldError> errors) {
		super(errors.stream().map(FieldError::message).collect(Collectors.joining(" ")));
		this.kind = kind;
		this.text = null;
		this.errors = List.copyOf(errors);
	}

	/** Something the request names does not exist, or the user may not see it: the text says what. */
	public static RefusedException notFound(Text text) {
		return new RefusedException(Kind.NOT_FOUND, text);
	}

	/** A value of the request that cannot be accepted; {@code field} names it (null when no one field is at fault). */
	public static RefusedException invalid(String field, Text text) {
		return field == null ? new RefusedException(Kind.INVALID, text)
				: invalid(List.of(new FieldError(field, text)));
	}

	/** Several fields that cannot be accepted; the message is their sentences, one after the other. */
	public static RefusedException invalid(List<FieldError> errors) {
		return new RefusedException(Kind.INVALID, errors);
	}

	/** Not possible as things are now. */
	public static RefusedException conflict(Text text) {
		return new RefusedException(Kind.CONFLICT, text);
	}

	/** Not readable as what it should be. */
	public static RefusedException malformed(Text text) {
		return new RefusedException(Kind.MALFORMED, text);
	}

	/** Was there, but is used up (a single-use link). */
	public static RefusedException gone(Text text) {
		return new RefusedException(Kind.GONE, text);
	}

	/** The reason in the reader's language; {@link #getMessage()} is the English. */
	public String message(Locale locale) {
		if (this.text != null) {
			return this.text.in(locale);
		}
		return this.errors.stream().map(error -> error.message(locale)).collect(Collectors.joining(" "));
	}

	/** The reason as a text of the bundle; for several fields' problems ({@link #invalid(List)}), the first one's. */
	public Text text() {
		return this.text != null ? this.text : this.errors.get(0).text();
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
