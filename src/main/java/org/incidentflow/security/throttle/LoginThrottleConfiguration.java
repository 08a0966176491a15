package org.incidentflow.security.throttle;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Registers the webapp login throttle and the password-change throttle (HTTP Basic and form login are throttled in
 * the authentication provider).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LoginThrottleConfiguration {

	/**
	 * After Spring Security (order -100), before the webapps' own filters and their JAX-RS servlet. Deliberately
	 * constructed here: as a bean of its own, Spring Boot would register it for every path.
	 */
	@Bean
	FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle) {
		FilterRegistrationBean<WebappLoginThrottle> registration =
				new FilterRegistrationBean<>(new WebappLoginThrottle(throttle));
		registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
		registration.setOrder(-60);
		return registration;
	}

	/** After Spring Security, so that HTTP Basic has named the caller of {@code /engine-rest}. */
	@Bean
	FilterRegistrationBean<PasswordChangeThrottle> passwordChangeThrottle(LoginThrottle throttle) {
		FilterRegistrationBean<PasswordChangeThrottle> registration =
				new FilterRegistrationBean<>(new PasswordChangeThrottle(throttle));
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(-60);
		return registration;
	}

}
