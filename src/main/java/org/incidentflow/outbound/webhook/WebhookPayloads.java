package org.incidentflow.outbound.webhook;

import java.time.Instant;

import org.incidentflow.incident.Incident;
import org.incidentflow.incident.IncidentEvents;
import org.incidentflow.incident.IncidentType;
import org.incidentflow.incident.State;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the body of a delivery when it is queued, from the incident as the change left it. Security incidents go
 * out without title and description (the receiver sees number, state, priority, group and a link): a chat channel or
 * an external tool is no place for the details of an attack.
 */
@Component
public class WebhookPayloads {

	/** What happened, as the activity log recorded it. */
	public record Change(String eventId, String type, String activityEvent, String detail, String actor, Instant at) {
	}

	private final ObjectMapper json = new ObjectMapper();
	private final String baseUrl;

	public WebhookPayloads(@Value("${incidentflow.base-url:http://localhost:8080}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public String render(WebhookSubscription subscription, Incident incident, Change change) {
		ObjectNode body = switch (subscription.getTemplate()) {
			case GENERIC -> generic(incident, change);
			case SLACK -> slack(incident, change);
			case PAGERDUTY -> pagerDuty(subscription.getRoutingKey(), incident, change);
		};
		try {
			return json.writeValueAsString(body);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("Cannot render webhook payload", e);
		}
	}

	/** The link to the incident in the product's API. */
	String link(Incident incident) {
		return baseUrl + "/api/incidents/" + incident.getNumber();
	}

	static boolean confidential(Incident incident) {
		return incident.getType() == IncidentType.SECURITY;
	}

	static String title(Incident incident) {
		return confidential(incident) ? "Security incident (details in Incident Flow)" : incident.getTitle();
	}

	ObjectNode generic(Incident incident, Change change) {
		ObjectNode body = json.createObjectNode();
		body.put("type", change.type());
		body.put("timestamp", change.at().toString());
		ObjectNode data = body.putObject("data");
		data.put("id", change.eventId());
		data.put("number", incident.getNumber());
		data.put("title", title(incident));
		if (!confidential(incident) && incident.getDescription() != null) {
			data.put("description", incident.getDescription());
		}
		data.put("state", incident.getState() == null ? null : incident.getState().code());
		putIfSet(data, "priority", incident.getPriority());
		data.put("impact", incident.getImpact() == null ? null : incident.getImpact().code());
		data.put("urgency", incident.getUrgency() == null ? null : incident.getUrgency().code());
		data.put("incidentType", incident.getType() == null ? null : incident.getType().code());
		putIfSet(data, "category", incident.getCategory());
		putIfSet(data, "service", incident.getService());
		putIfSet(data, "configurationItem", incident.getConfigurationItem());
		putIfSet(data, "assignmentGroup", incident.getAssignmentGroup());
		putIfSet(data, "assignee", incident.getAssignee());
		data.put("channel", incident.getChannel() == null ? null : incident.getChannel().code());
		putIfSet(data, "reportedAt", incident.getReportedAt());
		putIfSet(data, "resolvedAt", incident.getResolvedAt());
		putIfSet(data, "closedAt", incident.getClosedAt());
		putIfSet(data, "resolutionDueAt", incident.getResolutionDueAt());
		data.put("url", link(incident));
		ObjectNode activity = data.putObject("activity");
		activity.put("event", change.activityEvent());
		if (!confidential(incident) && change.detail() != null) {
			activity.put("detail", change.detail());
		}
		activity.put("actor", change.actor());
		activity.put("at", change.at().toString());
		return body;
	}

	ObjectNode slack(Incident incident, Change change) {
		String headline = switch (change.type()) {
			case IncidentEvents.CREATED -> "New incident";
			case IncidentEvents.RESOLVED -> "Resolved";
			case IncidentEvents.CLOSED -> incident.getState() == State.CANCELED ? "Canceled" : "Closed";
			default -> "Updated";
		};
		String facts = "State " + (incident.getState() == null ? "?" : incident.getState().code())
				+ (incident.getPriority() == null ? "" : " · P" + incident.getPriority())
				+ (incident.getAssignmentGroup() == null ? "" : " · group " + incident.getAssignmentGroup())
				+ (incident.getAssignee() == null ? "" : " · " + incident.getAssignee());
		String what = confidential(incident) || change.detail() == null ? change.activityEvent().replace('_', ' ')
				: change.activityEvent().replace('_', ' ') + ": " + change.detail();
		String text = headline + ": " + incident.getNumber() + " " + title(incident);
		ObjectNode body = json.createObjectNode();
		// text: the notification and the fallback where blocks are not shown
		body.put("text", text);
		var blocks = body.putArray("blocks");
		ObjectNode section = blocks.addObject();
		section.put("type", "section");
		ObjectNode markdown = section.putObject("text");
		markdown.put("type", "mrkdwn");
		markdown.put("text", "*" + escape(headline) + ": <" + link(incident) + "|" + escape(incident.getNumber()) + ">* "
				+ escape(title(incident)) + "\n" + escape(facts) + "\n" + escape(what));
		return body;
	}

	/** Slack's mrkdwn: &amp;, &lt; and &gt; must be escaped, nothing else. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	ObjectNode pagerDuty(String routingKey, Incident incident, Change change) {
		String action = switch (change.type()) {
			case IncidentEvents.RESOLVED, IncidentEvents.CLOSED -> "resolve";
			// a reopened incident needs a new trigger (PagerDuty ignores acknowledging a resolved alert); once the
			// service desk responded (triage) and works on it or waits: acknowledged; otherwise (still) triggered
			default -> !"REOPENED".equals(change.activityEvent()) && incident.getFirstResponseAt() != null
					&& (incident.getState() == State.IN_PROGRESS || incident.getState() == State.ON_HOLD)
							? "acknowledge" : "trigger";
		};
		ObjectNode body = json.createObjectNode();
		body.put("routing_key", routingKey);
		body.put("event_action", action);
		body.put("dedup_key", incident.getNumber());
		if (action.equals("trigger")) {
			ObjectNode payload = body.putObject("payload");
			String summary = incident.getNumber() + " " + title(incident);
			payload.put("summary", summary.length() <= 1024 ? summary : summary.substring(0, 1024));
			payload.put("source", incident.getConfigurationItem() != null ? incident.getConfigurationItem()
					: incident.getService() != null ? incident.getService() : "incident-flow");
			payload.put("severity", severity(incident.getPriority()));
			payload.put("timestamp", change.at().toString());
			if (incident.getService() != null) {
				payload.put("component", incident.getService());
			}
			if (incident.getAssignmentGroup() != null) {
				payload.put("group", incident.getAssignmentGroup());
			}
			if (incident.getCategory() != null) {
				payload.put("class", incident.getCategory());
			}
			ObjectNode details = payload.putObject("custom_details");
			details.put("state", incident.getState() == null ? null : incident.getState().code());
			putIfSet(details, "priority", incident.getPriority());
			details.put("event", change.activityEvent());
			var links = body.putArray("links").addObject();
			links.put("href", link(incident));
			links.put("text", incident.getNumber() + " in Incident Flow");
		}
		body.put("client", "Incident Flow");
		body.put("client_url", link(incident));
		return body;
	}

	/** PagerDuty's severities from the ITIL priority (P1 most urgent). */
	static String severity(Integer priority) {
		if (priority == null) {
			return "warning";
		}
		return switch (priority) {
			case 1 -> "critical";
			case 2 -> "error";
			case 3 -> "warning";
			default -> "info";
		};
	}

	private static void putIfSet(ObjectNode node, String name, Object value) {
		if (value instanceof Integer number) {
			node.put(name, number);
		}
		else if (value != null) {
			node.put(name, value.toString());
		}
	}

}
