package com.licensingportal.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed login answers the login page itself with its message, as 401 (429 with Retry-After while the email
 * is locked out), instead of a redirect that would make the refusal look like a success to anything but a
 * person. It forwards to a path of its own: a forward to /login would meet the login filter again.
 */
class LoginFailurePage implements AuthenticationFailureHandler {

	static final String PAGE = "/login/failed";

	private final Duration lockout;

	LoginFailurePage(Duration lockout) {
		this.lockout = lockout;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException, ServletException {
		request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
		if (failure instanceof LoginLockedException) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.lockout.toSeconds()));
		}
		else {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
		request.getRequestDispatcher(PAGE).forward(request, response);
	}

}
