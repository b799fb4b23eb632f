package com.licensingportal.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON bodies that are not what they should be: a fraction or an out-of-range number where a whole number of
 * channels belongs is refused (400) naming the field, not rounded; a body over 1 MiB is refused (413) whether
 * it says its length or not. Nothing is activated.
 */
class ApiRequestBodyTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	private LicenseFixtures fixtures;

	private LineItem item;

	private String token;

	private ApiClient api;

	@BeforeEach
	void setUp() {
		this.fixtures = new LicenseFixtures(this.context);
		Account customer = this.fixtures.customer(LicenseFixtures.unique("Body Check"));
		PortalUser user = this.fixtures.user("body", customer, UserType.CUSTOMER_ADMINISTRATOR);
		this.item = this.fixtures.lineItem(customer, this.fixtures.product("BODY"), 5, null);
		this.token = this.fixtures.apiToken(user);
		this.api = new ApiClient(baseUrl());
	}

	@Test
	void aFractionOrAnOutOfRangeNumberOfChannelsIsRefusedNamingTheField() throws Exception {
		for (String quantity : new String[] { "1.5", "2.0", "99999999999", "true" }) {
			Answer answer = this.api.postJson("/api/v1/activations", this.token, activation(quantity));

			assertThat(answer.status()).as(quantity).isEqualTo(400);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().get("detail").asText()).as(quantity)
				.startsWith("'licenses[0].quantity' must be a whole number.");
		}
		Answer days = this.api.postJson("/api/v1/auth/token", null,
				"{\"email\": \"a@b.example\", \"password\": \"x\", \"expiresInDays\": \"thirty\"}");
		assertThat(days.status()).isEqualTo(400);
		assertThat(days.json().get("detail").asText()).startsWith("'expiresInDays' must be a whole number.");
		assertThat(this.fixtures.reload(this.item).getAvailableQuantity()).isEqualTo(5);
	}

	@Test
	void aBodyOverOneMebibyteIsRefused413WithOrWithoutItsLength() throws Exception {
		byte[] huge = ("{\"deviceName\": \"" + "x".repeat(1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/activations"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json");

		HttpResponse<String> withLength = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> chunked = http.send(
				request.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))).build(),
				HttpResponse.BodyHandlers.ofString());

		for (HttpResponse<String> answer : java.util.List.of(withLength, chunked)) {
			assertThat(answer.statusCode()).isEqualTo(413);
			assertThat(answer.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
			JsonNode problem = new ObjectMapper().readTree(answer.body());
			assertThat(problem.get("detail").asText()).isEqualTo(ApiRequestLimits.TOO_LARGE.toString());
		}
		assertThat(this.fixtures.reload(this.item).getAvailableQuantity()).isEqualTo(5);
	}

	private String activation(String quantity) {
		return "{\"deviceName\": \"BODY-NVR\", \"hostId\": \"" + LicenseFixtures.unique("HOST") + "\", \"licenses\": "
				+ "[{\"activationId\": \"" + this.item.getActivationId() + "\", \"quantity\": " + quantity + "}]}";
	}

}
