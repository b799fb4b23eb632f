package com.licensingportal.base;

import jakarta.validation.ConstraintViolation;

import com.licensingportal.text.Text;

/**
 * A Bean Validation problem as a {@link Text} of the bundle, so that whoever shows it writes it in the reader's
 * language: the portal's constraints name a code ({@code message = "{users.fields.firstName.empty}"}); a message of
 * Bean Validation's own (not in the bundle) is kept as it was written.
 */
public final class Violations {

	private Violations() {
	}

	public static Text text(ConstraintViolation<?> violation) {
		String template = violation.getMessageTemplate();
		if (template != null && template.startsWith("{") && template.endsWith("}")) {
			String code = template.substring(1, template.length() - 1);
			if (com.licensingportal.text.Messages.has(code)) {
				return Text.of(code);
			}
		}
		return Text.of("users.check.asWritten", violation.getMessage());
	}

}
