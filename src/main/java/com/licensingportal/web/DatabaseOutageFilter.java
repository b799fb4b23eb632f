package com.licensingportal.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a request that fails because the database is unreachable, wherever it failed (reading
 * the session, Spring Security's lockout check, Camunda's webapps), is answered by {@link DatabaseOutage}.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	/** Outside Spring Session's filter (HIGHEST_PRECEDENCE + 50), which reads the session from the database. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	private final DatabaseOutage outage;

	DatabaseOutageFilter(DatabaseOutage outage) {
		this.outage = outage;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			if (!DatabaseOutage.isCause(ex) || !this.outage.answer(request, response, ex)) {
				throw ex;
			}
		}
	}

	/** The error page (for another failure) may need the database too. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseOutage outage) {
			FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
					new DatabaseOutageFilter(outage));
			registration.setOrder(ORDER);
			registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
			return registration;
		}

	}

}
