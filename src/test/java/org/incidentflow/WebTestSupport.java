package org.incidentflow;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP tests: the shared application context on a random port, and small java.net.http helpers for
 * HTTP Basic calls (demo users, password {@code demo}) and webapp sessions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
public abstract class WebTestSupport {

	protected static final String DEMO_PASSWORD = "demo";

	@LocalServerPort
	protected int port;

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	protected URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + port + pathAndQuery);
	}

	protected static String basic(String user) {
		return basic(user, DEMO_PASSWORD);
	}

	protected static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	protected static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	protected HttpResponse<String> get(String path, String user) {
		return send(request(path, user).GET());
	}

	protected HttpResponse<String> anonymousGet(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	protected HttpResponse<String> postJson(String path, String user, String json) {
		return send(request(path, user).header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString(json)));
	}

	protected HttpResponse<String> putJson(String path, String user, String json) {
		return send(request(path, user).header("Content-Type", "application/json")
				.PUT(BodyPublishers.ofString(json)));
	}

	protected HttpResponse<String> delete(String path, String user) {
		return send(request(path, user).DELETE());
	}

	protected HttpResponse<String> send(HttpRequest.Builder request) {
		return send(client, request);
	}

	private HttpRequest.Builder request(String path, String user) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user));
	}

	protected static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A browser-like webapp session: cookies kept, the Camunda XSRF token echoed on state-changing requests. */
	protected WebappSession webappSession() {
		return new WebappSession();
	}

	protected final class WebappSession {

		private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null,
				CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER).build();
		private String xsrfToken;

		public HttpResponse<String> get(String path) {
			HttpResponse<String> response = send(browser, HttpRequest.newBuilder(uri(path)).GET());
			response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> xsrfToken = token);
			return response;
		}

		/** Logs in the way the webapps' login page does; returns the login response. */
		public HttpResponse<String> login(String app, String user, String password) {
			get("/camunda/app/" + app + "/");
			return postForm("/camunda/api/admin/auth/user/default/login/" + app,
					Map.of("username", user, "password", password));
		}

		public HttpResponse<String> postForm(String path, Map<String, String> form) {
			String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
					.collect(Collectors.joining("&"));
			return post(path, "application/x-www-form-urlencoded", BodyPublishers.ofString(body), true);
		}

		public HttpResponse<String> postJson(String path, String json) {
			return post(path, "application/json", BodyPublishers.ofString(json), true);
		}

		public HttpResponse<String> postJsonWithoutXsrfToken(String path, String json) {
			return post(path, "application/json", BodyPublishers.ofString(json), false);
		}

		public HttpResponse<String> putJson(String path, String json) {
			return exchange("PUT", path, "application/json", BodyPublishers.ofString(json), true);
		}

		private HttpResponse<String> post(String path, String contentType, BodyPublisher body, boolean withToken) {
			return exchange("POST", path, contentType, body, withToken);
		}

		private HttpResponse<String> exchange(String method, String path, String contentType, BodyPublisher body,
				boolean withToken) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
					.header("Accept", "application/json").method(method, body);
			if (withToken && xsrfToken != null) {
				request.header("X-XSRF-TOKEN", xsrfToken);
			}
			HttpResponse<String> response = send(browser, request);
			response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> xsrfToken = token);
			return response;
		}

	}

}
