package com.licensingportal.text;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.springframework.context.MessageSourceResolvable;

/**
 * A sentence for a person, not yet in their language: a code of the message bundle ({@code messages/}) and its
 * arguments. Whoever knows the reader's language writes it ({@link #in(Locale)}, or Spring's
 * {@code MessageSource}, for which it is a {@link MessageSourceResolvable}). {@link #toString()} is the English,
 * for logs and tests. Arguments are numbers (for plurals), strings (names, identifiers: pass an account number
 * as a string, or it is written as a number, "10,000"), or other texts.
 */
public final class Text implements MessageSourceResolvable, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String code;

	private final Object[] arguments;

	private Text(String code, Object[] arguments) {
		this.code = Objects.requireNonNull(code, "code");
		this.arguments = arguments == null ? new Object[0] : arguments.clone();
		Messages.require(code);
	}

	/** The message {@code code} of the bundle with these arguments; the code must exist in the bundle. */
	public static Text of(String code, Object... arguments) {
		return new Text(code, arguments);
	}

	public String code() {
		return this.code;
	}

	/** This text in the reader's language (the default language's where theirs lacks it). */
	public String in(Locale locale) {
		return Messages.format(this.code, locale, this.arguments);
	}

	@Override
	public String[] getCodes() {
		return new String[] { this.code };
	}

	@Override
	public Object[] getArguments() {
		return this.arguments.clone();
	}

	@Override
	public String getDefaultMessage() {
		return null;
	}

	/** The English text. */
	@Override
	public String toString() {
		return in(Languages.ENGLISH);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Text text && this.code.equals(text.code) && Arrays.equals(this.arguments, text.arguments);
	}

	@Override
	public int hashCode() {
		return 31 * this.code.hashCode() + Arrays.hashCode(this.arguments);
	}

}
