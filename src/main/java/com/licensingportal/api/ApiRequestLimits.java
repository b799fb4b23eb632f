package com.licensingportal.api;

import java.io.IOException;
import java.io.Serial;

import com.licensingportal.text.Text;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.Globals;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the API reads at most, checked before any controller. No request body is larger than 1 MiB (the largest
 * real one, an offline request file, is at most 64 KiB): a body that says it is larger is answered 413 before
 * anything reads it, and one that turns out larger while it is read stops there and is answered 413 too
 * ({@link ApiProblemHandler}). Parameters that Tomcat could not read (more than 2,000, broken percent-encoding),
 * which it would leave out without a word, are refused (400) instead of acted on without them.
 */
@Configuration(proxyBeanMethods = false)
class ApiRequestLimits {

	static final int MAX_BYTES = 1024 * 1024;

	static final Text TOO_LARGE = Text.of("licenses.api.bodyTooLarge");

	static final Text UNREADABLE_PARAMETERS = Text.of("licenses.api.unreadableParameters");

	/** Thrown while a body is read past the limit. */
	static class BodyTooLargeException extends IOException {

		@Serial
		private static final long serialVersionUID = 1L;

		BodyTooLargeException() {
			super(TOO_LARGE.toString());
		}

	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> apiRequestLimitsFilter(ObjectMapper json) {
		OncePerRequestFilter limit = new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getContentLengthLong() > MAX_BYTES) {
					ApiProblemHandler.write(request, response, json, HttpStatus.PAYLOAD_TOO_LARGE,
							Text.of("licenses.api.title.TOO_LARGE"), TOO_LARGE);
					return;
				}
				// Tomcat reads the parameters when first asked, and notes what it had to leave out.
				request.getParameter("");
				if (request.getAttribute(Globals.PARAMETER_PARSE_FAILED_ATTR) != null) {
					ApiProblemHandler.write(request, response, json, HttpStatus.BAD_REQUEST,
							Text.of("licenses.api.title.MALFORMED"), UNREADABLE_PARAMETERS);
					return;
				}
				chain.doFilter(new LimitedBody(request), response);
			}

		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(limit);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.setName("apiRequestLimits");
		return registration;
	}

	/** The request with a body that cannot be read past {@link #MAX_BYTES}. */
	private static final class LimitedBody extends HttpServletRequestWrapper {

		private ServletInputStream limited;

		LimitedBody(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				ServletInputStream body = super.getInputStream();
				this.limited = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int next = body.read();
						if (next != -1) {
							count(1);
						}
						return next;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int count = body.read(buffer, offset, length);
						if (count > 0) {
							count(count);
						}
						return count;
					}

					private void count(int bytes) throws BodyTooLargeException {
						this.read += bytes;
						if (this.read > MAX_BYTES) {
							throw new BodyTooLargeException();
						}
					}

					@Override
					public boolean isFinished() {
						return body.isFinished();
					}

					@Override
					public boolean isReady() {
						return body.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						body.setReadListener(listener);
					}

				};
			}
			return this.limited;
		}

	}

}
