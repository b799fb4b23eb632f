package com.licensingportal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Globals;
import org.apache.tomcat.util.http.Parameters.FailReason;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import com.licensingportal.security.EarlyAnswerHeaders;

/**
 * Tomcat answers a form or upload over its limits (2 MB of form fields, 1 MB per uploaded file, 2 MB per
 * upload), with too many fields, in a broken encoding or cut off, by quietly leaving out all its fields.
 * Without this check the CSRF filter then finds no token and the user reads "This form has expired", and a
 * controller might act on a form with its fields missing. Here Tomcat reads the fields first and says what it
 * could not read (as its own FailedRequestFilter does): too large is 413, anything else the client sent is 400,
 * each with the matching error page. A cut-off body is the client's doing too, so it is 400 here where
 * FailedRequestFilter would say 500. Camunda's webapps and REST API, and the portal's API (which answers
 * problem+json, ApiRequestRejection), are left as they are.
 */
@Configuration(proxyBeanMethods = false)
class RefusedFormBodies {

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> refusedFormBodiesFilter() {
		OncePerRequestFilter pagesOnly = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				request.getParameter("");
				if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) == null) {
					chain.doFilter(request, response);
					return;
				}
				FailReason reason = (FailReason) request.getAttribute(Globals.PARAMETER_PARSE_FAILED_REASON_ATTR);
				if (reason != FailReason.CLIENT_DISCONNECT) {
					EarlyAnswerHeaders.write(request, response);
					response.sendError(reason == FailReason.POST_TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE.value()
							: HttpStatus.BAD_REQUEST.value());
				}
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
