package org.incidentflow.asset;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo profile: a small CMDB (VPN, e-mail, ERP with their gateways, servers and databases, a retired gateway) from
 * {@code demo/configuration-items.csv}, imported through the ordinary CSV import while the registry is empty. An
 * empty registry only: a restart must not undo what someone changed in the demo. Several nodes starting together
 * may both import; the import is idempotent by id, so the result is the same.
 */
@Component
@Profile("demo")
public class DemoConfigurationItems {

	static final String RESOURCE = "demo/configuration-items.csv";

	private static final Logger LOG = LoggerFactory.getLogger(DemoConfigurationItems.class);

	private final ConfigurationItemRepository items;
	private final ConfigurationItemImport importer;

	public DemoConfigurationItems(ConfigurationItemRepository items, ConfigurationItemImport importer) {
		this.items = items;
		this.importer = importer;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void ensureDemoItems() {
		if (items.count() > 0) {
			return;
		}
		try (Reader csv = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
			ConfigurationItemImport.Report report = importer.importCsv(csv, "demo-data");
			LOG.info("Demo profile: {} configuration items imported ({} refused)", report.created(),
					report.refused().size());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
