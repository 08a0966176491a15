package org.incidentflow.intake.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.incidentflow.intake.chat.SlackSignature.Verdict;
import org.junit.jupiter.api.Test;

/** Slack's request signature, checked against the worked example of Slack's "Verifying requests from Slack". */
class SlackSignatureTest {

	static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
	static final String TIMESTAMP = "1531420618";
	static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
			+ "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
			+ "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
			+ "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
		.getBytes(StandardCharsets.UTF_8);
	static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

	static final Instant SIGNED_AT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));

	@Test
	void signsAndAcceptsSlacksExample() {
		assertThat(SlackSignature.sign(SECRET, Long.parseLong(TIMESTAMP), BODY)).isEqualTo(SIGNATURE);
		assertThat(SlackSignature.check(SECRET, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(299)))
			.isEqualTo(Verdict.VALID);
	}

	@Test
	void refusesTamperedUnsignedAndReplayedRequests() {
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("text=", "text=rm")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(SlackSignature.check(SECRET, TIMESTAMP, SIGNATURE, tampered, SIGNED_AT)).isEqualTo(Verdict.WRONG);
		assertThat(SlackSignature.check("another-secret", TIMESTAMP, SIGNATURE, BODY, SIGNED_AT))
			.isEqualTo(Verdict.WRONG);
		assertThat(SlackSignature.check(SECRET, "1531420619", SIGNATURE, BODY, SIGNED_AT)).isEqualTo(Verdict.WRONG);
		assertThat(SlackSignature.check(SECRET, TIMESTAMP, SIGNATURE.toUpperCase(), BODY, SIGNED_AT))
			.isEqualTo(Verdict.WRONG);
		assertThat(SlackSignature.check(SECRET, null, SIGNATURE, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
		assertThat(SlackSignature.check(SECRET, TIMESTAMP, null, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
		assertThat(SlackSignature.check(SECRET, "yesterday", SIGNATURE, BODY, SIGNED_AT)).isEqualTo(Verdict.UNSIGNED);
		// more than five minutes either way: a replay (or a clock far off)
		assertThat(SlackSignature.check(SECRET, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(301)))
			.isEqualTo(Verdict.EXPIRED);
		assertThat(SlackSignature.check(SECRET, TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.minusSeconds(301)))
			.isEqualTo(Verdict.EXPIRED);
	}

}
