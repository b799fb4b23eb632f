package com.licensingportal.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import com.licensingportal.text.Text;

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
	public static Optional<Text> problem(String password, String repeated, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of(Text.of("users.password.empty"));
		}
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of(Text.of("users.password.tooShort", MIN_LENGTH));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of(Text.of("users.password.tooLong", MAX_BYTES));
		}
		String localPart = localPart(email);
		if (localPart.length() >= MIN_CHECKED_LOCAL_PART
				&& password.toLowerCase(Locale.ROOT).contains(localPart)) {
			return Optional.of(Text.of("users.password.containsEmail", localPart));
		}
		if (!password.equals(repeated)) {
			return Optional.of(Text.of("users.password.notSame"));
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
