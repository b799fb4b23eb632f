package com.licensingportal.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * Text that people read: a name, an organisation, a device name. It may be in any script of Unicode's Basic
 * Multilingual Plane (Hebrew and Arabic included) and carry accents, but none of what should never be in a name
 * because it hides or reorders what others see: control characters (line breaks only where
 * {@link #lineBreaks()} allows them), the bidirectional embeddings, overrides and isolates U+202A–U+202E and
 * U+2066–U+2069, the zero-width characters U+200B–U+200D, U+2060 and U+FEFF, the line and paragraph separators
 * U+2028 and U+2029, and broken UTF-16. Nor characters beyond the Basic Multilingual Plane (emoji, rare CJK):
 * names go into Camunda's process variables, whose MySQL tables hold three-byte UTF-8 only. Markup such as
 * {@code <script>} is text like any other: every page, email, JSON answer and CSV file escapes it. Null is
 * valid; say {@code @NotBlank} where a value is required.
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

	String message() default PlainTextValidator.MESSAGE;

	/** Whether line breaks (and tabs) are allowed, as in an address or a message. */
	boolean lineBreaks() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
