package org.incidentflow.chat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The chat platforms incidents can be reported from and followed in. */
public enum ChatPlatform {

	SLACK, MATTERMOST, TEAMS;

	/** The lower-case name used in the API and in stored rows ({@code slack}, {@code mattermost}, {@code teams}). */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<ChatPlatform> of(String code) {
		return code == null ? Optional.empty()
				: Arrays.stream(values()).filter(p -> p.code().equals(code.trim().toLowerCase(Locale.ROOT))).findFirst();
	}

}
