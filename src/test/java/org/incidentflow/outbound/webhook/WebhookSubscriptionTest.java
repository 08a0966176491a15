package org.incidentflow.outbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.incidentflow.incident.IncidentEvents;
import org.junit.jupiter.api.Test;

/** The subscription's own rules: what it wants, when repeated failures disable it, what it refuses to hold. */
class WebhookSubscriptionTest {

	static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");

	WebhookSubscription subscription(String... events) {
		return new WebhookSubscription("https://hooks.example.com/x", List.of(events), WebhookTemplate.GENERIC,
				WebhookSignatureTest.SECRET, "admin", NOW);
	}

	@Test
	void wantsTheEventsAndPatternsItNames() {
		WebhookSubscription some = subscription("incident.created", "incident.closed");
		assertThat(some.wants(IncidentEvents.CREATED)).isTrue();
		assertThat(some.wants(IncidentEvents.UPDATED)).isFalse();
		assertThat(subscription("incident.*").wants(IncidentEvents.RESOLVED)).isTrue();
		assertThat(subscription("incident.*").wants(IncidentEvents.MAJOR_DECLARED)).isFalse();
		assertThat(subscription("major_incident.*").wants(IncidentEvents.CREATED)).isFalse();
		assertThat(subscription("*").wants(IncidentEvents.CLOSED)).isTrue();
	}

	@Test
	void isDisabledAfterTheConfiguredFailuresInARowAndADeliveryResetsTheCount() {
		WebhookSubscription s = subscription("incident.*");
		for (int i = 1; i < 5; i++) {
			assertThat(s.deliveryFailed(5, "HTTP 500", NOW)).isFalse();
		}
		s.delivered();
		assertThat(s.getConsecutiveFailures()).isZero();
		for (int i = 1; i < 5; i++) {
			assertThat(s.deliveryFailed(5, "HTTP 500", NOW)).isFalse();
		}
		assertThat(s.isEnabled()).isTrue();
		assertThat(s.deliveryFailed(5, "HTTP 503", NOW)).as("the fifth in a row").isTrue();
		assertThat(s.isEnabled()).isFalse();
		assertThat(s.wants(IncidentEvents.CREATED)).isFalse();
		assertThat(s.getDisabledReason()).contains("5 failed deliveries in a row", "HTTP 503");
		assertThat(s.getDisabledAt()).isEqualTo(NOW);
		// told once: further failures of queued deliveries do not disable (and notify) again
		assertThat(s.deliveryFailed(5, "HTTP 503", NOW)).isFalse();

		s.setEnabled(true, NOW.plusSeconds(60));
		assertThat(s.isEnabled()).isTrue();
		assertThat(s.getConsecutiveFailures()).isZero();
		assertThat(s.getDisabledReason()).isNull();
	}

	@Test
	void refusesWhatItCannotSendOrSign() {
		assertThatThrownBy(() -> subscription("incident.deleted")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> subscription()).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new WebhookSubscription("https://hooks.example.com/x", List.of("*"),
				WebhookTemplate.GENERIC, "not-a-secret", "admin", NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new WebhookSubscription(" ", List.of("*"), WebhookTemplate.GENERIC,
				WebhookSignatureTest.SECRET, "admin", NOW)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void activityEventsMapToTheEventTypesOnce() {
		assertThat(IncidentEvents.typeOf("REPORTED")).hasValue(IncidentEvents.CREATED);
		assertThat(IncidentEvents.typeOf("TRIAGED")).hasValue(IncidentEvents.UPDATED);
		assertThat(IncidentEvents.typeOf("COMMENT_ADDED")).hasValue(IncidentEvents.UPDATED);
		assertThat(IncidentEvents.typeOf("RESOLVED")).hasValue(IncidentEvents.RESOLVED);
		assertThat(IncidentEvents.typeOf("CLOSED")).hasValue(IncidentEvents.CLOSED);
		assertThat(IncidentEvents.typeOf("CANCELED")).hasValue(IncidentEvents.CLOSED);
		assertThat(IncidentEvents.typeOf("WORK_NOTE_ADDED")).isEmpty();
		assertThat(IncidentEvents.typeOf("ALERT_REPEATED")).isEmpty();
	}

}
