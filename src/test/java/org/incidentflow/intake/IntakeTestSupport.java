package org.incidentflow.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Shared helpers of the intake tests. */
public final class IntakeTestSupport {

	private IntakeTestSupport() {
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
