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
import jakarta.validation.constraints.Pattern;

/**
 * A timer cycle of a BPMN process: a Camunda (Quartz) cron expression of 6 or 7 fields. The engine parses it only
 * when the timer is made, so start-up checks its shape.
 */
@NotNull
@Pattern(regexp = "\\s*\\S+(\\s+\\S+){5,6}\\s*")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CamundaCron {

	String message() default "must be a Camunda cron expression (seconds minutes hours day-of-month month day-of-week),"
			+ " such as 0 0 6 * * ?";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
