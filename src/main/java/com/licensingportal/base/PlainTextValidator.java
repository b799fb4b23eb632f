package com.licensingportal.base;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link PlainText}; {@link #isPlain} serves the services that check text without Bean Validation. */
public class PlainTextValidator implements ConstraintValidator<PlainText, String> {

	/** Bean Validation's message of {@link PlainText}: the bundle's code. */
	public static final String MESSAGE = "{users.check.plainText}";

	private boolean lineBreaks;

	@Override
	public void initialize(PlainText annotation) {
		this.lineBreaks = annotation.lineBreaks();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		return value == null || isPlain(value, this.lineBreaks);
	}

	/** Whether the text is free of what {@link PlainText} refuses. */
	public static boolean isPlain(String value, boolean lineBreaks) {
		return value.codePoints().allMatch(c -> isAllowed(c, lineBreaks));
	}

	private static boolean isAllowed(int c, boolean lineBreaks) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return lineBreaks;
		}
		if (Character.isSupplementaryCodePoint(c)) {
			// Emoji and the rarer scripts take four bytes in UTF-8; Camunda's MySQL tables, which keep names in
			// process variables and their history, hold three (utf8mb3): a 500 there, so refused here.
			return false;
		}
		int type = Character.getType(c);
		if (type == Character.CONTROL || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR) {
			return false;
		}
		boolean bidiControl = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
		boolean zeroWidth = (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
		return !bidiControl && !zeroWidth;
	}

}
