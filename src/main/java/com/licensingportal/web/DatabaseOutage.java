package com.licensingportal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.licensingportal.api.ApiSecurityConfiguration;
import com.licensingportal.security.SecurityConfiguration;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hibernate.exception.JDBCConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * While the database cannot be reached (connection refused, the pool's wait for a connection timed out, a
 * connection dropped mid-request), every request is answered 503 with {@code Retry-After}: a friendly page, or
 * problem+json for APIs; never a stack trace. The answer needs neither the database nor a session. Sessions are
 * read from the database before anything else, so {@code DatabaseOutageFilter} answers outside every other
 * filter; failures inside a controller arrive here first, as a {@link HandlerExceptionResolver}, before the
 * API's catch-all makes them a 500. Nothing is cached: the next request after the database is back is served.
 */
@Component
public class DatabaseOutage implements HandlerExceptionResolver, Ordered {

	/** Also in the page and the problem's detail: "try again in a minute". */
	static final Duration RETRY_AFTER = Duration.ofSeconds(60);

	static final Text DETAIL = Text.of("users.error.outage");

	/** Set once a request was answered (and logged): saving its session may fail once more on the way out. */
	private static final String ANSWERED = DatabaseOutage.class.getName() + ".ANSWERED";

	private static final String[] API_PATHS = { "/api/", "/engine-rest/", "/camunda/api/" };

	/** What Hikari's stand-in for a connection it closed says to every call. */
	private static final String HIKARI_CLOSED_CONNECTION = "connection is closed";

	/** Cause chains are short; a bound keeps a cyclic one from looping. */
	private static final int MAX_CAUSES = 32;

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

	private final byte[] page;

	/** The portal's policy, but the page's one inline style allowed by its hash: no other request is needed. */
	private final String contentSecurityPolicy;

	/** The problem+json answer, its title and detail in the reader's language. */
	static String problem(Locale locale) {
		return "{\"type\":\"about:blank\",\"title\":\"" + Text.of("users.error.outage.title").in(locale)
				+ "\",\"status\":503,\"detail\":\"" + DETAIL.in(locale) + "\"}";
	}

	DatabaseOutage() {
		try (InputStream html = new ClassPathResource("outage/unavailable.html").getInputStream()) {
			this.page = html.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The page for a database outage is missing", ex);
		}
		Matcher style = STYLE.matcher(new String(this.page, StandardCharsets.UTF_8));
		if (!style.find()) {
			throw new IllegalStateException("The page for a database outage has no <style>");
		}
		this.contentSecurityPolicy = SecurityConfiguration.CSP.replace("style-src 'self'",
				"style-src 'sha256-" + sha256(style.group(1)) + "'");
	}

	/**
	 * Whether the failure, or one of its causes, says the database cannot be reached right now, as opposed to a
	 * query that is wrong or a row that is locked: the driver's connection exceptions (SQL state class 08), Hikari's
	 * timeout waiting for a connection, a connection Hikari closed after such an exception, and what Spring and
	 * Hibernate make of them.
	 */
	public static boolean isCause(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause != null && depth < MAX_CAUSES; depth++, cause = cause.getCause()) {
			if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
					|| cause instanceof SQLRecoverableException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof JDBCConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			// Hikari closes a connection that failed with such an exception; the rollback that follows then fails
			// with this, and Spring throws the rollback's failure instead of the first one.
			if (cause instanceof SQLException sql && sql.getSQLState() == null
					&& HIKARI_CLOSED_CONNECTION.equalsIgnoreCase(sql.getMessage())) {
				return true;
			}
		}
		return false;
	}

	/** Answers 503 for the request, unless the response has begun already: then false, and the caller rethrows. */
	public boolean answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) {
		if (request.getAttribute(ANSWERED) == null) {
			request.setAttribute(ANSWERED, Boolean.TRUE);
			log.warn("The database is unreachable: {} {} answered 503 ({})", request.getMethod(),
					request.getRequestURI(), mostSpecificCause(failure).toString());
		}
		if (response.isCommitted()) {
			return false;
		}
		response.reset();
		response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		// The reset took the security chains' headers too: the same ones again, as on every answer.
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		try {
			if (isApi(request)) {
				response.setHeader("Content-Security-Policy", ApiSecurityConfiguration.CSP);
				response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
				response.setCharacterEncoding("UTF-8");
				response.getWriter().write(problem(Languages.firstSpoken(request.getLocales())));
			}
			else {
				response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
				response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
				response.getOutputStream().write(this.page);
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away, or the body was already taken as a writer: the status and header still say it.
			log.debug("Could not write the 503 body for {}", request.getRequestURI(), ex);
		}
		return true;
	}

	/** Inside Spring MVC: before the controllers' own handlers, which would make an outage a 500. */
	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		return isCause(ex) && answer(request, response, ex) ? new ModelAndView() : null;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	private static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (String api : API_PATHS) {
			if (path.startsWith(api)) {
				return true;
			}
		}
		return false;
	}

	private static String sha256(String text) {
		try {
			return Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	private static Throwable mostSpecificCause(Throwable failure) {
		Throwable cause = failure;
		for (int depth = 0; cause.getCause() != null && cause.getCause() != cause && depth < MAX_CAUSES; depth++) {
			cause = cause.getCause();
		}
		return cause;
	}

}
