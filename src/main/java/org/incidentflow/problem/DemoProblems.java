package org.incidentflow.problem;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * Demo profile: the demo problems (problem/demo-problems.json), raised and investigated through the product's own
 * lifecycle, so that their "Record known error" step publishes the demo known errors that triage suggests. They wait at
 * "Fix through a change". Seeded only into an empty problem register, once across nodes (row lock
 * {@code problem-demo}, V151); the knowledge articles are DemoKnowledge's.
 */
@Component
@Profile("demo")
class DemoProblems {

	private static final Logger LOG = LoggerFactory.getLogger(DemoProblems.class);

	private final ProblemManagement problems;
	private final TaskService taskService;
	private final TransactionTemplate transaction;
	private final JdbcTemplate jdbc;

	DemoProblems(ProblemManagement problems, TaskService taskService, TransactionTemplate transaction,
			JdbcTemplate jdbc) {
		this.problems = problems;
		this.taskService = taskService;
		this.transaction = transaction;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() throws IOException {
		JsonNode items;
		try (InputStream in = getClass().getResourceAsStream("/problem/demo-problems.json")) {
			items = new ObjectMapper().readTree(in).get("problems");
		}
		Integer seeded = transaction.execute(status -> {
			jdbc.queryForObject("select name from startup_lock where name = ? for update", String.class,
					"problem-demo");
			Long existing = jdbc.queryForObject("select count(*) from problem", Long.class);
			if (existing != null && existing > 0) {
				return 0;
			}
			for (JsonNode item : items) {
				Problem problem = problems.raise(new NewProblem(item.get("title").asText(),
						item.get("description").asText(), item.get("service").asText(), null,
						item.get("ownerGroup").asText()), ProblemOrigin.API);
				Task investigate = taskService.createTaskQuery().processInstanceId(problem.getProcessInstanceId())
					.taskDefinitionKey(ProblemProcess.Tasks.INVESTIGATE_ROOT_CAUSE).singleResult();
				Map<String, Object> findings = new HashMap<>();
				findings.put(ProblemProcess.Vars.ROOT_CAUSE, item.get("rootCause").asText());
				findings.put(ProblemProcess.Vars.WORKAROUND, item.get("workaround").asText());
				if (item.hasNonNull("errorCode")) {
					findings.put(ProblemProcess.Vars.ERROR_CODE, item.get("errorCode").asText());
				}
				taskService.complete(investigate.getId(), findings);
			}
			return items.size();
		});
		if (seeded != null && seeded > 0) {
			LOG.info("Demo profile: {} demo problems raised, their known errors published", seeded);
		}
	}

}
