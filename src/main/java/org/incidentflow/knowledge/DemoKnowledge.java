package org.incidentflow.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.incidentflow.incident.IncidentAccess;
import org.incidentflow.incident.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Demo profile: a small published knowledge base (knowledge/demo-knowledge.json: known errors and articles for the
 * demo services) so that a new user sees suggestions at triage at once. Seeded only into an empty knowledge base, once
 * across nodes (row lock {@code knowledge-demo}); the demo known errors belong to demo problems PRB-9000xx.
 */
@Component
@Profile("demo")
class DemoKnowledge {

	private static final Logger LOG = LoggerFactory.getLogger(DemoKnowledge.class);
	private static final Viewer SEEDER = new Viewer("admin", Set.of(IncidentAccess.ADMINS));

	private final KnownErrors knownErrors;
	private final KnowledgeArticles articles;
	private final TransactionTemplate transaction;
	private final JdbcTemplate jdbc;

	DemoKnowledge(KnownErrors knownErrors, KnowledgeArticles articles, TransactionTemplate transaction,
			JdbcTemplate jdbc) {
		this.knownErrors = knownErrors;
		this.articles = articles;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() throws IOException {
		JsonNode items;
		try (InputStream in = getClass().getResourceAsStream("/knowledge/demo-knowledge.json")) {
			items = new ObjectMapper().readTree(in).get("items");
		}
		Integer seeded = transaction.execute(status -> {
			jdbc.queryForObject("select name from startup_lock where name = ? for update", String.class,
					"knowledge-demo");
			Long existing = jdbc.queryForObject(
					"select (select count(*) from known_error) + (select count(*) from knowledge_article)", Long.class);
			if (existing != null && existing > 0) {
				return 0;
			}
			int problem = 900_000;
			for (JsonNode item : items) {
				if (item.get("kind").asText().equals("known_error")) {
					KnownError created = knownErrors.create(new KnownErrors.Change("PRB-" + (++problem),
							item.get("title").asText(), item.get("symptom").asText(), item.get("workaround").asText(),
							text(item, "rootCause"), text(item, "errorCode"), item.get("service").asText(), List.of(),
							null), SEEDER);
					knownErrors.publish(created.getNumber(), SEEDER);
				}
				else {
					KnowledgeArticle created = articles.create(new KnowledgeArticles.Draft(item.get("title").asText(),
							item.get("body").asText(), item.get("service").asText(), null,
							item.get("audience").asText()), SEEDER);
					articles.publish(created.getNumber(), SEEDER);
				}
			}
			return items.size();
		});
		if (seeded != null && seeded > 0) {
			LOG.info("Demo profile: {} published known errors and articles seeded", seeded);
		}
	}

	private static String text(JsonNode item, String field) {
		return item.hasNonNull(field) ? item.get(field).asText() : null;
	}
}
