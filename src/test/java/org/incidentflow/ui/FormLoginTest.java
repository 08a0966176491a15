package org.incidentflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.incidentflow.WebTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The shared login of the product's pages: form login against the Camunda users with a session and CSRF protection,
 * group rules per page, sign-out; {@code /api} stays HTTP Basic without a session.
 */
class FormLoginTest extends WebTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	/** A browser: keeps cookies, does not follow redirects, posts forms with the CSRF token of the last page. */
	final class Browser {

		final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String csrf;

		HttpResponse<String> get(String path) {
			HttpResponse<String> response = send(client, HttpRequest.newBuilder(uri(path)).GET());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				csrf = token.group(1);
			}
			return response;
		}

		HttpResponse<String> post(String path, Map<String, String> form, boolean withToken) {
			Map<String, String> fields = new LinkedHashMap<>(form);
			if (withToken && csrf != null) {
				fields.put("_csrf", csrf);
			}
			String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
				.collect(Collectors.joining("&"));
			return send(client, HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body)));
		}

		HttpResponse<String> login(String user, String password) {
			get("/login");
			return post("/login", Map.of("username", user, "password", password), true);
		}

	}

	@Test
	void aPageAsksToSignInAndReturnsToItAfterwards() {
		Browser browser = new Browser();
		HttpResponse<String> page = browser.get("/reports?from=2031-01-01&to=2031-01-31");
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		HttpResponse<String> form = browser.get("/login");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("<label for=\"username\">", "<label for=\"password\">", "name=\"_csrf\"",
				"/ui/incidentflow.css", "lang=\"en\"");
		assertThat(form.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				csp -> assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'"));

		HttpResponse<String> signedIn = browser.post("/login", Map.of("username", "maria", "password", DEMO_PASSWORD),
				true);
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).contains("/reports?from=2031-01-01&to=2031-01-31"));
		HttpResponse<String> reports = browser.get("/reports?from=2031-01-01&to=2031-01-31");
		assertThat(reports.statusCode()).isEqualTo(200);
		assertThat(reports.body()).contains("<h1>Reports</h1>", "id=\"report-data\"", "id=\"chart-volume\"",
				"Sign out", "aria-current=\"page\"", "/webjars/echarts/", "echarts.min.js", "/ui/reports.js");
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() {
		Browser browser = new Browser();
		browser.get("/login");
		HttpResponse<String> refused = browser.post("/login", Map.of("username", "maria", "password", DEMO_PASSWORD),
				false);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(browser.get("/reports").statusCode()).isEqualTo(302);
	}

	@Test
	void aWrongPasswordShowsTheFormAgain() {
		// a user of its own: the engine delays the next login of a user after a failed one
		String user = "loginfail" + java.util.UUID.randomUUID().toString().substring(0, 8);
		org.camunda.bpm.engine.identity.User created = identityService.newUser(user);
		created.setPassword("right-password");
		identityService.saveUser(created);
		identityService.createMembership(user, "incident-managers");
		Browser browser = new Browser();
		HttpResponse<String> refused = browser.login(user, "wrong");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		assertThat(browser.get("/login?error").body()).contains("role=\"alert\"");
		assertThat(browser.get("/reports").statusCode()).isEqualTo(302);
	}

	@Test
	void groupsDecideWhoSeesTheReports() {
		Browser agent = new Browser();
		HttpResponse<String> signedIn = agent.login("alice", DEMO_PASSWORD);
		// an agent belongs in Tasklist
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
				l -> assertThat(l).endsWith("/camunda/app/tasklist/"));
		HttpResponse<String> refused = agent.get("/reports");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Not allowed").doesNotContain("id=\"report-data\"");
		assertThat(agent.get("/reports/export/figures.csv").statusCode()).isEqualTo(403);

		Browser owner = new Browser();
		assertThat(owner.login("paul", DEMO_PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/reports"));
		assertThat(owner.get("/reports").statusCode()).isEqualTo(200);
	}

	@Test
	void signOutEndsTheSession() {
		Browser browser = new Browser();
		browser.login("maria", DEMO_PASSWORD);
		assertThat(browser.get("/reports").statusCode()).isEqualTo(200);
		HttpResponse<String> out = browser.post("/logout", Map.of(), true);
		assertThat(out.statusCode()).isEqualTo(302);
		assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
		assertThat(browser.get("/reports").statusCode()).isEqualTo(302);
	}

	@Test
	void anAgentSignedInHereIsSignedInToTasklistTooAndSignsOutOfBoth() {
		Browser browser = new Browser();
		browser.login("alice", DEMO_PASSWORD);
		HttpResponse<String> webappUser = browser.get("/camunda/api/admin/auth/user/default");
		assertThat(webappUser.statusCode()).isEqualTo(200);
		assertThat(webappUser.body()).contains("\"userId\":\"alice\"").containsPattern("authorizedApps\"\\s*:\\s*\\[[^\\]]*\"tasklist\"");
		// the webapps' engine API answers in that session, as it does after Tasklist's own login
		assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(200);

		browser.get("/portal"); // the CSRF token changed with the sign-in
		assertThat(browser.post("/logout", Map.of(), true).statusCode()).isEqualTo(302);
		assertThat(browser.get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
		assertThat(browser.get("/camunda/api/engine/engine/default/task/count").statusCode()).isEqualTo(401);
	}

	@Test
	void aRequesterSignedInHereGetsNoTasklist() {
		Browser browser = new Browser();
		browser.login("rita", DEMO_PASSWORD);
		HttpResponse<String> webappUser = browser.get("/camunda/api/admin/auth/user/default");
		assertThat(webappUser.statusCode()).isEqualTo(200);
		assertThat(webappUser.body()).contains("\"userId\":\"rita\"").doesNotContain("\"tasklist\"");
	}

	@Test
	void theApiStaysStatelessWithHttpBasic() {
		HttpResponse<String> api = get("/api/reports/kpis", "maria");
		assertThat(api.statusCode()).isEqualTo(200);
		assertThat(api.headers().allValues("Set-Cookie")).isEmpty();
		// a page session does not open the API
		Browser browser = new Browser();
		browser.login("maria", DEMO_PASSWORD);
		assertThat(browser.get("/api/reports/kpis").statusCode()).isEqualTo(401);
	}

	@Test
	void stylesheetAndChartLibraryAreServedFromTheJar() {
		assertThat(anonymousGet("/ui/incidentflow.css").statusCode()).isEqualTo(200);
		HttpResponse<String> echarts = anonymousGet("/webjars/echarts/dist/echarts.min.js");
		assertThat(echarts.statusCode()).isEqualTo(200);
		assertThat(echarts.body()).contains("echarts");
		// other WebJars on the classpath (the Camunda webapps' files) stay behind authentication
		assertThat(anonymousGet("/webjars/camunda/app/tasklist/index.html").statusCode()).isEqualTo(401);
	}

	@Test
	void requestersLandInThePortalAndReportThere() {
		Browser rita = new Browser();
		assertThat(rita.login("rita", DEMO_PASSWORD).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
		assertThat(rita.get("/").headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
		HttpResponse<String> form = rita.get("/portal/report");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Who is affected?", "/webjars/htmx.org/").doesNotContain("checked");
		String title = "Portal sign-in test " + java.util.UUID.randomUUID();
		HttpResponse<String> reported = rita.post("/portal/report", Map.of("title", title, "kind", "software",
				"affected", "only_me", "work", "not_at_all", "service", "Expenses"), true);
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(302);
		String location = reported.headers().firstValue("Location").orElseThrow();
		assertThat(location).matches(".*/portal/incidents/INC-\\d{6}$");
		String number = location.substring(location.lastIndexOf('/') + 1);
		HttpResponse<String> page = rita.get("/portal/incidents/" + number);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Your incident " + number + " is logged.", "We aim to respond by", title);
		assertThat(get("/api/incidents/" + number, "alice").body()).contains("\"channel\":\"portal\"",
				"\"impact\":\"low\"", "\"urgency\":\"high\"", "\"caller\":\"rita\"");

		Browser rob = new Browser();
		rob.login("rob", DEMO_PASSWORD);
		HttpResponse<String> other = rob.get("/portal/incidents/" + number);
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.body()).doesNotContain(title);
	}

	@Test
	void aRequesterReportsForAColleagueInThePortalAndBothFollowIt() {
		Browser rita = new Browser();
		rita.login("rita", DEMO_PASSWORD);
		rita.get("/portal/report");
		Map<String, String> form = new java.util.HashMap<>(Map.of("title", "Rob's badge " + java.util.UUID.randomUUID(),
				"kind", "hardware", "affected", "only_me", "work", "slowly", "caller", "nobody at all"));
		HttpResponse<String> refused = rita.post("/portal/report", form, true);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("id=\"caller-error\"", "user name or e-mail address");

		form.put("caller", "rob");
		HttpResponse<String> reported = rita.post("/portal/report", form, true);
		assertThat(reported.statusCode()).as(reported.body()).isEqualTo(302);
		String location = reported.headers().firstValue("Location").orElseThrow();
		String number = location.substring(location.lastIndexOf('/') + 1);
		HttpResponse<String> page = rita.get("/portal/incidents/" + number);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("rita for rob");
		assertThat(rita.get("/portal/incidents").body()).contains(number);

		Browser rob = new Browser();
		rob.login("rob", DEMO_PASSWORD);
		assertThat(rob.get("/portal/incidents").body()).contains(number);
		assertThat(rob.get("/portal/incidents/" + number).statusCode()).isEqualTo(200);
		assertThat(get("/api/incidents/" + number, "alice").body()).contains("\"caller\":\"rob\"",
				"\"reportedBy\":\"rita\"");
	}

	@Test
	void aNulCharacterInAPortalFieldIsA400NamingItAndStoresNothing() {
		Browser rita = new Browser();
		rita.login("rita", DEMO_PASSWORD);
		rita.get("/portal/report");
		String title = "Portal NUL test " + java.util.UUID.randomUUID();
		HttpResponse<String> refused = rita.post("/portal/report", Map.of("title", title, "description", "a\u0000b",
				"kind", "software", "affected", "only_me", "work", "slowly", "service", "Expenses"), true);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("\"description\"");
		assertThat(get("/api/incidents?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8),
				"maria").body()).doesNotContain(title);
	}

	@Test
	void theportalIsForRequestersAndAgentsOnly() {
		assertThat(new Browser().get("/portal").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		Browser owner = new Browser();
		owner.login("paul", DEMO_PASSWORD);
		assertThat(owner.get("/portal").statusCode()).isEqualTo(403);
	}

}
