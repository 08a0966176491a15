package org.incidentflow.security.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.incidentflow.WebTestSupport;
import org.incidentflow.intake.IntakeTestSupport;
import org.incidentflow.security.CamundaIdentityAuthenticationProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The lockout policy (README "Failed logins"), on every door a person signs in at: HTTP Basic on /api and
 * /engine-rest, the product's form login and the webapps' login. Time moves on the engine clock.
 */
class LoginThrottleTest extends WebTestSupport {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IdentityService identityService;

	@Autowired
	CamundaIdentityAuthenticationProvider provider;

	@Autowired
	LoginThrottleSettings settings;

	private final List<String> createdUsers = new ArrayList<>();

	@BeforeEach
	void freshCounters() {
		jdbc.update("DELETE FROM login_throttle");
		// the real time, held still: records other tests look for by date (the alerts below) stay in the present
		ClockUtil.setCurrentTime(Date.from(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
	}

	@AfterEach
	void forget() {
		ClockUtil.reset();
		jdbc.update("DELETE FROM login_throttle");
		createdUsers.forEach(identityService::deleteUser);
	}

	@Test
	void aFloodOfWrongPasswordsForPaulIsSlowedDownButNeverLocksHim() {
		List<Integer> statuses = new ArrayList<>();
		long longestWait = 0;
		for (int i = 0; i < 40; i++) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest/deployment"))
				.header("Authorization", basic("paul", "guess-" + i)).GET());
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				long wait = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
				assertThat(wait).isBetween(1L, settings.maxDelay().toSeconds());
				assertThat(response.body()).contains("\"status\":429", "Too many failed logins");
				longestWait = Math.max(longestWait, wait);
				// the attacker waits exactly as long as told, then guesses again
				advance(wait);
			}
		}
		// five free failures, then the sixth sets the first delay; a throttled request checks no password
		assertThat(statuses.subList(0, 6)).containsOnly(401);
		assertThat(statuses.get(6)).isEqualTo(429);
		assertThat(statuses).containsOnly(401, 429);
		assertThat(longestWait).isEqualTo(settings.maxDelay().toSeconds());

