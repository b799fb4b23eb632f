package com.licensingportal.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript over real HTTP to the portal's server: its own cookie jar, forms posted with the
 * CSRF token of the page they came from, redirects not followed (so that tests see where they lead). Every
 * request goes through the server's real filters, Spring Session's among them.
 */
public final class HttpBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final String baseUrl;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	private String csrfToken;

	public HttpBrowser(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** What came back: status, headers, body. */
	public record Page(int status, HttpResponse<String> response) {

		public String body() {
			return this.response.body();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public List<String> headers(String name) {
			return this.response.headers().allValues(name);
		}

		/** The path (and query) a redirect leads to, whichever host it names. */
		public String redirectPath() {
			String location = header("Location");
			if (location == null) {
				return null;
			}
			URI uri = URI.create(location);
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}

	}

	/** A GET, with extra headers as name, value pairs (e.g. what a load balancer adds). */
	public Page get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	/** Posts the form fields with the CSRF token of the last page this browser got. */
	public Page post(String path, Map<String, String> fields, String... headers) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		if (this.csrfToken != null) {
			form.putIfAbsent("_csrf", this.csrfToken);
		}
		String body = form.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** The login page, then the login form: the answer is the redirect after it. */
	public Page logIn(String email, String password) {
		get("/login");
		return post("/login", Map.of("email", email, "password", password));
	}

	/** The session cookie this browser holds (Spring Session's, base64 of the session id), or null. */
	public String sessionCookie() {
		return cookie(MvcSession.COOKIE);
	}

	/** The value of a cookie this browser holds, or null. */
	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> name.equals(cookie.getName()))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/** Forgets the cookies, as a browser closed and opened again would for session cookies. */
	public void forgetCookies() {
		this.cookies.getCookieStore().removeAll();
	}

	/** Puts a session cookie into the jar, as someone who copied it from another browser would. */
	public void useSessionCookie(String value) {
		HttpCookie cookie = new HttpCookie(MvcSession.COOKIE, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		this.cookies.getCookieStore().add(URI.create(this.baseUrl), cookie);
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(60));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return request;
	}

	private Page send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher csrf = CSRF.matcher(response.body());
			if (csrf.find()) {
				this.csrfToken = csrf.group(1);
			}
			return new Page(response.statusCode(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer from " + request.uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
