package com.licensingportal.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Spring Boot registers a {@link ResourceUrlEncodingFilter} because a WebJars locator is on the class path.
 * That filter sends every link of every page through the static resource chain, which looks each one up on
 * the class path as a file (and does not remember a miss): three quarters of List Entitlements' server time
 * went there (bench/FINDINGS.md). The portal has no versioned resource URLs to write, and version-less
 * {@code /webjars/...} paths are resolved when the browser asks for them, so the filter stays off.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceConfiguration {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

}
