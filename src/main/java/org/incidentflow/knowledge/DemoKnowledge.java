package org.incidentflow.knowledge;

import java.io.IOException;
import java.io.InputStream;
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
 * Demo profile: published knowledge articles for the demo services (knowledge/demo-knowledge.json) so that a new user
 * sees suggestions at triage at once. Seeded only while there is no article, once across nodes (row lock
 * {@code knowledge-demo}). The demo known errors are not seeded here: they are published by the "Record known error"
 * step of the demo problems (org.incidentflow.problem.DemoProblems), so each belongs to a real problem.
 */
@Component
@Profile("demo")
class DemoKnowledge {

	private static final Logger LOG = LoggerFactory.getLogger(DemoKnowledge.class);
	private static final Viewer SEEDER = new Viewer("admin", Set.of(IncidentAccess.ADMINS));

	private final KnowledgeArticles articles;
	private final TransactionTemplate transaction;
	private final JdbcTemplate jdbc;

	DemoKnowledge(KnowledgeArticles articles, TransactionTemplate transaction,
			JdbcTemplate jdbc) {
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
			Long existing = jdbc.queryForObject("select count(*) from knowledge_article", Long.class);
			if (existing != null && existing > 0) {
				return 0;
			}
			for (JsonNode item : items) {
				KnowledgeArticle created = articles.create(new KnowledgeArticles.Draft(item.get("title").asText(),
						item.get("body").asText(), item.get("service").asText(), null, item.get("audience").asText()),
						SEEDER);
				articles.publish(created.getNumber(), SEEDER);
			}
			return items.size();
		});
		if (seeded != null && seeded > 0) {
			LOG.info("Demo profile: {} published knowledge articles seeded", seeded);
		}
	}

}
