package org.incidentflow.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * The string is the code of a constant of {@link #value()} (its name in any case, e.g. {@code high}, {@code HIGH}).
 * Null is valid (combine with {@code @NotBlank}). The message lists the allowed codes in lower case.
 */
@Documented
@Retention(RUNTIME)
@Target({ FIELD, PARAMETER, RECORD_COMPONENT })
@Constraint(validatedBy = EnumCodeValidator.class)
public @interface EnumCode {

	Class<? extends Enum<?>> value();

	String message() default "must be one of: {allowed}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
