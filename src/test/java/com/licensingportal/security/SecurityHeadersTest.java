package com.licensingportal.security;

import com.licensingportal.demo.DemoData;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

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
	void theSessionIdChangesAtLoginAndTheCookieIsHttpOnly() throws Exception {
		MockHttpSession before = (MockHttpSession) this.mvc.perform(get("/login")).andReturn().getRequest().getSession();
		String idBefore = before.getId();

		MvcResult login = this.mvc.perform(post("/login").session(before)
			.param("email", DemoData.CUSTOMER_USER)
			.param("password", DemoData.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/entitlements")).andReturn();

		assertThat(login.getRequest().getSession().getId()).isNotEqualTo(idBefore);
	}

	@Test
	void theApiSendsNoPageHeadersButStillNoSniff() throws Exception {
		this.mvc.perform(get("/api/v1/accounts")).andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

}
