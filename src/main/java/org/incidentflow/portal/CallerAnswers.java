package org.incidentflow.portal;

import java.util.Arrays;
import java.util.Optional;

import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.Level;

/**
 * The questions of the report form in the caller's words, and the codes each answer stands for. Impact and urgency
 * are the inputs of the priority decision ({@code processes/incident-priority.dmn}); the portal only translates, the
 * decision stays in the model. No answer is preselected: a requester who skips a question is asked again instead of
 * filing a guessed priority.
 */
final class CallerAnswers {

	private CallerAnswers() {
	}

	/** An answer: the value posted by the form, the words shown, the code it stands for. */
	interface Answer<C> {
		String value();

		String label();

		C code();
	}

	/** "Who is affected?" → impact. */
	enum WhoIsAffected implements Answer<Level> {
		ONLY_ME("only_me", "Only me", Level.LOW),
		MY_TEAM("my_team", "My team or several colleagues", Level.MEDIUM),
		MANY("many", "A whole department, a site, or a business-critical service", Level.HIGH);

		private final String value;
		private final String label;
		private final Level code;

		WhoIsAffected(String value, String label, Level code) {
			this.value = value;
			this.label = label;
			this.code = code;
		}

		@Override public String value() { return value; }
		@Override public String label() { return label; }
		@Override public Level code() { return code; }
	}

	/** "Can you work?" → urgency. */
	enum CanYouWork implements Answer<Level> {
		WORKAROUND("workaround", "Yes, with a workaround", Level.LOW),
		SLOWLY("slowly", "Yes, but slowly or only partly", Level.MEDIUM),
		NOT_AT_ALL("not_at_all", "No, not at all", Level.HIGH);

		private final String value;
		private final String label;
		private final Level code;

		CanYouWork(String value, String label, Level code) {
			this.value = value;
			this.label = label;
			this.code = code;
		}

		@Override public String value() { return value; }
		@Override public String label() { return label; }
		@Override public Level code() { return code; }
	}

	/** "What kind of problem is it?" → incident type (routes and restricts it; not an input of the priority). */
	enum ProblemKind implements Answer<IncidentType> {
		DEGRADED("degraded", "Something is slow or works only partly", IncidentType.SERVICE_DEGRADATION),
		DOWN("down", "A service or system is down for everyone", IncidentType.SERVICE_OUTAGE),
		SOFTWARE("software", "A program shows an error or does something wrong", IncidentType.SOFTWARE),
		HARDWARE("hardware", "A device is broken (laptop, phone, printer, screen)", IncidentType.HARDWARE),
		SECURITY("security", "It looks like a security problem (phishing, virus, suspicious login)",
				IncidentType.SECURITY);

		private final String value;
		private final String label;
		private final IncidentType code;

		ProblemKind(String value, String label, IncidentType code) {
			this.value = value;
			this.label = label;
			this.code = code;
		}

		@Override public String value() { return value; }
		@Override public String label() { return label; }
		@Override public IncidentType code() { return code; }
	}

	static <A extends Enum<A> & Answer<?>> Optional<A> parse(Class<A> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		return Arrays.stream(type.getEnumConstants()).filter(answer -> answer.value().equals(value)).findFirst();
	}

}
