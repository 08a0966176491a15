package org.incidentflow.outbound.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.incidentflow.incident.ActivityLog;
import org.incidentflow.incident.IncidentEvents;
import org.incidentflow.web.FieldProblem;
import org.incidentflow.web.InvalidRequestException;
import org.incidentflow.web.Problems;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with subscriptions. Every input is checked before anything is stored; each bad field is
 * named in the 400 problem. The URL goes through {@link TargetGuard}: a target that resolves to an internal address
 * is refused here already, not only when the first delivery is attempted.
 */
@Service
public class WebhookSubscriptions {

	/** A create (every field that matters given) or a partial update (null: unchanged). */
	public record Change(String url, List<String> events, String template, String routingKey, String secret,
			Boolean enabled, String description) {
	}

	private final WebhookSubscriptionRepository subscriptions;
	private final WebhookDeliveryRepository deliveries;
	private final TargetGuard guard;
	private final WebhookSettings settings;

	public WebhookSubscriptions(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
			TargetGuard guard, WebhookSettings settings) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.guard = guard;
		this.settings = settings;
	}

	@Transactional
	public WebhookSubscription create(Change change, String by) {
		List<FieldProblem> problems = new ArrayList<>();
		if (change.url() == null || change.url().isBlank()) {
			problems.add(new FieldProblem("url", "must not be blank"));
		}
		if (change.events() == null || change.events().isEmpty()) {
			problems.add(new FieldProblem("events", "must name at least one event type"));
		}
		WebhookTemplate template = change.template() == null ? WebhookTemplate.GENERIC : null;
		check(change, problems);
		if (template == null) {
			template = template(change.template());
		}
		String routingKey = change.routingKey();
		if (template == WebhookTemplate.PAGERDUTY && (routingKey == null || routingKey.isBlank())) {
			problems.add(new FieldProblem("routingKey", "must be given for the pagerduty template (the integration key)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(sorted(problems));
		}
		String secret = change.secret() == null ? WebhookSignature.newSecret() : change.secret();
		WebhookSubscription subscription = new WebhookSubscription(change.url().trim(), events(change.events()),
				template, secret, by, ActivityLog.now());
		subscription.setRoutingKey(template == WebhookTemplate.PAGERDUTY ? routingKey : null);
		subscription.setDescription(change.description());
		if (Boolean.FALSE.equals(change.enabled())) {
			subscription.setEnabled(false, ActivityLog.now());
		}
		return subscriptions.save(subscription);
	}

	@Transactional
	public WebhookSubscription update(Long id, Change change) {
		WebhookSubscription subscription = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		if (change.url() != null && change.url().isBlank()) {
			problems.add(new FieldProblem("url", "must not be blank"));
		}
		if (change.events() != null && change.events().isEmpty()) {
			problems.add(new FieldProblem("events", "must name at least one event type"));
		}
		check(change, problems);
		WebhookTemplate template = change.template() == null ? subscription.getTemplate() : template(change.template());
		String routingKey = change.routingKey() != null ? change.routingKey() : subscription.getRoutingKey();
		if (template == WebhookTemplate.PAGERDUTY && (routingKey == null || routingKey.isBlank())) {
			problems.add(new FieldProblem("routingKey", "must be given for the pagerduty template (the integration key)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(sorted(problems));
		}
		subscription.change(change.url() == null ? subscription.getUrl() : change.url().trim(),
				change.events() == null ? subscription.eventList() : events(change.events()), template,
				change.secret() == null ? subscription.getSecret() : change.secret(), ActivityLog.now());
		subscription.setRoutingKey(template == WebhookTemplate.PAGERDUTY ? routingKey : null);
		if (change.description() != null) {
			subscription.setDescription(change.description());
		}
		if (change.enabled() != null) {
			subscription.setEnabled(change.enabled(), ActivityLog.now());
		}
		return subscription;
	}

	/**
	 * Replaces the secret (with the given one, or a new random one); deliveries carry the old signature beside the
	 * new one for the configured grace period (or the given one, zero to drop the old secret at once).
	 */
	@Transactional
	public WebhookSubscription rotateSecret(Long id, String secret, java.time.Duration grace) {
		WebhookSubscription subscription = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		if (secret != null && WebhookSignature.problem(secret) != null) {
			problems.add(new FieldProblem("secret", WebhookSignature.problem(secret)));
		}
		else if (secret != null && secret.equals(subscription.getSecret())) {
			problems.add(new FieldProblem("secret", "must differ from the current secret"));
		}
		if (grace != null && (grace.isNegative() || grace.compareTo(java.time.Duration.ofDays(30)) > 0)) {
			problems.add(new FieldProblem("gracePeriod", "must be between PT0S and P30D"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		subscription.rotateSecret(secret == null ? WebhookSignature.newSecret() : secret,
				grace == null ? settings.getSecretGracePeriod() : grace, ActivityLog.now());
		return subscription;
	}

	@Transactional
	public void delete(Long id) {
		subscriptions.delete(get(id));
	}

	@Transactional(readOnly = true)
	public WebhookSubscription get(Long id) {
		return subscriptions.findById(id).orElseThrow(() -> Problems.notFound("Webhook subscription not found",
				"There is no webhook subscription " + id + "."));
	}

	@Transactional(readOnly = true)
	public List<WebhookSubscription> list() {
		return subscriptions.findAllByOrderByIdAsc();
	}

	@Transactional(readOnly = true)
	public Page<WebhookDelivery> deliveries(Long id, int page, int size) {
		get(id);
		return deliveries.findBySubscriptionIdOrderByIdDesc(id, PageRequest.of(page, size));
	}

	private void check(Change change, List<FieldProblem> problems) {
		if (change.url() != null && !change.url().isBlank()) {
			if (change.url().length() > 2000) {
				problems.add(new FieldProblem("url", "must be at most 2000 characters"));
			}
			else {
				String problem = guard.problem(change.url().trim());
				if (problem != null) {
					problems.add(new FieldProblem("url", problem));
				}
			}
		}
		if (change.events() != null) {
			for (String event : change.events()) {
				if (event == null || !IncidentEvents.isKnown(event.trim())) {
					problems.add(new FieldProblem("events", "unknown event type " + (event == null ? "null"
							: '"' + cut(event) + '"') + "; known: " + String.join(", ", IncidentEvents.TYPES)
							+ " and the patterns " + String.join(", ", IncidentEvents.PATTERNS)));
				}
			}
			if (change.events().size() > 20) {
				problems.add(new FieldProblem("events", "must name at most 20 event types"));
			}
		}
		if (change.template() != null && template(change.template()) == null) {
			problems.add(new FieldProblem("template", "must be one of generic, slack, pagerduty"));
		}
		if (change.secret() != null && WebhookSignature.problem(change.secret()) != null) {
			problems.add(new FieldProblem("secret", WebhookSignature.problem(change.secret())));
		}
		if (change.routingKey() != null && change.routingKey().length() > 100) {
			problems.add(new FieldProblem("routingKey", "must be at most 100 characters"));
		}
		if (change.description() != null && change.description().length() > 200) {
			problems.add(new FieldProblem("description", "must be at most 200 characters"));
		}
	}

	private static List<String> events(List<String> events) {
		return events.stream().map(String::trim).distinct().toList();
	}

	private static WebhookTemplate template(String code) {
		for (WebhookTemplate template : WebhookTemplate.values()) {
			if (template.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
				return template;
			}
		}
		return null;
	}

	private static String cut(String text) {
		return text.length() <= 60 ? text : text.substring(0, 60) + "…";
	}

	private static List<FieldProblem> sorted(List<FieldProblem> problems) {
		return problems.stream().sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
	}

}
