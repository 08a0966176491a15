package org.incidentflow.security.token;

import java.util.Arrays;
import java.util.Optional;

/** What a token opens: the intake endpoints only, all of them or one source's. */
public enum IntegrationTokenScope {

	/** Every intake endpoint under {@code /api/intake/} (today Alertmanager and Grafana). */
	INTAKE("intake", "/api/intake/"),
	ALERTMANAGER("intake.alertmanager", "/api/intake/alertmanager"),
	GRAFANA("intake.grafana", "/api/intake/grafana");

	private final String code;
	private final String path;

	IntegrationTokenScope(String code, String path) {
		this.code = code;
		this.path = path;
	}

	public String code() {
		return code;
	}

	/** Whether a request to this path (without context path, already canonical: see the firewall) is in scope. */
	public boolean covers(String requestPath) {
		return path.endsWith("/") ? requestPath.startsWith(path) && requestPath.length() > path.length()
				: requestPath.equals(path);
	}

	public static Optional<IntegrationTokenScope> ofCode(String code) {
		return Arrays.stream(values()).filter(scope -> scope.code.equals(code)).findFirst();
	}

	/** The codes, for messages and the API description. */
	public static String codes() {
		return String.join(", ", Arrays.stream(values()).map(IntegrationTokenScope::code).toList());
	}

}
