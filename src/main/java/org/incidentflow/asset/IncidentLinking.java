package org.incidentflow.asset;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentflow.incident.ConfigurationItemLinks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's answer to "which CI does this report name" ({@link ConfigurationItemLinks}): the id in any case;
 * failing that, a monitoring {@code instance} label such as {@code vpn-gw-lyon:9100} or {@code http://erp-app:8080/metrics}
 * names the CI of its host.
 */
@Component
public class IncidentLinking implements ConfigurationItemLinks {

	/** scheme://host:port/path or host:port: the host, as exporters and blackbox probes write instances. */
	private static final Pattern INSTANCE = Pattern.compile("^(?:[a-z][a-z0-9+.-]*://)?([^/:@\\s]+)(?::\\d+)?(?:/.*)?$");

	private final ConfigurationItemRegistry registry;

	public IncidentLinking(ConfigurationItemRegistry registry) {
		this.registry = registry;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<LinkedItem> resolve(String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		Optional<ConfigurationItem> item = registry.find(reference);
		if (item.isEmpty()) {
			Matcher instance = INSTANCE.matcher(ConfigurationItem.normalizeId(reference));
			if (instance.matches() && !instance.group(1).equals(ConfigurationItem.normalizeId(reference))) {
				item = registry.find(instance.group(1));
			}
		}
		return item.map(ci -> new LinkedItem(ci.getId(), ci.getName(), ci.getType().code(), ci.getService(),
				ci.getOwnerGroup(), ci.getCriticality(), ci.getStatus().code()));
	}

}
