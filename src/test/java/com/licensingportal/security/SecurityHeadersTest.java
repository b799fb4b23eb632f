package com.licensingportal.security;

import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SecurityHeadersTest extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Test
	void pagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CSP))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("Referrer-Policy", "same-origin"));
		assertThat(SecurityConfiguration.CSP).contains("script-src 'self';")
			.contains("style-src 'self';")
			.doesNotContain("unsafe");
	}

	@Test
	void onlySwaggerUiAndCapturedMailMayUseInlineStyles() throws Exception {
		this.mvc.perform(get("/swagger-ui/index.html"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.RELAXED_CSP));
		assertThat(SecurityConfiguration.RELAXED_CSP).contains("style-src 'self' 'unsafe-inline'")
			.contains("script-src 'self';");
	}

	@Test
	void theApiSendsNoPageHeadersButStillNoSniff() throws Exception {
		this.mvc.perform(get("/api/v1/accounts")).andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	/** Static files have a chain of their own (no session): the same headers all the same. */
	@Test
	void stylesAndScriptsCarryThePageHeaders() throws Exception {
		for (String file : new String[] { "/css/portal.css", "/js/select-rows.js", "/webjars/bootstrap/css/bootstrap.min.css" }) {
			this.mvc.perform(get(file))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CSP))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		}
	}

}
