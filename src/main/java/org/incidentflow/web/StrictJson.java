package org.incidentflow.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the product reads JSON (the API's request bodies and the monitoring webhooks; the engine REST API has its own
 * mapper). Bad input must be refused with a 400 naming the field, not guessed at or stored half-way:
 * <ul>
 * <li>a property given twice ({@code {"title":"a","title":"b"}}) is an error, not "the last one wins";</li>
 * <li>a number or boolean where text is expected ({@code "title": 123}) is an error, not the text "123";</li>
 * <li>text containing U+0000 is refused: PostgreSQL cannot store it in a text column, and silently dropping it would
 * change what the client sent.</li>
 * </ul>
 * Nesting depth, number and string lengths keep Jackson's default limits (1,000 levels, ...); going past them is a
 * 400 too ({@link ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
		return builder -> builder
			.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.modulesToInstall(modules -> modules.add(nulRefusingStrings()))
			.postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	static SimpleModule nulRefusingStrings() {
		return new SimpleModule("incidentflow-strict-strings").addDeserializer(String.class,
				new NulRefusingStringDeserializer());
	}

	/** Jackson's own string reading (including the coercion rules above), then the U+0000 check. */
	static final class NulRefusingStringDeserializer extends StringDeserializer {

		private static final long serialVersionUID = 1L;

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf('\u0000') >= 0) {
				throw new NulCharacterException(parser);
			}
			return value;
		}

	}

	/** Text with U+0000; Jackson adds the property path as the exception travels up. */
	public static final class NulCharacterException extends MismatchedInputException {

		private static final long serialVersionUID = 1L;

		public static final String MESSAGE = "must not contain the NUL character (U+0000)";

		NulCharacterException(JsonParser parser) {
			super(parser, MESSAGE, String.class);
		}

	}

}
