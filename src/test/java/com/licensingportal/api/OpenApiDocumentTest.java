package com.licensingportal.api;

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
		assertThat(document.at("/components/securitySchemes/token/scheme").asText()).isEqualTo("bearer");
	}

	@Test
	void swaggerUiIsServed() {
		Answer answer = new ApiClient(baseUrl()).get("/swagger-ui/index.html", null);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Swagger UI");
	}

}
