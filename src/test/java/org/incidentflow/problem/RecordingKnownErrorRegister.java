package org.incidentflow.problem;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.incidentflow.knowledge.KnownErrorRegister;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A known-error database for the shared test context while the knowledge package provides none: it records what
 * problem management asked for. Registered only when no real {@link KnownErrorRegister} bean exists (scanned
 * components are registered before this condition is evaluated), so that the real one wins once it is there.
 */
public class RecordingKnownErrorRegister implements KnownErrorRegister {

	final List<KnownErrorDraft> recorded = new CopyOnWriteArrayList<>();
	final List<String> retired = new CopyOnWriteArrayList<>();

	@Override
	public String recordForProblem(KnownErrorDraft draft) {
		recorded.add(draft);
		return "KE-" + draft.problemNumber().substring(4);
	}

	@Override
	public void retireForProblem(String problemNumber, String solution) {
		retired.add(problemNumber + ": " + solution);
	}

	@Configuration(proxyBeanMethods = false)
	static class WhenNoneIsDeployed {

		@Bean
		@ConditionalOnMissingBean(KnownErrorRegister.class)
		RecordingKnownErrorRegister recordingKnownErrorRegister() {
			return new RecordingKnownErrorRegister();
		}
	}

}
