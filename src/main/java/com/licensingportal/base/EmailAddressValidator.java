package com.licensingportal.base;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import com.licensingportal.text.Text;

/**
 * Checks {@link EmailAddress}; {@link #problem} serves the places that check an address without Bean Validation.
 * The portal sends mail to every address it keeps, and a mail task gives a list of recipients as one
 * comma-separated variable: an address must be one mailbox that an SMTP server takes as it is (RFC 5321's
 * dot-string local part, a host name), nothing a parser could read as two.
 */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

	/** Bean Validation's message of {@link EmailAddress}: the bundle's code. */
	public static final String INVALID_MESSAGE = "{users.check.email.invalid}";

	public static final Text INVALID = Text.of("users.check.email.invalid");

	public static final Text QUOTED = Text.of("users.check.email.quoted");

	public static final Text SEVERAL = Text.of("users.check.email.several");

	public static final Text TOO_LONG = Text.of("users.check.email.tooLong");

	static final int MAX_LENGTH = 254;

	static final int MAX_LOCAL_PART = 64;

	private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern ADDRESS = Pattern
		.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")*\\.(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		Optional<Text> problem = value == null || value.isBlank() ? Optional.empty() : problem(value);
		problem.ifPresent(text -> {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{" + text.code() + "}").addConstraintViolation();
		});
		return problem.isEmpty();
	}

	/** What is wrong with the address, as a sentence for the person who typed it; empty for a valid one. */
	public static Optional<Text> problem(String address) {
		if (address.length() > MAX_LENGTH) {
			return Optional.of(TOO_LONG);
		}
		if (address.indexOf('"') >= 0) {
			return Optional.of(QUOTED);
		}
		if (address.indexOf(',') >= 0 || address.indexOf(';') >= 0) {
			return Optional.of(SEVERAL);
		}
		int at = address.lastIndexOf('@');
		if (!ADDRESS.matcher(address).matches() || at > MAX_LOCAL_PART) {
			return Optional.of(INVALID);
		}
		return Optional.empty();
	}

	/** Whether the address is one that {@link EmailAddress} accepts. */
	public static boolean isValid(String address) {
		return address != null && problem(address).isEmpty();
	}

}
