package org.incidentflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The product is Apache-2.0, as its OpenAPI description says: the licence text ships and the POM declares it. */
class ProjectLicenseTest {

	@Test
	void licenseFileIsTheApacheLicense() throws Exception {
		String license = Files.readString(Path.of("LICENSE"));
		assertThat(license).contains("Apache License", "Version 2.0, January 2004",
				"TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION");
	}

	@Test
	void pomDeclaresTheLicense() throws Exception {
		String pom = Files.readString(Path.of("pom.xml"));
		assertThat(pom).containsPattern("(?s)<licenses>\\s*<license>\\s*<name>Apache-2.0</name>");
	}

}
