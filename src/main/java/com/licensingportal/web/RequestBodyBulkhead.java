package com.licensingportal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

/**
 * Slow clients cannot take every server thread: Tomcat holds a thread for a request while its body arrives, and a
 * client sending a byte every two seconds is never idle long enough for the connection timeout. At most
 * {@code portal.request-bodies.max-concurrent} requests with a body are served at once (half of Tomcat's threads by
 * default); one more is answered 503 at once, without reading its body and without keeping a thread for it, so
 * pages, probes and everything without a body keep their threads. Behind the compose load balancer no trickling
 * body reaches a node at all (option http-buffer-request).
 */
class RequestBodyBulkhead extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestBodyBulkhead.class);

	private static final Text BUSY = Text.of("users.error.busy");

	private final Semaphore slots;

	RequestBodyBulkhead(int maxConcurrent) {
		this.slots = new Semaphore(maxConcurrent);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBody(request)) {
			chain.doFilter(request, response);
			return;
		}
		if (!this.slots.tryAcquire()) {
			refuse(request, response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.slots.release();
		}
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	/**
	 * 503 and the connection closed. Answered asynchronously: a synchronous answer would make Tomcat read (swallow)
	 * the rest of the unread body on this thread before it lets go of it, as slowly as the client sends it.
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		log.warn("Refused {} {} from {}: every slot for requests with a body is taken", request.getMethod(),
				request.getRequestURI(), request.getRemoteAddr());
		AsyncContext async = request.isAsyncSupported() ? request.startAsync() : null;
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "5");
		response.setHeader("Connection", "close");
		response.setContentType("text/plain;charset=UTF-8");
		response.getOutputStream()
			.write(BUSY.in(Languages.firstSpoken(request.getLocales())).getBytes(StandardCharsets.UTF_8));
		response.flushBuffer();
		if (async != null) {
			async.complete();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<RequestBodyBulkhead> requestBodyBulkhead(RequestBodiesProperties requestBodies) {
			FilterRegistrationBean<RequestBodyBulkhead> registration = new FilterRegistrationBean<>(
					new RequestBodyBulkhead(requestBodies.maxConcurrent()));
			// First, with the request id: before anything reads a form (RefusedFormBodies, security).
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.setAsyncSupported(true);
			return registration;
		}

	}

}
