package com.licensingportal.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiDocumentTest extends PortalIntegrationTest {

	@Test
	void theOpenApiDocumentIsServedAndListsTheEndpoints() {
		Answer answer = new ApiClient(baseUrl()).get("/v3/api-docs", null);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode document = answer.json();
		assertThat(document.get("openapi").asText()).startsWith("3.");
		assertThat(document.get("paths").has("/api/v1/auth/token")).isTrue();
		assertThat(document.get("paths").has("/api/v1/accounts")).isTrue();
		assertThat(document.at("/paths/~1api~1v1~1registrations/post").isMissingNode()).as("registrations").isFalse();
		assertThat(document.at("/paths/~1api~1v1~1transfers/post").isMissingNode()).as("transfers").isFalse();
		assertThat(document.at("/paths/~1api~1v1~1transfers~1{id}/get").isMissingNode()).as("a transfer").isFalse();
		assertThat(document.at("/paths/~1api~1v1~1transfers~1{id}~1cancel/post").isMissingNode()).as("cancel").isFalse();
		assertThat(document.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
		assertThat(document.at("/paths/~1api~1v1~1back-office~1accounts/post").isMissingNode()).as("back office").isFalse();
		assertThat(document.at("/components/securitySchemes/orderManagementBasic/scheme").asText()).isEqualTo("basic");
	}

	@Test
	void theDocumentListsEveryEndpointWithItsMethod() {
		JsonNode paths = new ApiClient(baseUrl()).get("/v3/api-docs", null).json().get("paths");

		Map<String, List<String>> expected = Map.ofEntries(Map.entry("/api/v1/accounts/{accountId}/users", List.of("get")),
				Map.entry("/api/v1/entitlements", List.of("get")),
				Map.entry("/api/v1/entitlements/{activationId}", List.of("get")),
				Map.entry("/api/v1/entitlements/export", List.of("get")), Map.entry("/api/v1/devices", List.of("get")),
				Map.entry("/api/v1/devices/{deviceId}", List.of("get")), Map.entry("/api/v1/activations", List.of("post")),
				Map.entry("/api/v1/devices/{deviceId}/licenses/{activationId}", List.of("delete")),
				Map.entry("/api/v1/activations/offline", List.of("post")), Map.entry("/api/v1/users", List.of("post")),
				Map.entry("/api/v1/users/{userId}", List.of("delete")));
		expected.forEach((path, methods) -> {
			assertThat(paths.has(path)).as(path).isTrue();
			for (String method : methods) {
				JsonNode operation = paths.get(path).get(method);
				assertThat(operation).as(method + " " + path).isNotNull();
				assertThat(operation.get("summary").asText()).as("summary of " + path).isNotBlank();
				assertThat(operation.get("operationId").asText()).as("operationId of " + path).isNotBlank();
				assertThat(operation.at("/responses/default/content/application~1problem+json/schema/$ref").asText())
					.as("errors of " + path)
					.isEqualTo("#/components/schemas/Problem");
			}
		});
		List<String> entitlementFilters = new ArrayList<>();
		paths.at("/~1api~1v1~1entitlements/get/parameters").forEach(parameter -> entitlementFilters.add(parameter.get("name").asText()));
		assertThat(entitlementFilters).contains("activationId", "entitlementId", "soldTo", "product", "version",
				"availableMin", "totalMin", "expiration", "expiringBefore", "owner", "showUsedUp", "sort", "dir", "page",
				"size");
		assertThat(paths.at("/~1api~1v1~1entitlements~1export/get/responses/200/content").has("text/csv")).isTrue();
		assertThat(paths.at("/~1api~1v1~1activations~1offline/post/requestBody/content/application~1json/example/formatVersion")
			.asInt()).isEqualTo(1);
		assertThat(paths.at("/~1api~1v1~1activations/post/responses").has("201")).isTrue();
	}

	@Test
	void theExamplesShowRealLookingValues() {
		JsonNode schemas = new ApiClient(baseUrl()).get("/v3/api-docs", null).json().at("/components/schemas");

		assertThat(schemas.at("/EntitlementItem/properties/activationId/example").asText()).isEqualTo("7KQ2-9XTM-C4HP-R8WD");
		assertThat(schemas.at("/ActivationRequest/properties/licenses/type").asText()).isEqualTo("array");
		assertThat(schemas.at("/NewUser/properties/email/example").asText()).isEqualTo("installer@harbor.example");
		assertThat(schemas.at("/Problem/properties/errors/items/properties/field/example").asText())
			.isEqualTo("licenses[0].quantity");
	}

	@Test
	void swaggerUiIsServed() {
		Answer answer = new ApiClient(baseUrl()).get("/swagger-ui/index.html", null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Swagger UI");
	}

}
