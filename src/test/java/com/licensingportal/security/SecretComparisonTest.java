package com.licensingportal.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.LinkTokens;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets a caller presents (personal access tokens, emailed links, the CSRF token, /engine-rest passwords)
 * are checked in ways whose timing tells nothing: tokens are found by the hash of a high-entropy secret, CSRF
 * tokens and hashes are compared in constant time, passwords as salted hashes. What a user can observe: a
 * secret off by one character is refused, and so is what the database keeps in its place.
 */
class SecretComparisonTest extends PortalIntegrationTest {

	private static final String PASSWORD = "Secret-Keeper-2026";

	@Autowired
	PersonalAccessTokenService tokens;

	@Autowired
	LinkTokens links;

	@Autowired
	IdentityService identity;

	@Autowired
	UserRepository users;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	JdbcTemplate jdbc;

	private PortalUser user;

	@BeforeEach
	void createUser() {
		Account account = this.accounts.save(new Account("Secrets " + UUID.randomUUID(), AccountType.CUSTOMER));
		PortalUser created = new PortalUser("secrets-" + UUID.randomUUID() + "@secrets.example", "Sid", "Secret");
		created.activate(this.passwordEncoder.encode(PASSWORD));
		created.link(account, UserType.CUSTOMER_ADMINISTRATOR);
		this.user = this.users.save(created);
	}

	@Test
	void aPersonalAccessTokenOffByOneCharacterOrItsStoredHashIsRefused() {
		PersonalAccessTokenService.IssuedToken issued = this.tokens.issue(this.user.getId(), "script", Duration.ofDays(1));
		String storedHash = this.jdbc.queryForObject("select token_hash from personal_access_token where id = ?",
				String.class, issued.token().getId());
		ApiClient api = new ApiClient(baseUrl());

		assertThat(api.get("/api/v1/accounts", issued.secret()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/accounts", offByOne(issued.secret())).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/accounts", storedHash).status()).isEqualTo(401);
		assertThat(api.get("/api/v1/accounts", "lpat_" + storedHash).status()).isEqualTo(401);
	}

	@Test
	void anEmailedLinkOffByOneCharacterOrItsStoredHashGetsTheInvalidLinkPage() {
		String token = this.links.issue(this.user.getId(), Purpose.PASSWORD_RESET, Instant.now().plus(Duration.ofHours(1)));
		String storedHash = this.jdbc.queryForObject(
				"select token_hash from link_token where user_id = ? and purpose = 'PASSWORD_RESET'", String.class,
				this.user.getId());
		HttpBrowser browser = new HttpBrowser(baseUrl());

		assertThat(browser.get("/password-reset/" + token).body()).contains("Choose a new password");
		for (String wrong : new String[] { offByOne(token), storedHash }) {
			HttpBrowser.Page page = browser.get("/password-reset/" + wrong);
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.body()).contains("This link is no longer valid");
		}
	}

	@Test
	void aFormWithACsrfTokenOffByOneCharacterIsRefusedAndChangesNothing() {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(this.user.getEmail(), PASSWORD).redirectPath()).isEqualTo("/entitlements");
		String page = browser.get("/profile/tokens").body();
		String csrf = page.replaceAll("(?s).*name=\"_csrf\"\\s+value=\"([^\"]+)\".*", "$1");

		HttpBrowser.Page forged = browser.post("/profile/tokens",
				Map.of("name", "forged", "validity", "30", "_csrf", offByOne(csrf)));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(this.tokens.tokensOf(this.user.getId())).isEmpty();
		assertThat(browser.post("/profile/tokens", Map.of("name", "real", "validity", "30", "_csrf", csrf))
			.redirectPath()).isEqualTo("/profile/tokens");
		assertThat(this.tokens.tokensOf(this.user.getId())).hasSize(1);
	}

	@Test
	void engineRestRefusesTheStoredPasswordHashOfACamundaUser() {
		String id = "secrets" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		User camundaUser = this.identity.newUser(id);
		camundaUser.setPassword(PASSWORD);
		this.identity.saveUser(camundaUser);
		String storedHash = this.jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = ?", String.class, id);
		HttpBrowser script = new HttpBrowser(baseUrl());
		try {
			assertThat(script.get("/engine-rest/task", "Authorization", basic(id, PASSWORD)).status()).isEqualTo(200);
			assertThat(script.get("/engine-rest/task", "Authorization", basic(id, storedHash)).status()).isEqualTo(401);
		}
		finally {
			this.identity.deleteUser(id);
		}
	}

	private static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The same secret with its last character changed. */
	private static String offByOne(String secret) {
		char last = secret.charAt(secret.length() - 1);
		return secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
	}

}
