package com.licensingportal.workflow;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers only to Camunda users (HTTP Basic), and then with their authorizations. Camunda
 * compares salted SHA-512 hashes of the password, with a salt the caller never sees: timing tells nothing.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestAuthentication {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("engine-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

}
