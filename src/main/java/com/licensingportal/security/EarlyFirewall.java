package com.licensingportal.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's firewall, run before Spring Security itself: on the addresses of Camunda's servlets
 * (/engine-rest, /camunda/api/...) Spring Security parses the path before its own firewall looks at it, and a path
 * trick such as {@code /css/..;/engine-rest/task} or {@code //engine-rest/task} was a 500 there. Refused here,
 * it gets the same 400 and error page as everywhere else.
 */
class EarlyFirewall extends OncePerRequestFilter {

	private final HttpFirewall firewall;

	private final RequestRejectedHandler rejected;

	EarlyFirewall(HttpFirewall firewall, RequestRejectedHandler rejected) {
		this.firewall = firewall;
		this.rejected = rejected;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.firewall.getFirewalledRequest(request);
		}
		catch (RequestRejectedException refused) {
			this.rejected.handle(request, response, refused);
			return;
		}
		chain.doFilter(request, response);
	}

}
