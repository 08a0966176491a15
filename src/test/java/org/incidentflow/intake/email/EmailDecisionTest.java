package org.incidentflow.intake.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The email classification: every rule (every keyword) and the default, on the standalone DMN engine. */
class EmailDecisionTest {

	static final String RESOURCE = "processes/email-classification.dmn";
	static DmnEngine dmn;
	static DmnDecision decision;

	@BeforeAll
	static void parse() throws Exception {
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = EmailDecisionTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			decision = dmn.parseDecision(MailClassification.DECISION, in);
		}
	}

	static Map<String, Object> evaluate(String subject, String body, String importance) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", subject);
		variables.put("body", body);
		variables.put("importance", importance);
		DmnDecisionResult result = dmn.evaluateDecision(decision, variables);
		assertThat(result).hasSize(1); // hit policy FIRST: one row, always (the default rule)
		return result.getSingleResult().getEntryMap();
	}

	static Stream<Arguments> mails() {
		return Stream.of(
				// security, whatever the importance
				Arguments.of("Phishing mail received", "", "normal", "security", "high", "high"),
				Arguments.of("Fwd: your account", "I think I was phished yesterday", "low", "security", "high", "high"),
				Arguments.of("Popup", "The scanner says VIRUS found", "normal", "security", "high", "high"),
				Arguments.of("Viruses!", "", "normal", "security", "high", "high"),
				Arguments.of("PC", "malware alert on my pc", "normal", "security", "high", "high"),
				Arguments.of("Files encrypted", "looks like ransomware", "high", "security", "high", "high"),
				Arguments.of("Suspicious login", "", "normal", "security", "high", "high"),
				Arguments.of("Account hacked!", "", "normal", "security", "high", "high"),
				Arguments.of("My mailbox is compromised", "", "normal", "security", "high", "high"),
				Arguments.of("Website down, phishing page?", "", "high", "security", "high", "high"),
				// outage reported as important
				Arguments.of("CRM down", "", "high", "service_outage", "high", "high"),
				Arguments.of("Outage", "", "high", "service_outage", "high", "high"),
				Arguments.of("Mail", "Mail is not working for everyone on floor 3.", "high", "service_outage", "high", "high"),
				Arguments.of("Wiki", "Nobody can log in", "high", "service_outage", "high", "high"),
				Arguments.of("ERP", "We cannot access the ERP.", "high", "service_outage", "high", "high"),
				Arguments.of("ERP", "We can't access the ERP.", "high", "service_outage", "high", "high"),
				// outage without importance
				Arguments.of("CRM is down", "", "normal", "service_outage", "medium", "high"),
				Arguments.of("Network outages", "", "low", "service_outage", "medium", "high"),
				Arguments.of("Mail", "Mail is NOT working for everyone.", "normal", "service_outage", "medium", "high"),
				Arguments.of("Wiki", "nobody can open it", null, "service_outage", "medium", "high"),
				// "cannot access" alone is one user's problem: the default
				Arguments.of("ERP", "I cannot access the ERP", "normal", "software", "medium", "medium"),
				// degradation
				Arguments.of("Laptop slow", "Very slow.", "normal", "service_degradation", "medium", "medium"),
				Arguments.of("CRM", "responds slowly", "high", "service_degradation", "medium", "medium"),
				Arguments.of("Service degraded", "", "normal", "service_degradation", "medium", "medium"),
				Arguments.of("Performance degradation", "", "normal", "service_degradation", "medium", "medium"),
				Arguments.of("VPN", "intermittent drops", "normal", "service_degradation", "medium", "medium"),
				// hardware
				Arguments.of("Printer on fire", "", "normal", "hardware", "low", "medium"),
				Arguments.of("Printers", "", "high", "hardware", "low", "medium"),
				Arguments.of("New laptop", "", "normal", "hardware", "low", "medium"),
				Arguments.of("Monitor flickers", "!", "normal", "hardware", "low", "medium"),
				Arguments.of("Two monitors", "", "normal", "hardware", "low", "medium"),
				Arguments.of("Keyboard broken", "Keys stick.", "normal", "hardware", "low", "medium"),
				Arguments.of("Mouse", "", "normal", "hardware", "low", "medium"),
				Arguments.of("Docking station", "", "normal", "hardware", "low", "medium"),
				Arguments.of("Hardware fault", "", "normal", "hardware", "low", "medium"),
				// important, nothing recognised
				Arguments.of("Help", "Please help.", "high", "software", "medium", "high"),
				Arguments.of("Help", "Please help.", "HIGH", "software", "medium", "high"),
				// default: whole words only, any other mail, missing parts
				Arguments.of("Download fails", "shutdown; dropdown empty", "normal", "software", "medium", "medium"),
				Arguments.of("Monitoring dashboard", "", "normal", "software", "medium", "medium"),
				Arguments.of("Outlook crashes", "Crash on start", "normal", "software", "medium", "medium"),
				Arguments.of("Help", "Please help.", "low", "software", "medium", "medium"),
				Arguments.of("Help", "Please help.", null, "software", "medium", "medium"),
				Arguments.of(null, null, null, "software", "medium", "medium"),
				Arguments.of("", "", "normal", "software", "medium", "medium"));
	}

	@ParameterizedTest(name = "\"{0}\" / \"{1}\" ({2}) -> {3} {4}/{5}")
	@MethodSource("mails")
	void classifiesEveryRule(String subject, String body, String importance, String type, String impact,
			String urgency) {
		assertThat(evaluate(subject, body, importance))
			.containsEntry("incidentType", type)
			.containsEntry("impact", impact)
			.containsEntry("urgency", urgency);
	}

	@Test
	void everyRuleIsHitByACaseAndTheDefaultIsLast() throws Exception {
		Set<String> hit = new HashSet<>();
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		configuration.customPostDecisionTableEvaluationListeners(List.of(event -> event.getMatchingRules()
			.forEach(rule -> hit.add(rule.getId()))));
		DmnEngine recording = configuration.buildEngine();
		DmnDecision parsed;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
			parsed = recording.parseDecision(MailClassification.DECISION, in);
		}
		mails().forEach(arguments -> {
			Object[] args = arguments.get();
			Map<String, Object> variables = new HashMap<>();
			variables.put("subject", args[0]);
			variables.put("body", args[1]);
			variables.put("importance", args[2]);
			recording.evaluateDecision(parsed, variables);
		});
		List<String> rules = ((DmnDecisionTableImpl) parsed.getDecisionLogic()).getRules().stream()
			.map(DmnDecisionTableRuleImpl::getId)
			.toList();
		assertThat(hit).containsExactlyInAnyOrderElementsOf(rules);
		assertThat(rules).last().isEqualTo("rule-default");
	}

	@Test
	void hasHistoryTimeToLive() throws Exception {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).contains("camunda:historyTimeToLive=");
		}
	}

}
