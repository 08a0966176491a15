package org.incidentflow.intake.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.Channel;
import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentNotice;
import org.incidentflow.incident.IncidentProcess;
import org.incidentflow.incident.IncidentReporting;
import org.incidentflow.incident.IncidentRepository;
import org.incidentflow.incident.NewIncident;
import org.incidentflow.incident.State;
import org.incidentflow.persistence.TransactionRetry;
import org.incidentflow.intake.alert.AlertClassification.Classification;
import org.incidentflow.intake.alert.AlertClassification.ResolutionAction;
import org.incidentflow.metrics.ProductMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Turns monitoring notifications into incidents, exactly once. Delivery is at least once (repeats every
 * repeat_interval, duplicates from HA pairs, retries), so:
 * <ul>
 * <li>an alert occurrence (source, fingerprint, startsAt) is stored once, under a unique constraint;</li>
 * <li>deliveries of one alert group are serialised by a row lock on the group's row, so alerts of a group that fire
 * together join the group's open incident instead of racing to open several;</li>
 * <li>a delivery that loses a race anyway (the group row or an alert inserted by someone else first) is rolled back and
 * run again in a new transaction, where it finds the winner's rows.</li>
 * </ul>
 */
@Service
public class AlertIntake {

	public static final String RESOLUTION_CODE = "resolved_by_monitoring";

	private static final Logger log = LoggerFactory.getLogger(AlertIntake.class);
	private static final Instant NOT_ENDED = Instant.parse("1970-01-02T00:00:00Z");

	private final AlertGroupRepository groups;
	private final MonitoringAlertRepository alerts;
	private final IncidentRepository incidents;
	private final IncidentReporting reporting;
	private final ActivityLog activity;
	private final AlertClassification classification;
	private final RuntimeService runtimeService;
	private final ApplicationEventPublisher events;
	private final TransactionRetry retry;
	private final ObjectMapper json;
	private final ProductMetrics metrics;

	public AlertIntake(AlertGroupRepository groups, MonitoringAlertRepository alerts, IncidentRepository incidents,
			IncidentReporting reporting, ActivityLog activity, AlertClassification classification,
			RuntimeService runtimeService, ApplicationEventPublisher events, TransactionRetry retry, ObjectMapper json,
			ProductMetrics metrics) {
		this.groups = groups;
		this.alerts = alerts;
		this.incidents = incidents;
		this.reporting = reporting;
		this.activity = activity;
		this.classification = classification;
		this.runtimeService = runtimeService;
		this.events = events;
		this.retry = retry;
		this.json = json;
		this.metrics = metrics;
	}

	/**
	 * Applies a checked notification; returns after commit.
	 *
	 * @param integrationUser the authenticated integration, caller of the incidents it opens
	 */
	public AlertReceipt receive(AlertSource source, AlertNotification notification, String integrationUser) {
		Long groupId = retry.inNewTransaction("alert group", () -> groupId(source, notification.groupKey()));
		AlertReceipt receipt = retry.inNewTransaction("alert notification",
				() -> apply(source, notification, integrationUser, groupId));
		// counted once, after the commit of the attempt that succeeded
		metrics.alertsDelivered(source.code(), notification.alerts().size(), receipt.repeated(), receipt.attached());
		return receipt;
	}

	/** Finds or creates the group's row; a concurrent creation makes this fail and the retry find the row. */
	private Long groupId(AlertSource source, String groupKey) {
		return groups.findBySourceAndGroupKey(source.code(), groupKey)
			.orElseGet(() -> groups.saveAndFlush(new AlertGroup(source.code(), groupKey, ActivityLog.now())))
			.getId();
	}

