package com.licensingportal.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs, generated from the API controllers; Swagger UI at /swagger-ui. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI licensingPortalApi() {
		return new OpenAPI()
			.info(new Info().title("Licensing Portal API")
				.version("v1")
				.description("List, export, activate and transfer licenses with exactly the access you have in the portal. "
						+ "Authenticate with a personal access token: create one on your profile page (API tokens) or with "
						+ "POST /api/v1/auth/token. Errors are RFC 9457 problem+json."))
			.components(new Components().addSecuritySchemes("token",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("a personal access token (lpat_...)")))
			.addSecurityItem(new SecurityRequirement().addList("token"));
	}

	/** Every operation can answer an error; they all look alike, so the document says so once per operation. */
	@Bean
	OpenApiCustomizer problemResponses() {
		return openApi -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			ApiResponse problem = new ApiResponse()
				.description("An error: 400 malformed, 401 no or invalid token, 404 not found or not yours, 409 conflict, "
						+ "413 too large, 415 wrong content type, 422 invalid (errors name the fields), 429 too many requests")
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			openApi.getPaths()
				.values()
				.forEach(path -> path.readOperations().forEach(operation -> operation.getResponses().addApiResponse("default", problem)));
		};
	}

	private static Schema<?> problemSchema() {
		ObjectSchema field = new ObjectSchema();
		field.addProperty("field", new StringSchema().example("licenses[0].quantity"));
		field.addProperty("message", new StringSchema().example("Activate 1 channel or more."));
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details; errors only for 422");
		problem.addProperty("type", new StringSchema().example("about:blank"));
		problem.addProperty("title", new StringSchema().example("Conflict"));
		problem.addProperty("status", new IntegerSchema().example(409));
		problem.addProperty("detail",
				new StringSchema().example("Only 5 channels of 7KQ2-9XTM-C4HP-R8WD are left, not 8. Nothing was activated."));
		problem.addProperty("instance", new StringSchema().example("/api/v1/activations"));
		problem.addProperty("errors", new ArraySchema().items(field));
		return problem;
	}

}
