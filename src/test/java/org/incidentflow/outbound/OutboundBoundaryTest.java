package org.incidentflow.outbound;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The outbound side (mail, webhooks) and what it shares with the intake (mail log, mail settings, transaction retry)
 * must not depend on the intake package, and the intake must not reach into the outbound side.
 */
class OutboundBoundaryTest {

	private static final JavaClasses PRODUCT = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.incidentflow");

	@Test
	void outboundKnowsNothingOfIntake() {
		noClasses().that().resideInAnyPackage("org.incidentflow.outbound..")
			.should().dependOnClassesThat().resideInAnyPackage("org.incidentflow.intake..")
			.check(PRODUCT);
	}

	@Test
	void sharedHomesKnowNeitherSide() {
		noClasses().that().resideInAnyPackage("org.incidentflow.mail..", "org.incidentflow.chat..",
				"org.incidentflow.persistence..")
			.should().dependOnClassesThat().resideInAnyPackage("org.incidentflow.intake..", "org.incidentflow.outbound..")
			.check(PRODUCT);
	}

	@Test
	void intakeDoesNotReachIntoOutbound() {
		noClasses().that().resideInAnyPackage("org.incidentflow.intake..")
			.should().dependOnClassesThat().resideInAnyPackage("org.incidentflow.outbound..")
			.check(PRODUCT);
	}

}
