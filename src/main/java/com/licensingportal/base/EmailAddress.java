package com.licensingportal.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * One email address as every mail server accepts it, checked by {@link EmailAddressValidator}: a plain local part
 * (letters, digits and {@code ! # $ % & ' * + / = ? ^ _ ` { | } ~ -}, dots between them) and a host name with a
 * dot. Quoted local parts ({@code "x,y"@example.com}), commas, semicolons, spaces, brackets, comments, address
 * literals and non-ASCII characters are refused with a sentence that says why. Null is valid; say
 * {@code @NotBlank} where a value is required.
 */
@Documented
@Constraint(validatedBy = EmailAddressValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

	/** Unused: the validator says which of its sentences applies. */
	String message() default EmailAddressValidator.INVALID_MESSAGE;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
