package org.incidentflow.portal;

import java.util.Arrays;
import java.util.Optional;

/**
 * The questions of the report form in the caller's words: the value each answer posts and the words shown. What an
 * answer means (impact, urgency, incident type) is not decided here but by the decision tables of
 * {@code processes/portal-caller-answers.dmn} ({@link CallerAnswerDecisions}), which process owners change in Modeler.
 * No answer is preselected: a requester who skips a question is asked again instead of filing a guessed priority.
 */
final class CallerAnswers {

	private CallerAnswers() {
	}

	/** An answer: the value posted by the form and the words shown. */
	interface Answer {
		String value();

		String label();
	}

	/** "Who is affected?": the input {@code affected} of decision {@code portal-answer-impact}. */
	enum WhoIsAffected implements Answer {
		ONLY_ME("only_me", "Only me"),
		MY_TEAM("my_team", "My team or several colleagues"),
		MANY("many", "A whole department, a site, or a business-critical service");

		private final String value;
		private final String label;

		WhoIsAffected(String value, String label) {
			this.value = value;
			this.label = label;
		}

		@Override public String value() { return value; }
		@Override public String label() { return label; }
	}

	/** "Can you work?": the input {@code work} of decision {@code portal-answer-urgency}. */
	enum CanYouWork implements Answer {
		WORKAROUND("workaround", "Yes, with a workaround"),
		SLOWLY("slowly", "Yes, but slowly or only partly"),
		NOT_AT_ALL("not_at_all", "No, not at all");

		private final String value;
		private final String label;

		CanYouWork(String value, String label) {
			this.value = value;
			this.label = label;
		}

		@Override public String value() { return value; }
		@Override public String label() { return label; }
	}

	/** "What kind of problem is it?": the input {@code kind} of decision {@code portal-answer-type}. */
	enum ProblemKind implements Answer {
		DEGRADED("degraded", "Something is slow or works only partly"),
		DOWN("down", "A service or system is down for everyone"),
		SOFTWARE("software", "A program shows an error or does something wrong"),
		HARDWARE("hardware", "A device is broken (laptop, phone, printer, screen)"),
		SECURITY("security", "It looks like a security problem (phishing, virus, suspicious login)");

		private final String value;
		private final String label;

		ProblemKind(String value, String label) {
			this.value = value;
			this.label = label;
		}

		@Override public String value() { return value; }
		@Override public String label() { return label; }
	}

	static <A extends Enum<A> & Answer> Optional<A> parse(Class<A> type, String value) {
		if (value == null) {
			return Optional.empty();
		}
		return Arrays.stream(type.getEnumConstants()).filter(answer -> answer.value().equals(value)).findFirst();
	}

}
