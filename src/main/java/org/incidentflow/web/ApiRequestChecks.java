package org.incidentflow.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The request checks every {@code /api} endpoint gets before its handler runs (see the classes registered here). */
@Configuration(proxyBeanMethods = false)
public class ApiRequestChecks implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new KnownQueryParameters()).addPathPatterns("/api/**");
	}

	/**
	 * Tomcat refuses an encoded slash ({@code %2F}) in a path itself, with an HTML error page. Passed through, the
	 * request reaches Spring Security's firewall, which refuses it the same way (400) but with a problem body
	 * ({@code security.FirewallRejections}). Nothing can be addressed through an encoded slash either way.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToFirewall() {
		return factory -> factory.addConnectorCustomizers(
				connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
	}

	/** Tomcat's own error answers as problem bodies ({@link ProblemErrorReportValve}), ahead of its HTML valve. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorsAsProblems() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() != null) {
				context.getParent().getPipeline().addValve(new ProblemErrorReportValve());
			}
		});
	}

	/** After Spring Security (order -100): unauthenticated requests get their 401 first. */
	@Bean
	FilterRegistrationBean<ContentTypeCheck> contentTypeCheck() {
		FilterRegistrationBean<ContentTypeCheck> registration = new FilterRegistrationBean<>(new ContentTypeCheck());
		registration.addUrlPatterns("/api/*");
		registration.setOrder(-40);
		return registration;
	}

	/** After Spring Security: unauthenticated engine calls get their 401 first, without their body being read. */
	@Bean
	FilterRegistrationBean<EngineApiTextCheck> engineApiTextCheck() {
		FilterRegistrationBean<EngineApiTextCheck> registration = new FilterRegistrationBean<>(new EngineApiTextCheck());
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
		registration.setOrder(-45);
		return registration;
	}

	/** After Spring Security and its CSRF check: the product's own pages, whose form fields reach the database. */
	@Bean
	FilterRegistrationBean<FormTextCheck> formTextCheck() {
		FilterRegistrationBean<FormTextCheck> registration = new FilterRegistrationBean<>(new FormTextCheck());
		registration.addUrlPatterns("/portal/*", "/login", "/reports/*");
		registration.setOrder(-45);
		return registration;
	}

}
