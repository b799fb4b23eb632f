package com.licensingportal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.licensingportal.system.EarlyAnswerHeaders;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's logins (HTTP Basic on {@code /engine-rest}, the webapps' login form) counted per user and client
 * address by the portal's {@link LoginLockout}, before Camunda checks the password: after 10 failures from one
 * address that address waits 15 minutes (429), other addresses are not affected. Camunda's own lockout, which
 * locks the user for everyone, is switched off ({@code loginMaxAttempts}, {@code loginDelayBase} in
 * application.yml), so that nobody can lock Order Management out from elsewhere.
 */
class CamundaLoginThrottle extends OncePerRequestFilter {

	private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]*");

	private static final String BASIC = "Basic ";

	private final LoginLockout lockout;

	CamundaLoginThrottle(LoginLockout lockout) {
		this.lockout = lockout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String user = camundaUserOf(request);
		if (user == null) {
			chain.doFilter(request, response);
			return;
		}
		String name = LoginLockout.camundaUser(user);
		String clientAddress = request.getRemoteAddr();
		long counted;
		try {
			counted = this.lockout.claim(name, clientAddress);
		}
		catch (LoginLockedException locked) {
			EarlyAnswerHeaders.write(request, response);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.lockout.window().toSeconds()));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"TooManyFailedLogins\",\"message\":\"Too many failed logins for this user from your"
						+ " address. Try again in " + this.lockout.window().toMinutes() + " minutes.\"}");
			return;
		}
		int status = HttpStatus.INTERNAL_SERVER_ERROR.value();
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			if (status < 300) {
				this.lockout.recordSuccess(name, clientAddress);
			}
			else if (status != HttpStatus.UNAUTHORIZED.value()) {
				// Refused before the password was checked (a missing CSRF token, say), or an error: it does not count.
				this.lockout.release(counted);
			}
		}
	}

	/** The Camunda user a request logs in as, or null when it carries no login. */
	private static String camundaUserOf(HttpServletRequest request) {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		if (path.startsWith("/engine-rest/")) {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
				return null;
			}
			try {
				String decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return colon > 0 ? decoded.substring(0, colon) : null;
			}
			catch (IllegalArgumentException notBase64) {
				return null;
			}
		}
		if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
			String user = request.getParameter("username");
			return user == null || user.isBlank() ? null : user;
		}
		return null;
	}

}
