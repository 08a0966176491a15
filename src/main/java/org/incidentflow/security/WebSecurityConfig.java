package org.incidentflow.security;

import org.camunda.bpm.engine.IdentityService;
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
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what over HTTP. Three chains:
 * <ol>
 * <li>{@code /engine-rest/**} and {@code /api/**}: HTTP Basic against the Camunda identity service, stateless, no
 * CSRF (no cookies are involved). On the engine REST API the engine acts as the authenticated user.</li>
 * <li>{@code /camunda/**}: Tasklist, Cockpit and Admin authenticate themselves (session login) and protect
 * themselves against CSRF with Camunda's own filter; Spring Security only refuses the setup endpoint.</li>
 * <li>everything else: authenticated (HTTP Basic), except {@code /} (redirect to Tasklist), {@code /error}, the
 * health endpoint and {@link #WEBAPP_WELCOME_PROBE}.</li>
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

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
		http.securityMatcher(new OrRequestMatcher(path("/engine-rest/**"), path("/api/**")))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
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
				.addFilterAfter(new EngineAuthenticationBridge(identityService), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher(path("/camunda/**"))
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(path(AdminSetupBlock.SETUP_PATH + "/**")).denyAll()
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

	@Bean
	@Order(3)
	SecurityFilterChain defaultSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
						.requestMatchers(path("/"), path("/error"), path("/actuator/health"),
								path("/actuator/health/**"), path(WEBAPP_WELCOME_PROBE))
						.permitAll()
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

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> {
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
