package com.licensingportal.base;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link EmailAddress}; {@link #problem} serves the places that check an address without Bean Validation.
 * The portal sends mail to every address it keeps, and a mail task gives a list of recipients as one
 * comma-separated variable: an address must be one mailbox that an SMTP server takes as it is (RFC 5321's
 * dot-string local part, a host name), nothing a parser could read as two.
 */
public class EmailAddressValidator implements ConstraintValidator<EmailAddress, String> {

	public static final String INVALID = "Enter a valid email address, like name@example.com.";

	public static final String QUOTED = "Enter the email address without quotation marks, like name@example.com: "
			+ "the portal does not accept quoted addresses.";

	public static final String SEVERAL = "Enter one email address, without commas or semicolons, like name@example.com.";

	public static final String TOO_LONG = "The email address is too long.";

	static final int MAX_LENGTH = 254;

	static final int MAX_LOCAL_PART = 64;

	private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";

	private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";

	private static final Pattern ADDRESS = Pattern
		.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")*\\.(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})");

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		Optional<String> problem = value == null || value.isBlank() ? Optional.empty() : problem(value);
		problem.ifPresent(message -> {
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
		});
		return problem.isEmpty();
	}

	/** What is wrong with the address, as a sentence for the person who typed it; empty for a valid one. */
	public static Optional<String> problem(String address) {
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
