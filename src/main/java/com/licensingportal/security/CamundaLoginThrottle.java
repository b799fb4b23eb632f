package com.licensingportal.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import com.licensingportal.text.Text;

/**
 * Camunda's logins (HTTP Basic on {@code /engine-rest}, the webapps' login form) checked per user and client
 * address under the portal's {@link LoginLockout}, before Camunda checks the password again: after 10 failures from one
 * address that address waits 15 minutes (429), other addresses are not affected. Camunda's own lockout, which
 * locks the user for everyone, is switched off ({@code loginMaxAttempts}, {@code loginDelayBase} in
 * application.yml), so that nobody can lock Order Management out from elsewhere.
 */
class CamundaLoginThrottle extends OncePerRequestFilter {

	private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]*");

	private final LoginLockout lockout;

	private final IdentityService identity;

	CamundaLoginThrottle(LoginLockout lockout, IdentityService identity) {
		this.lockout = lockout;
		this.identity = identity;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		BasicCredentials login = loginOf(request);
		if (login == null) {
			chain.doFilter(request, response);
			return;
		}
		try {
			// Checked here, under the lock of this user at this address, so that parallel guesses are checked one
			// at a time and parallel calls with the right password are never refused; Camunda checks it again.
			this.lockout.check(LoginLockout.camundaUser(login.user()), request.getRemoteAddr(),
					() -> this.identity.checkPassword(login.user(), login.password()));
		}
		catch (LoginLockedException locked) {
			EarlyAnswerHeaders.write(request, response);
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.lockout.window().toSeconds()));
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter()
				.write("{\"type\":\"TooManyFailedLogins\",\"message\":\""
						+ new String(JsonStringEncoder.getInstance()
							.quoteAsString(Text.of("users.login.locked.camunda", this.lockout.window().toMinutes()).toString()))
						+ "\"}");
			return;
		}
		chain.doFilter(request, response);
	}

	/** The Camunda login a request carries, or null when it carries none. */
	private static BasicCredentials loginOf(HttpServletRequest request) {
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		if (path.startsWith("/engine-rest/")) {
			return BasicCredentials.of(request.getHeader(HttpHeaders.AUTHORIZATION)).orElse(null);
		}
		if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
			String user = request.getParameter("username");
			String password = request.getParameter("password");
			return user == null || user.isBlank() ? null : new BasicCredentials(user, password == null ? "" : password);
		}
		return null;
	}

}
