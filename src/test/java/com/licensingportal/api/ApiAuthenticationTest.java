package com.licensingportal.api;

import java.time.Duration;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** Personal access tokens and the API's 401s, over real HTTP. */
class ApiAuthenticationTest extends PortalIntegrationTest {

	private static final String PASSWORD = "api password 123";

	@Autowired
	PersonalAccessTokenService tokens;

	@Autowired
	UserRepository users;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	ApplicationContext context;

	private ApiClient api;

	private PortalUser user;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(baseUrl());
		Account account = this.accounts.save(new Account("API " + UUID.randomUUID(), AccountType.CUSTOMER));
		PortalUser created = new PortalUser("api-" + UUID.randomUUID() + "@example.com", "Api", "User");
		created.activate(this.passwordEncoder.encode(PASSWORD));
		created.link(account, UserType.CUSTOMER_USER);
		this.user = this.users.save(created);
	}

	@Test
	void withoutATokenTheApiAnswers401AsProblemJson() {
		Answer answer = this.api.get("/api/v1/accounts", null);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(answer.json().get("detail").asText()).contains("Authorization: Bearer");
		assertThat(answer.header("Set-Cookie")).as("the API sets no cookie").isNull();
	}

	@Test
	void aForgedTokenAnswers401() {
		assertThat(this.api.get("/api/v1/accounts", "lpat_" + "A".repeat(43)).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/accounts", "not-even-a-token").status()).isEqualTo(401);
	}

	@Test
	void emailAndPasswordGiveATokenThatWorksWithoutCookiesOrCsrf() {
		Answer issued = this.api.postJson("/api/v1/auth/token", null,
				"{\"email\":\"" + this.user.getEmail() + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"ci script\",\"expiresInDays\":7}");

		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.header("Set-Cookie")).isNull();
		String token = issued.json().get("token").asText();
		assertThat(token).startsWith("lpat_");
		assertThat(issued.json().get("name").asText()).isEqualTo("ci script");
		assertThat(issued.json().get("expiresAt").asText()).isNotBlank();

		Answer accounts = this.api.get("/api/v1/accounts", token);
		assertThat(accounts.status()).isEqualTo(200);
		assertThat(accounts.json()).hasSize(1);
		assertThat(this.tokens.tokensOf(this.user.getId())).singleElement().satisfies(stored -> {
			assertThat(stored.getLastUsedAt()).isNotNull();
			assertThat(stored.getTokenHint()).isEqualTo(token.substring(0, 9));
		});
	}

	@Test
	void aWrongPasswordGets401WithTheLoginPagesSentence() {
		Answer answer = this.api.postJson("/api/v1/auth/token", null,
				"{\"email\":\"" + this.user.getEmail() + "\",\"password\":\"wrong\"}");

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.json().get("detail").asText()).isEqualTo("The email or password is not right.");
	}

	@Test
	void theTokenEndpointFollowsTheLoginLockout() {
		for (int i = 0; i < 10; i++) {
			assertThat(this.api.postJson("/api/v1/auth/token", null,
					"{\"email\":\"" + this.user.getEmail() + "\",\"password\":\"wrong " + i + "\"}").status()).isEqualTo(401);
		}

		Answer locked = this.api.postJson("/api/v1/auth/token", null,
				"{\"email\":\"" + this.user.getEmail() + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).isEqualTo("900");
		assertThat(locked.json().get("detail").asText()).contains("Wait 15 minutes");
	}

	@Test
	void aRevokedTokenStopsWorkingAtOnce() {
		PersonalAccessTokenService.IssuedToken issued = this.tokens.issue(this.user.getId(), "to revoke", null);
		assertThat(this.api.get("/api/v1/accounts", issued.secret()).status()).isEqualTo(200);

		assertThat(this.tokens.revoke(this.user.getId(), issued.token().getId())).isTrue();

		assertThat(this.api.get("/api/v1/accounts", issued.secret()).status()).isEqualTo(401);
	}

	@Test
	void anExpiredTokenAnswers401() {
		PersonalAccessTokenService.IssuedToken issued = this.tokens.issue(this.user.getId(), "short", Duration.ofMillis(1));

		assertThat(this.api.get("/api/v1/accounts", issued.secret()).status()).isEqualTo(401);
	}

	@Test
	void aDisabledUsersTokenAnswers401() {
		PersonalAccessTokenService.IssuedToken issued = this.tokens.issue(this.user.getId(), "user goes", null);
		this.user.setStatus(UserStatus.DISABLED);
		this.users.save(this.user);

		assertThat(this.api.get("/api/v1/accounts", issued.secret()).status()).isEqualTo(401);
	}

	@Test
	void nobodyRevokesSomeoneElsesToken() {
		PersonalAccessTokenService.IssuedToken issued = this.tokens.issue(this.user.getId(), "mine", null);
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Long someoneElse = fixtures.user("Else", fixtures.partner(LicenseFixtures.unique("Else")), UserType.PARTNER_ADMINISTRATOR)
			.getId();

		assertThat(this.tokens.revoke(someoneElse, issued.token().getId())).isFalse();
		assertThat(this.api.get("/api/v1/accounts", issued.secret()).status()).isEqualTo(200);
	}

	@Test
	void malformedJsonIs400AndAMissingFieldIs422WithTheField() {
		Answer malformed = this.api.postJson("/api/v1/auth/token", null, "{\"email\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
		assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at com.");

		Answer missing = this.api.postJson("/api/v1/auth/token", null, "{\"email\":\"" + this.user.getEmail() + "\"}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
	}

	@Test
	void aWrongContentTypeIs415() {
		Answer answer = this.api.post("/api/v1/auth/token", null, "text/plain", "email=a&password=b");

		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("detail").asText()).contains("text/plain");
	}

	@Test
	void anUnknownApiPathIsAProblemJson404() {
		String token = this.api.token(this.user.getEmail(), PASSWORD);

		Answer answer = this.api.get("/api/v1/no-such-thing", token);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void thePartnerAdministratorSeesItsAccountAndItsCustomers() {
		World world = new LicenseFixtures(this.context).world();
		String token = this.api.token(world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);

		Answer accounts = this.api.get("/api/v1/accounts", token);

		assertThat(accounts.status()).isEqualTo(200);
		assertThat(accounts.json().findValuesAsText("name")).containsExactlyInAnyOrder(world.partner().getName(),
				world.customer().getName(), world.otherCustomer().getName());
		assertThat(accounts.json().findValuesAsText("administered")).containsOnly("true");
	}

	@Test
	void theCustomerUserSeesOnlyItsOwnAccountAndAdministersNothing() {
		World world = new LicenseFixtures(this.context).world();
		String token = this.api.token(world.customerUser().getEmail(), LicenseFixtures.PASSWORD);

		Answer accounts = this.api.get("/api/v1/accounts", token);

		assertThat(accounts.json().findValuesAsText("name")).containsExactly(world.customer().getName());
		assertThat(accounts.json().findValuesAsText("administered")).containsExactly("false");
	}

}
