package com.licensingportal.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the portal's pages over plain HTTP: one cookie jar, whichever node it talks to (as behind a
 * load balancer), forms with their CSRF token, redirects not followed so that the test sees them.
 */
final class PortalPages {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern SET_COOKIE = Pattern.compile("^([^=;]+)=([^;]*)");

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final Map<String, String> cookies = new LinkedHashMap<>();

	HttpResponse<String> get(PortalNode node, String path) throws IOException, InterruptedException {
		return send(request(node, path).GET().build());
	}

	/** Opens {@code formPath}, then posts its form with the fields given and the page's CSRF token. */
	HttpResponse<String> submit(PortalNode node, String formPath, String action, Map<String, String> fields)
			throws IOException, InterruptedException {
		HttpResponse<String> form = get(node, formPath);
		Matcher csrf = CSRF.matcher(form.body());
		if (form.statusCode() != 200 || !csrf.find()) {
			throw new AssertionError(node.name() + " " + formPath + " answered " + form.statusCode() + " without a form:\n"
					+ form.body());
		}
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf.group(1));
		String body = all.entrySet()
			.stream()
			.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(node, action).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Logs in through the login form; fails unless the portal sends the user on into the portal. */
	void logIn(PortalNode node, String email, String password) throws IOException, InterruptedException {
		HttpResponse<String> answer = submit(node, "/login", "/login", Map.of("email", email, "password", password));
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("/login")) {
			throw new AssertionError("Logging in as " + email + " on " + node.name() + " answered " + answer.statusCode()
					+ " to " + location);
		}
	}

	String cookie(String name) {
		return this.cookies.get(name);
	}

	private HttpRequest.Builder request(PortalNode node, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60));
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", this.cookies.entrySet()
				.stream()
				.map(cookie -> cookie.getKey() + "=" + cookie.getValue())
				.collect(Collectors.joining("; ")));
		}
		return request;
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			Matcher cookie = SET_COOKIE.matcher(header);
			if (cookie.find()) {
				if (cookie.group(2).isEmpty() || header.toLowerCase().contains("max-age=0")) {
					this.cookies.remove(cookie.group(1));
				}
				else {
					this.cookies.put(cookie.group(1), cookie.group(2));
				}
			}
		}
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
