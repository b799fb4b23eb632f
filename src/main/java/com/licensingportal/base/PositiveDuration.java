package com.licensingportal.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * A setting that is a length of time: given, and at least a second. A bad one stops start-up with a sentence
 * naming its environment variable ({@link InvalidSettingsFailureAnalyzer}).
 */
@NotNull
@DurationMin(seconds = 1)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveDuration {

	String message() default "must be an ISO-8601 duration of at least a second, such as PT15M or P7D";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
