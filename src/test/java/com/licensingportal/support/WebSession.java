package com.licensingportal.support;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the portal's pages over real HTTP: its cookie, its CSRF token, forms and uploads as
 * a browser sends them, and no redirect followed (so that a test sees what the portal answered). For what only
 * the servlet container decides (form and upload limits, URLs it refuses), which MockMvc never reaches.
 */
public final class WebSession {

	/** What a browser asks for when it opens a page. */
	public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	private final String baseUrl;

	private String csrf;

	private WebSession(String baseUrl) {
		this.baseUrl = baseUrl;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/** A visitor who has opened the login page (and so has a session and a CSRF token). */
	public static WebSession anonymous(String baseUrl) {
		WebSession session = new WebSession(baseUrl);
		session.get("/login");
		return session;
	}

	/** A user logged in through the login page. */
	public static WebSession loggedIn(String baseUrl, String email, String password) {
		WebSession session = anonymous(baseUrl);
		ApiClient.Answer login = session.postForm("/login", "email", email, "password", password);
		if (login.status() != 302 || !String.valueOf(login.header("Location")).endsWith("/entitlements")) {
			throw new AssertionError("Could not log in as " + email + ": " + login.status());
		}
		// The token changes with the login: read the new one from a page.
		session.get("/profile/tokens");
		return session;
	}

	/** The session's cookies as a Cookie header, for requests sent past HttpClient (raw URLs). */
	public String cookieHeader() {
		return String.join("; ", this.cookies.getCookieStore().getCookies().stream().map(Object::toString).toList());
	}

	/** The session's current CSRF token, as its last page carried it. */
	public String csrf() {
		return this.csrf;
	}

	public ApiClient.Answer get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	/** A form as a browser posts it, with the session's CSRF token. */
	public ApiClient.Answer postForm(String path, String... namesAndValues) {
		List<String> fields = new ArrayList<>(List.of(namesAndValues));
		fields.add("_csrf");
		fields.add(this.csrf);
		return postFormAsIs(path, fields.toArray(String[]::new));
	}

	/** A form with exactly these fields: no CSRF token unless it is among them. */
	public ApiClient.Answer postFormAsIs(String path, String... namesAndValues) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(formBody(namesAndValues))));
	}

	/** Any request, sent with the session's cookie and, unless it says otherwise, a browser's Accept header. */
	public ApiClient.Answer send(HttpRequest.Builder request) {
		if (request.copy().build().headers().firstValue("Accept").isEmpty()) {
			request.header("Accept", BROWSER_ACCEPT);
		}
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(response.body());
			if (token.find()) {
				this.csrf = token.group(1);
			}
			return new ApiClient.Answer(response.statusCode(), response);
		}
		catch (Exception ex) {
			throw new AssertionError("Request " + request.build().uri() + " failed", ex);
		}
	}

	/** An upload of one file as a browser sends it (multipart/form-data), with the session's CSRF token. */
	public ApiClient.Answer upload(String path, String field, String fileName, String contentType, byte[] content) {
		String boundary = "----portal" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf + "\r\n");
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n");
		body.writeBytes(content);
		write(body, "\r\n--" + boundary + "--\r\n");
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	public URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	public static String formBody(String... namesAndValues) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			body.append(body.isEmpty() ? "" : "&")
				.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
