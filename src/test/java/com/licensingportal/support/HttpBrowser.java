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
 * request goes through the server's real filters, Spring Session's among them, and the servlet container's own
 * limits (form and upload sizes, addresses it refuses), which MockMvc never reaches.
 */
public final class HttpBrowser {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	/** What a browser asks for when it opens a page: HTML, so that errors come as the portal's error page. */
	public static final String ACCEPT_HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

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

	/** Opens a page as a browser does, asking for HTML. */
	public Page open(String path) {
		return get(path, "Accept", ACCEPT_HTML);
	}

	/** A form as a browser posts it, fields in order (a name may repeat), with the CSRF token of the last page. */
	public Page postForm(String path, String... namesAndValues) {
		List<String> fields = new java.util.ArrayList<>(List.of(namesAndValues));
		fields.add("_csrf");
		fields.add(this.csrfToken);
		return postFormAsIs(path, fields.toArray(String[]::new));
	}

	/** A form with exactly these fields: no CSRF token unless it is among them. */
	public Page postFormAsIs(String path, String... namesAndValues) {
		return send(request(path, "Accept", ACCEPT_HTML).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(namesAndValues)))
			.build());
	}

	/** One file uploaded as a browser sends it (multipart/form-data), with the CSRF token of the last page. */
	public Page upload(String path, String field, String fileName, String contentType, byte[] content) {
		String boundary = "----portal" + java.util.UUID.randomUUID().toString().replace("-", "");
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrfToken
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path, "Accept", ACCEPT_HTML).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** Any request to this server, sent with this browser's cookies (asking for HTML unless it says otherwise). */
	public Page send(HttpRequest.Builder request) {
		if (request.copy().build().headers().firstValue("Accept").isEmpty()) {
			request.header("Accept", ACCEPT_HTML);
		}
		return send(request.timeout(Duration.ofSeconds(60)).build());
	}

	public URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	/** The CSRF token of the last page this browser got. */
	public String csrf() {
		return this.csrfToken;
	}

	/** The cookies as a Cookie header, for a request sent past HttpClient (an address it would not send). */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	/** Fields as application/x-www-form-urlencoded, in order. */
	public static String formBody(String... namesAndValues) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&").append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
		}
		return body.toString();
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
