package org.incidentflow.incident;

import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incident records for tests that do not need the process: written straight to the repository, each test with its
 * own service name (a marker) so that tests can share a database. Not a Spring bean on purpose (tests are scanned).
 */
public class IncidentFixtures {

	private final IncidentRepository incidents;
	private final TransactionTemplate transaction;

	public IncidentFixtures(IncidentRepository incidents, PlatformTransactionManager transactionManager) {
		this.incidents = incidents;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	public static String marker() {
		return "svc-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public static String uniqueUser(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Creates a record; {@code customize} sets whatever else the test needs. Returns it after commit. */
	public Incident create(String title, String caller, IncidentType type, String service, Consumer<Incident> customize) {
		return transaction.execute(status -> {
			Incident incident = new Incident(title, caller, Channel.PORTAL, type, Level.MEDIUM, Level.HIGH,
					ActivityLog.now());
			incident.setService(service);
			incident.setNumber(nextNumber());
			incident = incidents.save(incident);
			customize.accept(incident);
			return incident;
		});
	}

	/**
	 * A fresh incident number from the production sequence: the number must be set before the record is persisted
	 * (as {@link IncidentReporting} does), so tests that build {@link Incident} entities themselves draw one here.
	 */
	public String nextNumber() {
		return Incident.formatNumber(incidents.nextNumber());
	}

	public Incident create(String title, String caller, IncidentType type, String service) {
		return create(title, caller, type, service, incident -> {
		});
	}

	/** Changes a committed record in its own transaction, as a delegate of the process would. */
	public void change(String number, Consumer<Incident> change) {
		transaction.executeWithoutResult(status -> change.accept(incidents.findByNumber(number).orElseThrow()));
	}

}
