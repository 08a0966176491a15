package org.incidentflow.intake.alert;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.incidentflow.intake.IntegrationAccess;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook receivers for monitoring. The answer is 200 only after the transaction committed; a notification the intake
 * cannot use is refused with 400 and a problem detail naming the field (a 5xx would make Alertmanager retry for ever).
 * The body is read as text, straight from the request, so that malformed JSON (or an odd Content-Type) is answered by
 * this controller, not by a generic error page.
 */
@RestController
@RequestMapping("/api/intake")
public class AlertIntakeController {

	private final AlertNotificationReader reader;
	private final AlertIntake intake;

	public AlertIntakeController(AlertNotificationReader reader, AlertIntake intake) {
		this.reader = reader;
		this.intake = intake;
	}

	/** Prometheus Alertmanager webhook_config (payload version "4"). */
	@PostMapping("/alertmanager")
	public AlertReceipt alertmanager(HttpServletRequest request, Authentication authentication) throws IOException {
		return receive(AlertSource.ALERTMANAGER, request, authentication);
	}

	/** Grafana alerting webhook contact point (payload version "1"). */
	@PostMapping("/grafana")
	public AlertReceipt grafana(HttpServletRequest request, Authentication authentication) throws IOException {
		return receive(AlertSource.GRAFANA, request, authentication);
	}

	/** JSON is UTF-8 (RFC 8259) whatever the Content-Type says; the body is read only after access was checked. */
	private AlertReceipt receive(AlertSource source, HttpServletRequest request, Authentication authentication)
			throws IOException {
		String integration = IntegrationAccess.require(authentication);
		String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return intake.receive(source, reader.read(source, body), integration);
	}

	/** Renders problem details here, independent of any global advice. */
	@ExceptionHandler(ErrorResponseException.class)
	ResponseEntity<ProblemDetail> problem(ErrorResponseException e) {
		return ResponseEntity.status(e.getStatusCode()).body(e.getBody());
	}

}
