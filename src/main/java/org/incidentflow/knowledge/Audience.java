package org.incidentflow.knowledge;

import java.util.Locale;

/** Who an article is written for: agents only ({@code internal}) or also the requesters in the portal. */
public enum Audience {
	INTERNAL, REQUESTER;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** @return the audience, or null for an unknown code */
	public static Audience fromCode(String code) {
		if (code == null) {
			return null;
		}
		for (Audience audience : values()) {
			if (audience.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
				return audience;
			}
		}
		return null;
	}
}
