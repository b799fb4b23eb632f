package com.licensingportal.backoffice;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * One session cookie per application sharing the server: the portal's {@code SESSION} (path /), the back office's
 * {@code BACK_OFFICE_SESSION} (path /back-office) and Camunda's webapps' {@code CAMUNDA_SESSION} (path /camunda).
 * With one cookie for all, a Tasklist login (which starts a new session, against session fixation) replaced the
 * portal's session and logged the portal tab out; now each keeps its own, side by side in one browser.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

	@Bean
	HttpSessionIdResolver sessionCookiesByApplication() {
		return new ByPath(List.of(new Application("/camunda", resolver("CAMUNDA_SESSION", "/camunda")),
				new Application(BackOfficeSecurity.HOME, resolver("BACK_OFFICE_SESSION", BackOfficeSecurity.HOME))),
				resolver("SESSION", "/"));
	}

	private static CookieHttpSessionIdResolver resolver(String name, String path) {
		// As Spring Boot makes the portal's (server.servlet.session.cookie): HttpOnly, SameSite=Lax, Secure over TLS.
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName(name);
		cookie.setCookiePath(path);
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Lax");
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(cookie);
		return resolver;
	}

	record Application(String path, HttpSessionIdResolver cookie) {

		boolean serves(String requestPath) {
			return requestPath.equals(this.path) || requestPath.startsWith(this.path + "/");
		}

	}

	/** Chooses the cookie by the request's path. */
	record ByPath(List<Application> applications, HttpSessionIdResolver portal) implements HttpSessionIdResolver {

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			return of(request).resolveSessionIds(request);
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			of(request).setSessionId(request, response, sessionId);
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			of(request).expireSession(request, response);
		}

		/**
		 * By the path the browser asked for: an error page (or a forward) answers under another path (/error), and
		 * choosing by that one wrote a Tasklist session into the portal's cookie when a Camunda call answered an error.
		 */
		private HttpSessionIdResolver of(HttpServletRequest request) {
			Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
			if (asked == null) {
				asked = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
			}
			String uri = asked instanceof String original ? original : request.getRequestURI();
			String context = request.getContextPath();
			String path = uri.startsWith(context) ? uri.substring(context.length()) : uri;
			for (Application application : this.applications) {
				if (application.serves(path)) {
					return application.cookie();
				}
			}
			return this.portal;
		}

	}

}
