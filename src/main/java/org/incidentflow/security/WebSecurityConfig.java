package org.incidentflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.incidentflow.identity.AccessGroups;
import org.incidentflow.security.throttle.ThrottledLogins;
import org.incidentflow.security.token.IntegrationTokenFilter;
import org.incidentflow.security.token.IntegrationTokens;
import org.incidentflow.ui.Navigation;
import org.incidentflow.ui.UiPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what over HTTP. Four chains:
 * <ol>
 * <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against the Camunda identity service (failed logins
 * throttled: {@code security.throttle}), or an integration token for the intake endpoints ({@code security.token}),
 * stateless, no CSRF (no cookies are involved). On the engine REST API the engine acts as the authenticated user.</li>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin authenticate themselves (session login) and protect
 * themselves against CSRF with Camunda's own filter; Spring Security only refuses the setup endpoint.</li>
 * <li>the product's own pages ({@link UiPaths}: {@code /}, {@code /login}, {@code /reports}, {@code /portal}): form login
 * against the Camunda identity service, HTTP session, Spring Security's CSRF token on every form.</li>
 * <li>everything else: authenticated (HTTP Basic), except {@code /error}, the
 * health endpoint and {@link #WEBAPP_WELCOME_PROBE}; the other actuator endpoints (metrics, Prometheus) only for
 * administrators, or without authentication on the management port when
 * {@code incidentflow.metrics.public-on-management-port} is set.</li>
 * </ol>
 * The CVE guards are plain servlet filters ahead of everything (see {@link #adminSetupBlock()} and
 * {@link #taskQueryExpressionGuard()}).
 */
@Configuration
public class WebSecurityConfig {

	static final String REALM = "Incident Flow";

	/**
	 * The login page of Tasklist, Cockpit and Admin asks {@code GET /camunda-welcome} whether to show Camunda Run's
	 * first-visit box (anything but 200 hides it). A 401 with {@code WWW-Authenticate: Basic} there makes every browser
	 * pop up its native Basic-auth dialog over the login page (a headless browser then ignores all input), so the
	 * probe is let through to an ordinary 404.
	 */
	static final String WEBAPP_WELCOME_PROBE = "/camunda-welcome";

	/** Same switch as the webapps' HSTS header: turn both on when the product is served over TLS. */
	@Value("${camunda.bpm.webapp.header-security.hsts-disabled:true}")
	private boolean hstsDisabled;

	/** Set with {@code management.server.port}: Prometheus may scrape that (internal) port without credentials. */
	@Value("${incidentflow.metrics.public-on-management-port:false}")
	private boolean metricsPublicOnManagementPort;

	/** Empty when the actuator shares the main port. */
	@Value("${management.server.port:}")
	private String managementPort;

	/**
	 * Content security policy of the product's pages: scripts and styles from the jar only. Inline styles are allowed
	 * because the chart library positions its tooltips with them; no inline script runs.
	 */
	static final String UI_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService,
			IntegrationTokens integrationTokens) throws Exception {
		http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**")))
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(path("/api/reports/**")).hasAnyAuthority(reportViewers())
						.requestMatchers(path("/api/webhooks"), path("/api/webhooks/**")).hasAuthority(AccessGroups.ADMINS)
						// Slack cannot send HTTP Basic: the request signature is checked by the endpoint itself
						.requestMatchers(path("/api/intake/slack/**")).permitAll()
						// likewise Mattermost (slash command token) and Teams (HMAC signature)
						.requestMatchers(path("/api/intake/mattermost"), path("/api/intake/teams")).permitAll()
						.requestMatchers(path("/api/chat-identities"), path("/api/chat-identities/**"))
						.hasAuthority(AccessGroups.ADMINS)
						// checks any user's password: with the engine's account lock off (security.throttle) it would be
						// a guessing oracle for every signed-in user; administrators can set passwords anyway
						.requestMatchers(path("/engine-rest/identity/verify"),
								path("/engine-rest/engine/{engine}/identity/verify")).hasAuthority(AccessGroups.ADMINS)
						.anyRequest().authenticated())
				.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized())
						.accessDeniedHandler(forbidden()))
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(AbstractHttpConfigurer::disable)
				.csrf(AbstractHttpConfigurer::disable)
				.headers(headers -> {
					headers.contentTypeOptions(contentType -> { })
							.frameOptions(frame -> frame.deny())
							.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
							.contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'"));
					if (hstsDisabled) {
						headers.httpStrictTransportSecurity(hsts -> hsts.disable());
					}
					else {
						headers.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(63072000)
								.includeSubDomains(true));
					}
				})
				// integrations: Authorization: Bearer <token>, intake endpoints only (security.token)
				.addFilterBefore(new IntegrationTokenFilter(integrationTokens, REALM), BasicAuthenticationFilter.class)
				.addFilterAfter(new EngineAuthenticationBridge(identityService), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(path("/camunda/**"))
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(path(AdminSetupBlock.SETUP_PATH + "/**")).denyAll()
						// the webapps never call it; see apiSecurity
						.requestMatchers(path("/camunda/api/engine/engine/{engine}/identity/verify")).denyAll()
						.anyRequest().permitAll())
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(forbiddenEntryPoint())
						.accessDeniedHandler(forbidden()))
				// Camunda's CsrfPreventionFilter (XSRF-TOKEN cookie + X-XSRF-TOKEN header) protects the webapps;
				// Spring's token would only break their requests.
				.csrf(AbstractHttpConfigurer::disable)
				.requestCache(AbstractHttpConfigurer::disable)
				// Camunda's HttpHeaderSecurity filter writes CSP, X-Content-Type-Options, HSTS for the webapps.
				.headers(headers -> headers.defaultsDisabled().frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/**
	 * The product's server-rendered pages: a session after form login (the Camunda users and groups), CSRF tokens
	 * (Thymeleaf adds them to every form), a strict content security policy. Not signed in: redirect to the login page.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain uiSecurity(HttpSecurity http, ProcessEngine processEngine) throws Exception {
		List<RequestMatcher> matchers = new java.util.ArrayList<>();
		matchers.add(path(UiPaths.ROOT));
		matchers.add(path(UiPaths.LOGIN));
		matchers.add(path(UiPaths.LOGOUT));
		matchers.add(path(UiPaths.FORBIDDEN));
		UiPaths.PAGES.forEach(pattern -> matchers.add(path(pattern)));
		UiPaths.ASSETS.forEach(pattern -> matchers.add(path(pattern)));
		http.securityMatcher(new OrRequestMatcher(matchers))
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(UiPaths.ASSETS.stream().map(WebSecurityConfig::path)
							.toArray(RequestMatcher[]::new)).permitAll()
						// the login page with any query (?error, ?logout): the custom failure handler has no failure URL to permit
						.requestMatchers(path(UiPaths.FORBIDDEN), path(UiPaths.LOGIN), path(UiPaths.ROOT)).permitAll()
						.requestMatchers(path("/portal"), path("/portal/**"))
						.hasAnyAuthority(AccessGroups.PORTAL_USERS.toArray(String[]::new))
						.requestMatchers(path("/reports"), path("/reports/**")).hasAnyAuthority(reportViewers())
						.anyRequest().authenticated())
				.formLogin(form -> form.loginPage(UiPaths.LOGIN).successHandler(homeAfterLogin(new WebappSignIn(processEngine)))
					.failureHandler(ThrottledLogins.formLogin(UiPaths.LOGIN))
					.withObjectPostProcessor(ThrottledLogins.onlyDirectPosts(UiPaths.LOGIN)).permitAll())
				.logout(logout -> logout.logoutUrl(UiPaths.LOGOUT).logoutSuccessUrl(UiPaths.LOGIN + "?logout")
					.permitAll())
				.exceptionHandling(exceptions -> exceptions.accessDeniedPage(UiPaths.FORBIDDEN))
				.headers(headers -> {
					headers.frameOptions(frame -> frame.deny())
							.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
							.contentSecurityPolicy(csp -> csp.policyDirectives(UI_CONTENT_SECURITY_POLICY));
					if (hstsDisabled) {
						headers.httpStrictTransportSecurity(hsts -> hsts.disable());
					}
					else {
						headers.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(63072000)
								.includeSubDomains(true));
					}
				});
		return http.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(path("/"), path("/error"), path("/actuator/health"),
								path("/actuator/health/**"), path(WEBAPP_WELCOME_PROBE))
						.permitAll()
						.requestMatchers(request -> metricsPublicOnManagementPort && !managementPort.isBlank()
								&& Integer.toString(request.getLocalPort()).equals(managementPort.trim())
								&& request.getRequestURI().equals("/actuator/prometheus"))
						.permitAll()
						.requestMatchers(path("/actuator/**")).hasAuthority(AccessGroups.ADMINS)
						.anyRequest().authenticated())
				.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(unauthorized()))
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized())
						.accessDeniedHandler(forbidden()))
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(AbstractHttpConfigurer::disable)
				.csrf(AbstractHttpConfigurer::disable)
				.headers(headers -> headers.frameOptions(frame -> frame.deny())
						.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	FilterRegistrationBean<AdminSetupBlock> adminSetupBlock() {
		FilterRegistrationBean<AdminSetupBlock> registration = new FilterRegistrationBean<>(new AdminSetupBlock());
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Runs after Spring Security (order -100): unauthenticated engine REST calls get their 401 first. */
	@Bean
	FilterRegistrationBean<TaskQueryExpressionGuard> taskQueryExpressionGuard() {
		FilterRegistrationBean<TaskQueryExpressionGuard> registration =
				new FilterRegistrationBean<>(new TaskQueryExpressionGuard());
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(-50);
		return registration;
	}

	private static String[] reportViewers() {
		return AccessGroups.REPORT_VIEWERS.toArray(String[]::new);
	}

	/**
	 * After signing in: the webapps signed in too ({@link WebappSignIn}), then the page asked for, else the user's home
	 * page ({@link Navigation#home}).
	 */
	private static AuthenticationSuccessHandler homeAfterLogin(WebappSignIn webappSignIn) {
		return (request, response, authentication) -> {
			webappSignIn.signIn(request, authentication.getName());
			// one per request: the default target depends on the user
			SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();
			saved.setDefaultTargetUrl(Navigation.home(authentication.getAuthorities().stream()
				.map(org.springframework.security.core.GrantedAuthority::getAuthority).toList()));
			saved.onAuthenticationSuccess(request, response, authentication);
		};
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> {
			if (ThrottledLogins.answered(request, response, exception)) {
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
			ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
					"Authentication required (HTTP Basic with your Incident Flow user).");
		};
	}

	private static AuthenticationEntryPoint forbiddenEntryPoint() {
		return (request, response, exception) -> ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
				"Access denied.");
	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
				"Access denied.");
	}

}
