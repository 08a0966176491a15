package org.incidentflow.outbound.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Signatures per Standard Webhooks, checked against the test vector published with the specification. */
class WebhookSignatureTest {

	// the specification's reference vector (standard-webhooks libraries test against it)
	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
	static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
	static final long TIMESTAMP = 1614265330L;
	static final String BODY = "{\"test\": 2432232314}";
	static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	@Test
	void signsTheSpecificationsTestVector() {
		assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
	}

	@Test
	void verifiesTheVectorAndRefusesAnyChange() {
		assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, SIGNATURE)).isTrue();
		// several signatures (key rotation), separated by spaces
		assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, "v1,bm90IGl0 " + SIGNATURE)).isTrue();
		assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, "{\"test\": 2432232315}", SIGNATURE)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, "msg_other", TIMESTAMP, BODY, SIGNATURE)).isFalse();
		assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, SIGNATURE)).isFalse();
		assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY, SIGNATURE)).isFalse();
	}

	@Test
	void newSecretsAreInTheStandardFormatAndDiffer() {
		String secret = WebhookSignature.newSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(WebhookSignature.problem(secret)).isNull();
		assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
	}

	@Test
	void refusesSecretsOutsideTheFormat() {
		assertThat(WebhookSignature.problem(SECRET)).isNull();
		assertThat(WebhookSignature.problem("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).contains("whsec_");
		assertThat(WebhookSignature.problem("whsec_not base64!")).contains("base64");
		assertThat(WebhookSignature.problem("whsec_c2hvcnQ=")).contains("24 to 64 bytes");
		assertThat(WebhookSignature.problem(null)).isNotNull();
		assertThatThrownBy(() -> WebhookSignature.sign("whsec_c2hvcnQ=", ID, TIMESTAMP, BODY))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
