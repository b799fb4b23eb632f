package com.licensingportal.token;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.licensingportal.support.ApiClient;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.MvcSession;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The profile page: create a named token, see it once, use it, revoke it. */
class TokenPageTest extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void createUseAndRevokeATokenFromTheProfilePage() throws Exception {
		MvcSession session = logIn();
		String name = "laptop " + UUID.randomUUID();

		session.perform(post("/profile/tokens").with(csrf()).param("name", name).param("validity", "90"))
			.andExpect(redirectedUrl("/profile/tokens"));
		String page = session.perform(get("/profile/tokens")).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(name).contains("active");

		String secondName = name + " 2";
		String secret = createAndReadSecret(session, secondName);
		ApiClient api = new ApiClient(baseUrl());
		assertThat(api.get("/api/v1/accounts", secret).status()).isEqualTo(200);

		String shownOnce = session.perform(get("/profile/tokens")).andReturn().getResponse().getContentAsString();
		assertThat(shownOnce).contains(secret);
		String listed = session.perform(get("/profile/tokens")).andReturn().getResponse().getContentAsString();
		assertThat(listed).as("a reload no longer shows the secret").doesNotContain(secret).contains(secret.substring(0, 9));
		Matcher revoke = Pattern.compile(Pattern.quote(secondName) + "</td>.*?(/profile/tokens/\\d+/revoke)", Pattern.DOTALL)
			.matcher(listed);
		assertThat(revoke.find()).isTrue();
		session.perform(post(revoke.group(1)).with(csrf())).andExpect(redirectedUrl("/profile/tokens"));

		assertThat(api.get("/api/v1/accounts", secret).status()).isEqualTo(401);
	}

	@Test
	void aTokenWithoutANameIsRefusedWithAClearMessage() throws Exception {
		MvcSession session = logIn();

		String page = session.perform(post("/profile/tokens").with(csrf()).param("name", "  ").param("validity", "30"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Give the token a name of 1 to 100 characters.").contains("id=\"token-name\"");
	}

	@Test
	void revokingAnUnknownTokenIsNotFound() throws Exception {
		logIn().perform(post("/profile/tokens/999999999/revoke").with(csrf())).andExpect(status().isNotFound());
	}

	private String createAndReadSecret(MvcSession session, String name) throws Exception {
		var result = session.perform(post("/profile/tokens").with(csrf()).param("name", name)
			.param("validity", "never")).andReturn();
		return (String) result.getFlashMap().get("newToken");
	}

	/** Logs in as a new Partner User. */
	private MvcSession logIn() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		String email = fixtures.user("Tokens", fixtures.partner(LicenseFixtures.unique("Token Partner")), UserType.PARTNER_USER)
			.getEmail();
		MvcSession session = new MvcSession(this.mvc);
		session.perform(post("/login").param("email", email).param("password", LicenseFixtures.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/entitlements"));
		return session;
	}

}
