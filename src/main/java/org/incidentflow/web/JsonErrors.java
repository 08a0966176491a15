package org.incidentflow.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/** Words for JSON that could not be read: where a syntax error is, which reading limit a body went past. */
public final class JsonErrors {

	private JsonErrors() {
	}

	public static String describe(StreamConstraintsException limit) {
		String message = String.valueOf(limit.getOriginalMessage());
		StreamReadConstraints defaults = StreamReadConstraints.defaults();
		if (message.contains("nesting depth")) {
			return "The JSON body is nested too deeply (at most " + defaults.getMaxNestingDepth() + " levels).";
		}
		if (message.contains("Number value length") || message.contains("Number length")) {
			return "A number in the JSON body is too long (at most " + defaults.getMaxNumberLength() + " digits).";
		}
		if (message.contains("String value length") || message.contains("String length")) {
			return "A text in the JSON body is too long (at most " + defaults.getMaxStringLength() + " characters).";
		}
		return "The JSON body is larger than the product reads.";
	}

	/** " (line 1, column 17)", or nothing when the parser knows no location. */
	public static String where(JsonProcessingException ex) {
		JsonLocation location = ex.getLocation();
		return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

}