		// while throttled, even the right password is not tried at this address
		assertThat(get("/engine-rest/deployment", "paul").statusCode()).isEqualTo(429);
		// paul elsewhere is not affected at all
		assertThat(provider.authenticate(basicFrom("paul", DEMO_PASSWORD, "198.51.100.20")).isAuthenticated())
			.isTrue();
		// at this address: after the cap at the latest
		advance(settings.maxDelay().toSeconds());
		assertThat(get("/engine-rest/deployment", "paul").statusCode()).isEqualTo(200);
		assertThat(get("/api/incidents", "paul").statusCode()).isNotIn(401, 429);
		// the success cleared paul's failures at this address: the next wrong password is a free one again
		assertThat(send(HttpRequest.newBuilder(uri("/api/incidents")).header("Authorization", basic("paul", "x"))
			.GET()).statusCode()).isEqualTo(401);
		assertThat(get("/api/incidents", "paul").statusCode()).isNotIn(401, 429);
	}

	/** With the engine's lock off, identity/verify would let any signed-in user guess other users' passwords. */
	@Test
	void passwordVerificationIsForAdministratorsOnly() {
		String body = "{\"username\":\"paul\",\"password\":\"guess\"}";
		assertThat(postJson("/engine-rest/identity/verify", "rita", body).statusCode()).isEqualTo(403);
		assertThat(postJson("/engine-rest/engine/default/identity/verify", "alice", body).statusCode()).isEqualTo(403);
		assertThat(postJson("/engine-rest/identity/verify", "admin", body).statusCode()).isEqualTo(200);
		WebappSession rita = webappSession();
		assertThat(rita.login("tasklist", "rita", DEMO_PASSWORD).statusCode()).isEqualTo(200);
		assertThat(rita.postJson("/camunda/api/engine/engine/default/identity/verify", body).statusCode()).isEqualTo(403);
	}

	@Test
	void theEngineNeverLocksAnAccount() {
		String user = user();
		for (int i = 0; i < 25; i++) {
			assertThat(identityService.checkPassword(user, "wrong-" + i)).isFalse();
		}
		// nothing written that another node or a later clock could read as a lock
		assertThat(jdbc.queryForMap("SELECT ATTEMPTS_ AS attempts, LOCK_EXP_TIME_ AS lock_time FROM ACT_ID_USER WHERE ID_ = ?",
				user).get("ATTEMPTS")).isIn(null, 0);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = ? AND LOCK_EXP_TIME_ IS NULL",
				Integer.class, user)).isEqualTo(1);
		assertThat(identityService.checkPassword(user, "the-right-password")).isTrue();
	}

	@Test
	void monitoringKeepsWorkingWhileOthersFail() {
		// someone elsewhere guesses monitoring's password: throttled there
		for (int i = 0; i < 20; i++) {
			int n = i;
			assertThatThrownBy(() -> provider.authenticate(basicFrom("monitoring", "guess-" + n, "203.0.113.9")))
				.isInstanceOfAny(BadCredentialsException.class, LoginThrottledException.class);
		}
		assertThatThrownBy(() -> provider.authenticate(basicFrom("monitoring", DEMO_PASSWORD, "203.0.113.9")))
			.isInstanceOf(LoginThrottledException.class);
		// someone at Alertmanager's address fails for another user; and one wrong password for monitoring (which
		// made the engine refuse the next deliveries for seconds)
		for (int i = 0; i < 10; i++) {
			send(HttpRequest.newBuilder(uri("/api/incidents")).header("Authorization", basic("rita", "guess-" + i))
				.GET());
		}
		send(HttpRequest.newBuilder(uri("/api/incidents")).header("Authorization", basic("monitoring", "nope")).GET());

		for (int delivery = 0; delivery < 3; delivery++) {
			HttpResponse<String> response = postJson("/api/intake/alertmanager", "monitoring",
					IntakeTestSupport.resource("alertmanager-firing.json", IntakeTestSupport.newRun()));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		}
	}

	@Test
	void aSprayOverManyUsersFromOneAddressIsThrottledForThatAddress() {
		String address = "192.0.2.44";
		int refused = 0;
		for (int i = 0; i < settings.freeAddressFailures() + 3; i++) {
			try {
				provider.authenticate(basicFrom("nobody-" + i, "guess", address));
			}
			catch (LoginThrottledException throttled) {
				refused++;
			}
			catch (BadCredentialsException wrong) {
				// counted
			}
		}
		assertThat(refused).isPositive();
		assertThatThrownBy(() -> provider.authenticate(basicFrom("alice", DEMO_PASSWORD, address)))
			.isInstanceOf(LoginThrottledException.class);
		// other addresses and the same users elsewhere are not affected
		assertThat(provider.authenticate(basicFrom("alice", DEMO_PASSWORD, "192.0.2.45")).isAuthenticated()).isTrue();
		advance(settings.maxDelay().toSeconds());
		assertThat(provider.authenticate(basicFrom("alice", DEMO_PASSWORD, address)).isAuthenticated()).isTrue();
	}

	@Test
	void webappLoginIsThrottledAndAnsweredWith429() {
		String user = user();
		identityService.createMembership(user, "service-desk");
		WebappSession browser = webappSession();
		for (int i = 0; i < settings.freeFailures() + 1; i++) {
			assertThat(browser.login("tasklist", user, "wrong-" + i).statusCode()).isEqualTo(401);
		}
		HttpResponse<String> throttled = browser.login("tasklist", user, "the-right-password");
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");

		advance(1);
		assertThat(browser.login("tasklist", user, "the-right-password").statusCode()).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle WHERE throttle_key LIKE ?", Integer.class,
				"user:" + user + "@%")).isZero();
	}

	@Test
	void formLoginIsThrottledWithTheFormShownAgain() {
		String user = user();
		identityService.createMembership(user, "incident-managers");
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER).build();
		for (int i = 0; i < settings.freeFailures() + 1; i++) {
			HttpResponse<String> refused = formLogin(browser, user, "wrong-" + i);
			assertThat(refused.statusCode()).isEqualTo(302);
			assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
		}
		HttpResponse<String> throttled = formLogin(browser, user, "the-right-password");
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(throttled.body()).contains("Too many failed sign-ins", "Try again in 1 seconds", "name=\"_csrf\"");

		advance(1);
		HttpResponse<String> signedIn = formLogin(browser, user, "the-right-password");
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	@Test
	void guessingTheCurrentPasswordInAPasswordChangeIsThrottled() {
		String user = user();
		String path = "/engine-rest/user/" + user + "/credentials";
		for (int i = 0; i < settings.freeFailures() + 1; i++) {
			HttpResponse<String> wrong = changePassword(path, user, "wrong-" + i);
			assertThat(wrong.statusCode()).isEqualTo(400);
			assertThat(wrong.body()).contains(PasswordChangeThrottle.WRONG_CURRENT_PASSWORD);
		}
		// the session keeps signing in successfully (HTTP Basic with the right password): that clears nothing here
		HttpResponse<String> throttled = changePassword(path, user, "the-right-password");
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));

		advance(1);
		assertThat(changePassword(path, user, "the-right-password").statusCode()).isEqualTo(204);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle WHERE throttle_key LIKE ?", Integer.class,
				"user:password-change:" + user + "@%")).isZero();
		assertThat(identityService.checkPassword(user, "a-new-password-1")).isTrue();
	}

	@Test
	void aPasswordChangeInTheWebappsIsThrottledForTheSignedInUser() {
		String user = user();
		identityService.createMembership(user, "service-desk");
		WebappSession browser = webappSession();
		assertThat(browser.login("tasklist", user, "the-right-password").statusCode()).isEqualTo(200);
		String path = "/camunda/api/engine/engine/default/user/" + user + "/credentials";
		// the webapps' CSRF token of the signed-in session, as Tasklist's profile page has it
		assertThat(browser.get("/camunda/api/engine/engine/default/user/" + user + "/profile").statusCode())
			.isEqualTo(200);
		for (int i = 0; i < settings.freeFailures() + 1; i++) {
			assertThat(browser.putJson(path, credentials("wrong-" + i)).statusCode()).isEqualTo(400);
		}
		assertThat(browser.putJson(path, credentials("the-right-password")).statusCode()).isEqualTo(429);
		advance(1);
		assertThat(browser.putJson(path, credentials("the-right-password")).statusCode()).isEqualTo(204);
	}

	private HttpResponse<String> changePassword(String path, String user, String currentPassword) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user, "the-right-password"))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(credentials(currentPassword))));
	}

	private static String credentials(String currentPassword) {
		return "{\"password\":\"a-new-password-1\",\"authenticatedUserPassword\":\"" + currentPassword + "\"}";
	}

	@Test
	void oldFailuresAreForgotten() {
		String user = user();
		for (int i = 0; i < settings.freeFailures(); i++) {
			assertThatThrownBy(() -> provider.authenticate(basicFrom(user, "wrong", "192.0.2.60")))
				.isInstanceOf(BadCredentialsException.class);
		}
		// after the reset period the count starts again: five more free failures, no delay
		advance(settings.resetAfter().toSeconds() + 1);
		for (int i = 0; i < settings.freeFailures(); i++) {
			assertThatThrownBy(() -> provider.authenticate(basicFrom(user, "wrong", "192.0.2.60")))
				.isInstanceOf(BadCredentialsException.class);
		}
		assertThat(provider.authenticate(basicFrom(user, "the-right-password", "192.0.2.60")).isAuthenticated())
			.isTrue();
		advance(settings.resetAfter().toSeconds() + 1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle", Integer.class)).isPositive();
		throttleCleanup();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM login_throttle", Integer.class)).isZero();
	}

	@Autowired
	LoginThrottle throttle;

	private void throttleCleanup() {
		throttle.forgetOldFailures();
	}

	private HttpResponse<String> formLogin(HttpClient browser, String user, String password) {
		HttpResponse<String> form = send(browser, HttpRequest.newBuilder(uri("/login")).GET());
		Matcher token = CSRF.matcher(form.body());
		assertThat(token.find()).isTrue();
		String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
		return send(browser, HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body)));
	}

	private static Authentication basicFrom(String user, String password, String address) {
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
		login.setDetails(new WebAuthenticationDetails(address, null));
		return login;
	}

	private String user() {
		String id = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
		User user = identityService.newUser(id);
		user.setPassword("the-right-password");
		identityService.saveUser(user);
		createdUsers.add(id);
		return id;
	}

	private static void advance(long seconds) {
		ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000));
	}

}
