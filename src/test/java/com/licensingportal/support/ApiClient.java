package com.licensingportal.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls the portal's REST API over real HTTP, as a script with curl would. */
public final class ApiClient {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** An answer: status, headers and body, with the body as JSON when it is JSON. */
	public record Answer(int status, HttpResponse<String> response) {

		public String body() {
			return this.response.body();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public JsonNode json() {
			try {
				return JSON.readTree(this.response.body());
			}
			catch (Exception ex) {
				throw new AssertionError("Not JSON: " + this.response.body(), ex);
			}
		}

	}

	public Answer get(String path, String token) {
		return send(request(path, token).GET().build());
	}

	/** A GET that says which content type it accepts, as {@code curl -H 'Accept: ...'} would. */
	public Answer get(String path, String token, String accept) {
		return send(request(path, token).header("Accept", accept).GET().build());
	}

	public Answer delete(String path, String token) {
		return send(request(path, token).DELETE().build());
	}

	public Answer postJson(String path, String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	/** A JSON POST with one more header, e.g. {@code Idempotency-Key}. */
	public Answer postJson(String path, String token, String json, String header, String value) {
		return send(request(path, token).header("Content-Type", "application/json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public Answer post(String path, String token, String contentType, String body) {
		HttpRequest.Builder request = request(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request.build());
	}

	/** Logs in with email and password and answers the new token. */
	public String token(String email, String password) {
		Answer answer = postJson("/api/v1/auth/token", null,
				"{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"test\"}");
		if (answer.status() != 201) {
			throw new AssertionError("Could not get a token for " + email + ": " + answer.status() + " " + answer.body());
		}
		return answer.json().get("token").asText();
	}

	private HttpRequest.Builder request(String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response);
		}
		catch (Exception ex) {
			throw new AssertionError("Request " + request.uri() + " failed", ex);
		}
	}

}