	private AlertReceipt apply(AlertSource source, AlertNotification notification, String integrationUser,
			Long groupId) {
		AlertGroup group = groups.lockById(groupId).orElseThrow();
		Incident incident = group.getIncidentId() == null ? null
				: incidents.findById(group.getIncidentId()).filter(AlertIntake::acceptsAlerts).orElse(null);
		AlertReceipt.Builder receipt = new AlertReceipt.Builder();
		Map<Long, List<MonitoringAlert>> resolvedByIncident = new LinkedHashMap<>();
		boolean newAlerts = false;
		Instant now = ActivityLog.now();

		for (AlertNotification.Alert alert : notification.alerts()) {
			MonitoringAlert known = alerts
				.findBySourceAndFingerprintAndStartsAt(source.code(), alert.fingerprint(), alert.startsAt())
				.orElse(null);
			if (alert.isFiring()) {
				if (known != null) {
					repeated(known, now, receipt);
					continue;
				}
				if (incident == null) {
					incident = open(source, notification, alert, integrationUser);
					group.setIncidentId(incident.getId());
					receipt.opened++;
				}
				else {
					activity.event(incident, "ALERT_ATTACHED", describe(source, alert));
					receipt.attached++;
				}
				alerts.save(new MonitoringAlert(source.code(), alert.fingerprint(), alert.startsAt(), group.getId(),
						incident.getId(), truncate(alert.label("alertname"), 200), labelsJson(alert), now));
				receipt.incidents.add(incident.getNumber());
				newAlerts = true;
			}
			else if (known == null) {
				// resolved before the product saw it fire (or fired before intake was set up): nothing to update
				receipt.unknown++;
			}
			else if (!known.isFiring()) {
				repeated(known, now, receipt);
			}
			else {
				known.resolve(alert.endsAt() == null || alert.endsAt().isBefore(NOT_ENDED) ? now : alert.endsAt(), now);
				Incident resolvedOn = incidents.findById(known.getIncidentId()).orElseThrow();
				activity.event(resolvedOn, "ALERT_RESOLVED", describe(source, alert));
				resolvedByIncident.computeIfAbsent(resolvedOn.getId(), id -> new ArrayList<>()).add(known);
				receipt.incidents.add(resolvedOn.getNumber());
				receipt.resolved++;
			}
		}
		if (notification.truncated() > 0 && newAlerts && incident != null) {
			activity.event(incident, "ALERTS_TRUNCATED", notification.truncated()
					+ " further alerts of the group were left out of the notification by " + source.code());
		}
		alerts.flush();
		resolvedByIncident.forEach((incidentId, resolved) -> decideResolution(incidentId, resolved));
		return receipt.build();
	}

	/** Alerts join an incident while people work on it; after resolution a firing alert is a new disruption. */
	private static boolean acceptsAlerts(Incident incident) {
		return incident.getState() == State.NEW || incident.getState() == State.IN_PROGRESS
				|| incident.getState() == State.ON_HOLD;
	}

	private void repeated(MonitoringAlert known, Instant now, AlertReceipt.Builder receipt) {
		// only the first repeat is written, so a re-notifying alert cannot grow the audit trail without bound
		if (known.seenAgain(now)) {
			incidents.findById(known.getIncidentId()).ifPresent(incident -> activity.event(incident, "ALERT_REPEATED",
					"Alert " + known.getFingerprint() + " delivered again; later repeats are counted on the alert"));
		}
		incidents.findById(known.getIncidentId()).ifPresent(incident -> receipt.incidents.add(incident.getNumber()));
		receipt.repeated++;
	}

	private Incident open(AlertSource source, AlertNotification notification, AlertNotification.Alert alert,
			String integrationUser) {
		Classification classified = classification.classify(alert.label("severity"));
		String service = alert.label("service") != null ? alert.label("service") : alert.label("job");
		NewIncident report = new NewIncident(title(notification, alert), description(notification, alert),
				integrationUser, Channel.MONITORING, truncate(service, Incident.NAME_MAX),
				truncate(alert.label("instance"), 200), classified.type(), classified.impact(), classified.urgency());
		Incident incident = reporting.report(report);
		log.info("{} alert {} opened {}", source.code(), alert.fingerprint(), incident.getNumber());
		return incident;
	}

