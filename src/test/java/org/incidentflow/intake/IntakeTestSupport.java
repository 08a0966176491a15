package org.incidentflow.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.incidentflow.incident.IncidentProcess;

/** Shared helpers of the intake tests. */
public final class IntakeTestSupport {

	private IntakeTestSupport() {
	}

	/**
	 * STAND-IN, REMOVE WHEN processes/incident-management.bpmn IS MERGED. The intake starts process
	 * {@code incident-management} through IncidentReporting; until the real model is on this branch, tests deploy a
	 * minimal model with that key that waits for message AlertsResolved. Only deployed when no model with the key
	 * exists, so with the real model in place this does nothing.
	 */
	public static void deployStandInProcessIfMissing(RepositoryService repository) {
		if (repository.createProcessDefinitionQuery().processDefinitionKey(IncidentProcess.KEY).count() > 0) {
			return;
		}
		BpmnModelInstance model = Bpmn.createExecutableProcess(IncidentProcess.KEY)
			.name("Incident management (intake test stand-in)")
			.camundaHistoryTimeToLive(1)
			.startEvent("IncidentReported")
			.intermediateCatchEvent("AlertsResolvedReceived").message(IncidentProcess.Messages.ALERTS_RESOLVED)
			.endEvent("StandInEnded")
			.done();
		repository.createDeployment()
			.name("intake-test-stand-in")
			.addModelInstance("incident-management-intake-stand-in.bpmn", model)
			.deploy();
	}

	/** A test resource with every {@code RUN} replaced by a token unique to this call (tests share the database). */
	public static String resource(String name, String run) {
		try (InputStream in = IntakeTestSupport.class.getResourceAsStream("/intake/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("RUN", run);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String newRun() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
