package org.incidentflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;

/**
 * HTTP sessions live in the database (Spring Session JDBC), so another node can serve them: a webapp login and a
 * login to the product's pages are stored as rows whose attributes deserialise (Camunda's {@link Authentications},
 * Spring Security's context), and a node answers from those rows on every request (a deleted row ends the login at
 * once, which an in-memory copy would not). The two-node run of the same is {@code cluster/two-nodes.sh}.
 */
class SharedSessionsTest extends WebTestSupport {

	static final String TASK_COUNT = "/camunda/api/engine/engine/default/task/count";

	@Autowired
	JdbcTemplate jdbc;

	final DeserializingConverter deserializer = new DeserializingConverter(getClass().getClassLoader());

	@Test
	void aTasklistLoginIsARowInTheDatabaseAndEndsWithIt() {
		long start = System.currentTimeMillis();
		WebappSession tasklist = webappSession();
		assertThat(tasklist.login("tasklist", "alice", DEMO_PASSWORD).statusCode()).isEqualTo(200);
		assertThat(tasklist.get(TASK_COUNT).statusCode()).isEqualTo(200);

		List<String> sessions = sessionsSince(start, "authenticatedUser", value -> value instanceof Authentications auths
				&& auths.getAuthentications().stream().anyMatch(a -> "alice".equals(a.getIdentityId())
						&& a.isAuthorizedForApp("tasklist")));
		assertThat(sessions).hasSize(1);
		// Camunda's CSRF token is in the same session: a POST on another node needs it there
		assertThat(attributeNames(sessions.get(0))).contains("CAMUNDA_CSRF_TOKEN");

		deleteSession(sessions.get(0));
		assertThat(tasklist.get(TASK_COUNT).statusCode()).isEqualTo(401);
	}

	@Test
	void aLoginToTheProductsPagesIsARowInTheDatabaseAndEndsWithIt() {
		long start = System.currentTimeMillis();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(send(browser, HttpRequest.newBuilder(uri("/login")).GET()).body());
		assertThat(csrf.find()).isTrue();
		String form = Map.of("username", "maria", "password", DEMO_PASSWORD, "_csrf", csrf.group(1)).entrySet().stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
		HttpResponse<String> login = send(browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(send(browser, HttpRequest.newBuilder(uri("/reports")).GET()).statusCode()).isEqualTo(200);

		List<String> sessions = sessionsSince(start, "SPRING_SECURITY_CONTEXT", value -> value instanceof SecurityContext
				context && context.getAuthentication() != null
				&& "maria".equals(context.getAuthentication().getName()));
		assertThat(sessions).hasSize(1);

		deleteSession(sessions.get(0));
		HttpResponse<String> afterwards = send(browser, HttpRequest.newBuilder(uri("/reports")).GET());
		assertThat(afterwards.statusCode()).isEqualTo(302);
		assertThat(afterwards.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	/** Primary ids of the sessions created since {@code start} whose attribute deserialises to what is expected. */
	private List<String> sessionsSince(long start, String attribute, java.util.function.Predicate<Object> expected) {
		return jdbc.query("select s.primary_id, a.attribute_bytes from spring_session s join spring_session_attributes a"
				+ " on a.session_primary_id = s.primary_id where a.attribute_name = ? and s.creation_time >= ?",
				(row, n) -> expected.test(deserializer.convert(row.getBytes(2))) ? row.getString(1) : null,
				attribute, start).stream().filter(java.util.Objects::nonNull).toList();
	}

	private List<String> attributeNames(String primaryId) {
		return jdbc.queryForList("select attribute_name from spring_session_attributes where session_primary_id = ?",
				String.class, primaryId);
	}

	private void deleteSession(String primaryId) {
		assertThat(jdbc.update("delete from spring_session where primary_id = ?", primaryId)).isEqualTo(1);
	}

}
