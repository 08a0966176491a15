package org.incidentflow.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

public class EnumCodeValidator implements ConstraintValidator<EnumCode, String> {

	private Enum<?>[] constants;

	@Override
	public void initialize(EnumCode annotation) {
		constants = annotation.value().getEnumConstants();
	}

	@Override
	public boolean isValid(String value, ConstraintValidatorContext context) {
		if (value == null || Arrays.stream(constants).anyMatch(c -> c.name().equalsIgnoreCase(value.trim()))) {
			return true;
		}
		context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("allowed", allowed(constants));
		return false;
	}

	/** The lower-case codes of an enum, comma-separated, for error messages. */
	public static String allowed(Enum<?>[] constants) {
		return Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
	}

	/** Parses a code case-insensitively, or fails naming the field and the allowed values. */
	public static <E extends Enum<E>> E parse(Class<E> type, String field, String code) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(code.trim())) {
				return constant;
			}
		}
		throw new InvalidRequestException(field, "must be one of: " + allowed(type.getEnumConstants()));
	}

}
