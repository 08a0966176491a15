package org.incidentflow.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Teams' outgoing webhook signature: {@code HMAC} and the base64 HMAC-SHA256 of the raw body, keyed with the
 * base64-decoded security token. The expected value was computed independently
 * ({@code printf '%s' "$body" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(echo $secret | base64 -d | xxd -p -c 64) -binary | base64}).
 */
class TeamsSignatureTest {

	static final String SECRET = "bNkhHHe7tEI0ELSvqPYdCsEpUIILV8rBQrYu3bF1uKw=";
	static final String BODY = "{\"type\":\"message\",\"text\":\"<at>Incident</at> status INC-000123\"}";

	@Test
	void signsAndVerifiesInConstantTime() {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		String header = TeamsSignature.sign(SECRET, body);
		assertThat(header).isEqualTo(TeamsSignatureTest.EXPECTED);
		assertThat(TeamsSignature.check(SECRET, header, body)).isEqualTo(TeamsSignature.Verdict.VALID);
		assertThat(TeamsSignature.check(SECRET, "hmac " + header.substring(5), body))
			.isEqualTo(TeamsSignature.Verdict.VALID);
		assertThat(TeamsSignature.check(SECRET, header, (BODY + " ").getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(TeamsSignature.Verdict.WRONG);
		assertThat(TeamsSignature.check(SECRET, null, body)).isEqualTo(TeamsSignature.Verdict.UNSIGNED);
		assertThat(TeamsSignature.check(SECRET, "HMAC ", body)).isEqualTo(TeamsSignature.Verdict.UNSIGNED);
		assertThat(TeamsSignature.check(SECRET, "Bearer x", body)).isEqualTo(TeamsSignature.Verdict.UNSIGNED);
		assertThat(TeamsSignature.usable("not base64!")).isFalse();
		assertThat(TeamsSignature.usable("")).isFalse();
		assertThat(TeamsSignature.usable(SECRET)).isTrue();
	}

	static final String EXPECTED = "HMAC qK2ynHqU0VIVI0dY34qnaX0OH8afmoUelMgw+j3FrC4=";

}
