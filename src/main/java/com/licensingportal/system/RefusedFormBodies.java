package com.licensingportal.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.filters.FailedRequestFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tomcat answers a form or upload over its limits (2 MB of form fields, 1 MB per uploaded file, 2 MB per
 * upload) or in a broken encoding by quietly leaving out all its fields. Without this check the CSRF filter
 * then finds no token and the user reads "This form has expired", and a controller might act on a form with
 * its fields missing. Tomcat's own {@link FailedRequestFilter} answers such a request 413 (too large) or 400
 * instead, with the matching error page, before anything else reads it. Camunda's webapps and REST API and the
 * portal's API (which has its own body limit) are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class RefusedFormBodies {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> refusedFormBodiesFilter() {
		FailedRequestFilter tomcat = new FailedRequestFilter();
		OncePerRequestFilter pagesOnly = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				tomcat.doFilter(request, response, chain);
			}

			@Override
			protected boolean shouldNotFilter(HttpServletRequest request) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				return path.startsWith("/camunda/") || path.startsWith("/engine-rest/") || path.startsWith("/api/");
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(pagesOnly);
		// Right after the character encoding filter (which must come first: the fields are decoded here).
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setName("refusedFormBodies");
		return registration;
	}

}