	private void decideResolution(Long incidentId, List<MonitoringAlert> resolved) {
		Incident incident = incidents.findById(incidentId).orElseThrow();
		boolean allResolved = alerts.countByIncidentIdAndStatus(incidentId, MonitoringAlert.FIRING) == 0;
		ResolutionAction action = classification.onResolved(allResolved, incident.getState().code(),
				incident.getPriority());
		String alertList = alerts.findByIncidentIdOrderByIdAsc(incidentId).stream()
			.map(a -> "- " + (a.getAlertName() == null ? "alert" : a.getAlertName()) + " (" + a.getFingerprint()
					+ ", started " + a.getStartsAt() + ", ended " + a.getEndsAt() + ")")
			.collect(Collectors.joining("\n"));
		switch (action) {
			case RESOLVE -> {
				String notes = "Every monitoring alert of this incident has resolved:\n" + alertList;
				List<MessageCorrelationResult> correlated = runtimeService
					.createMessageCorrelation(IncidentProcess.Messages.ALERTS_RESOLVED)
					.processInstanceBusinessKey(incident.getNumber())
					.setVariable(IncidentProcess.Vars.RESOLUTION_CODE, RESOLUTION_CODE)
					.setVariable(IncidentProcess.Vars.RESOLUTION_NOTES, truncate(notes, Incident.TEXT_MAX))
					.correlateAllWithResult();
				activity.event(incident, "ALERTS_ALL_RESOLVED", correlated.isEmpty()
						? "All alerts resolved; the process was not waiting for it, recorded only"
						: "All alerts resolved; resolution sent to the process");
			}
			case NOTIFY -> {
				String detail = "All monitoring alerts of " + incident.getNumber() + " have resolved. Verify that service"
						+ " is restored and resolve the incident.\n" + alertList;
				if (incident.getAssignee() != null) {
					events.publishEvent(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.CALLER_UPDATED,
							IncidentNotice.Audience.USER, incident.getAssignee(), detail));
				}
				else if (incident.getAssignmentGroup() != null) {
					events.publishEvent(new IncidentNotice(incident.getNumber(), IncidentNotice.Kind.CALLER_UPDATED,
							IncidentNotice.Audience.GROUP, incident.getAssignmentGroup(), detail));
				}
				activity.event(incident, "ALERTS_ALL_RESOLVED", "All alerts resolved; "
						+ (incident.getAssignee() != null ? "assignee " + incident.getAssignee()
								: incident.getAssignmentGroup() != null ? "group " + incident.getAssignmentGroup()
										: "nobody (unassigned)")
						+ " notified to verify");
			}
			case RECORD -> {
				// ALERT_RESOLVED entries are the whole record
			}
		}
	}

	private static String title(AlertNotification notification, AlertNotification.Alert alert) {
		String name = alert.label("alertname");
		String summary = alert.annotation("summary");
		String title;
		if (name != null && summary != null) {
			// "DiskFull: DiskFull on /var" says the name twice; a summary that begins with the name is the title
			title = summary.regionMatches(true, 0, name, 0, name.length()) ? summary : name + ": " + summary;
		}
		else if (name != null || summary != null) {
			title = name != null ? name : summary;
		}
		else if (AlertNotification.blankToNull(notification.title()) != null) {
			title = notification.title();
		}
		else {
			title = "Monitoring alert " + alert.fingerprint();
		}
		return truncate(title.replaceAll("\\s+", " "), Incident.TITLE_MAX);
	}

	private static String description(AlertNotification notification, AlertNotification.Alert alert) {
		StringBuilder text = new StringBuilder();
		appendLine(text, null, alert.annotation("description"));
		appendLine(text, "Runbook", alert.annotation("runbook_url"));
		appendLine(text, "Source", alert.generatorURL());
		appendLine(text, "Dashboard", alert.dashboardURL());
		appendLine(text, "Panel", alert.panelURL());
		appendLine(text, "Silence", alert.silenceURL());
		if (alert.values() != null && !alert.values().isEmpty()) {
			appendLine(text, "Values", new TreeMap<>(alert.values()).toString());
		}
		if (alert.labels() != null && !alert.labels().isEmpty()) {
			appendLine(text, "Labels", new TreeMap<>(alert.labels()).toString());
		}
		appendLine(text, "Alert", alert.fingerprint() + " started " + alert.startsAt());
		appendLine(text, "Notified by", AlertNotification.blankToNull(notification.externalURL()));
		return truncate(text.toString().strip(), Incident.TEXT_MAX);
	}

	private static void appendLine(StringBuilder text, String label, String value) {
		if (value == null || value.isBlank()) {
			return;
		}
		text.append(label == null ? "" : label + ": ").append(value).append('\n');
	}

	private static String describe(AlertSource source, AlertNotification.Alert alert) {
		String name = alert.label("alertname");
		return truncate(source.code() + " alert " + (name == null ? "" : name + " ") + alert.fingerprint() + " "
				+ alert.status() + (alert.label("instance") == null ? "" : " on " + alert.label("instance")), 4000);
	}

	private String labelsJson(AlertNotification.Alert alert) {
		if (alert.labels() == null) {
			return null;
		}
		try {
			return truncate(json.writeValueAsString(new TreeMap<>(alert.labels())), 4000);
		}
		catch (JsonProcessingException e) {
			return null;
		}
	}

	static String truncate(String value, int max) {
		if (value == null) {
			return null;
		}
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

}
