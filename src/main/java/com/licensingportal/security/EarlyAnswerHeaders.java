package com.licensingportal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every answer (SecurityHeadersTest), for the answers given before Spring Security's
 * chains write them: a request refused by the firewall, by Tomcat, or for a body or form that cannot be read.
 */
public final class EarlyAnswerHeaders {

	private EarlyAnswerHeaders() {
	}

	public static void write(HttpServletRequest request, HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Security-Policy", String.valueOf(request.getRequestURI()).startsWith("/api/")
				? SecurityConfiguration.API_CSP : SecurityConfiguration.CSP);
	}

}
