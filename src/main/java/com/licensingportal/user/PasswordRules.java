package com.licensingportal.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** What a new password must be, with the reason in the user's words when it is not. */
public final class PasswordRules {

	public static final int MIN_LENGTH = 12;

	/** BCrypt reads no further than 72 bytes. */
	static final int MAX_BYTES = 72;

	/** Shorter local parts ("al@...") would forbid half the alphabet; they are not checked. */
	static final int MIN_CHECKED_LOCAL_PART = 3;

	private PasswordRules() {
	}

	/** The first problem with the chosen password, or empty when it may be used. */
	public static Optional<String> problem(String password, String repeated, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("Enter a password.");
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("The password is too short: use at least " + MIN_LENGTH + " characters.");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of("The password is too long: use at most " + MAX_BYTES + " letters and digits.");
		}
		String localPart = localPart(email);
		if (localPart.length() >= MIN_CHECKED_LOCAL_PART
				&& password.toLowerCase(Locale.ROOT).contains(localPart)) {
			return Optional.of("The password must not contain the first part of your email address (\"" + localPart
					+ "\").");
		}
		if (!password.equals(repeated)) {
			return Optional.of("The two passwords are not the same. Type the same password in both fields.");
		}
		return Optional.empty();
	}

	private static String localPart(String email) {
		if (email == null) {
			return "";
		}
		int at = email.indexOf('@');
		return (at < 0 ? email : email.substring(0, at)).strip().toLowerCase(Locale.ROOT);
	}

}
