package com.licensingportal.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Globals;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests the API cannot read, refused before any controller as problem+json like every other API error:
 * addresses that Spring Security's firewall refuses (encoded slashes, semicolons, "..", "//"; pages keep the
 * error page), and parameters that Tomcat could not read (too many, broken percent-encoding), which it would
 * otherwise leave out without a word.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestRejection {

	static final String DETAIL = "The portal could not read this request: the address has characters or path steps "
			+ "it does not accept (such as an encoded slash, a semicolon or \"..\"). Check it against /v3/api-docs.";

	static final String UNREADABLE_PARAMETERS = "The portal could not read the request's parameters: there are more "
			+ "than 2,000, or one is not properly percent-encoded.";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiParameterCheck(ObjectMapper json) {
		OncePerRequestFilter check = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				// Tomcat reads the parameters when first asked, and notes what it had to leave out.
				request.getParameter("");
				if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
					ApiProblemHandler.write(response, json, HttpStatus.BAD_REQUEST, "Malformed request", UNREADABLE_PARAMETERS);
					return;
				}
				chain.doFilter(request, response);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(check);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		registration.setName("apiParameterCheck");
		return registration;
	}

	@Bean
	RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
		RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
		return (HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) -> {
			if (!request.getRequestURI().startsWith("/api/")) {
				pages.handle(request, response, rejected);
				return;
			}
			ApiProblemHandler.write(response, json, HttpStatus.BAD_REQUEST, "Malformed request", DETAIL);
		};
	}

}
