package org.incidentflow.major.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The portable similarity (H2) gives what pg_trgm's {@code similarity()} gives on PostgreSQL 15 for the same texts
 * (values taken from {@code select similarity(a, b)}), so a threshold in the decision table means the same on both.
 */
class TitleSimilarityTest {

	@Test
	void matchesPgTrgm() {
		assertThat(TitleSimilarity.trigramSimilarity("VPN connection drops every few minutes (1)",
				"VPN connection drops every few minutes (2)")).isCloseTo(0.90697676, within(1e-6));
		assertThat(TitleSimilarity.trigramSimilarity("Mail not delivered", "Mail not delivered to outlook"))
			.isCloseTo(0.6333333, within(1e-6));
		assertThat(TitleSimilarity.trigramSimilarity("Printer jammed", "VPN down")).isZero();
		assertThat(TitleSimilarity.trigramSimilarity("", "VPN down")).isZero();
	}

	@Test
	void isCaseAndPunctuationInsensitive() {
		assertThat(TitleSimilarity.trigramSimilarity("VPN: down!", "vpn down")).isEqualTo(1.0);
	}

}
