package com.licensingportal.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs, generated from the API controllers; Swagger UI at /swagger-ui. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

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

}
