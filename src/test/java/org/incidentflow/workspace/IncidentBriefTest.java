package org.incidentflow.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The pieces of the summary that decide what an agent reads: SLA wording, time left, escaping of typed text. */
class IncidentBriefTest {

	private static final Instant DUE = Instant.parse("2026-12-02T11:00:00Z");

	@Test
	void slaShowsTimeLeftBreachedAndMet() {
		assertThat(IncidentBrief.sla("Response", DUE, null, false, null, DUE.minus(Duration.ofMinutes(75))))
			.isEqualTo("Response due 2 Dec 11:00 UTC, 1 h 15 min left");
		assertThat(IncidentBrief.sla("Response", DUE, null, false, null, DUE.plus(Duration.ofMinutes(5))))
			.isEqualTo("Response due 2 Dec 11:00 UTC, **breached** 5 min ago");
		assertThat(IncidentBrief.sla("Response", DUE, DUE.minusSeconds(60), false, null, DUE.plusSeconds(3600)))
			.isEqualTo("Response due 2 Dec 11:00 UTC, met");
		assertThat(IncidentBrief.sla("Resolution", DUE, DUE.plusSeconds(60), true, null, DUE.plusSeconds(3600)))
			.isEqualTo("Resolution due 2 Dec 11:00 UTC, met late (**breached**)");
		assertThat(IncidentBrief.sla("Resolution", DUE, null, false, DUE.minusSeconds(600), DUE.minusSeconds(60)))
			.endsWith("1 min left (clock paused)");
		assertThat(IncidentBrief.sla("Resolution", null, null, false, null, DUE)).isEqualTo("Resolution target not set");
	}

	@Test
	void durationsReadLikeAPerson() {
		assertThat(IncidentBrief.duration(Duration.ofMinutes(59))).isEqualTo("59 min");
		assertThat(IncidentBrief.duration(Duration.ofMinutes(61))).isEqualTo("1 h 1 min");
		assertThat(IncidentBrief.duration(Duration.ofHours(50))).isEqualTo("2 d 2 h");
	}

	@Test
	void typedTextCannotBecomeMarkup() {
		assertThat(IncidentBrief.escape("[click](http://evil) <img src=x> **bold** {{title}}"))
			.isEqualTo("\\[click\\]\\(http://evil\\) &lt;img src=x&gt; \\*\\*bold\\*\\* \\{\\{title\\}\\}");
		assertThat(IncidentBrief.quote("line one\n# not a heading")).isEqualTo("> line one  \n> \\# not a heading");
		assertThat(IncidentBrief.excerpt("a\n\n b")).isEqualTo("a / b");
	}

}
