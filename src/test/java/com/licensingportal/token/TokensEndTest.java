package com.licensingportal.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.licensingportal.mail.MailReader;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** A personal access token ends with a new password, and with its user's deactivation or deletion (over real HTTP). */
class TokensEndTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	UserRepository users;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Test
	void aPasswordResetEndsEveryTokenAndTheConfirmationSaysSo() throws Exception {
		PortalUser user = user();
		String first = token(user);
		String second = token(user);
		assertThat(apiStatus(first)).isEqualTo(200);

		HttpBrowser browser = new HttpBrowser(baseUrl());
		browser.get("/forgot-password", "X-Forwarded-For", uniqueAddress());
		assertThat(browser.post("/forgot-password", Map.of("email", user.getEmail()), "X-Forwarded-For", uniqueAddress())
			.status()).isEqualTo(200);
		String processId = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey("PasswordReset")
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.singleResult()
			.getId();
		ProcessJobs.executeDue(this.management, processId);
		String link = MailReader.link(MailReader.waitFor(greenMail(), user.getEmail()), "/password-reset/");
		String path = URI.create(link).getPath();
		browser.get(path);
		assertThat(browser.post(path, Map.of("password", "Tokens-New-Horse-8", "repeatPassword", "Tokens-New-Horse-8"))
			.status()).isEqualTo(200);
		ProcessJobs.executeDue(this.management, processId);

		assertThat(apiStatus(first)).isEqualTo(401);
		assertThat(apiStatus(second)).isEqualTo(401);
		MimeMessage confirmation = MailReader.waitFor(greenMail(), user.getEmail(), 2).get(1);
		assertThat(MailReader.text(confirmation).replaceAll("\\s+", " "))
			.contains("your personal access tokens for the REST API no longer work");
		assertThat(MailReader.html(confirmation).replaceAll("\\s+", " "))
			.contains("your personal access tokens for the REST API no longer work");
		// A token made with the new password works.
		assertThat(apiStatus(tokenWith(user.getEmail(), "Tokens-New-Horse-8"))).isEqualTo(200);
	}

	@Test
	void aDeactivatedUsersTokensEndAndStayEndedWhenTheUserIsActiveAgain() throws Exception {
		PortalUser user = user();
		String token = token(user);
		assertThat(apiStatus(token)).isEqualTo(200);

		setStatus(user, UserStatus.DISABLED);
		assertThat(apiStatus(token)).isEqualTo(401);
		setStatus(user, UserStatus.ACTIVE);

		assertThat(apiStatus(token)).isEqualTo(401);
	}

	@Test
	void aDeletedUsersTokensEnd() throws Exception {
		PortalUser user = user();
		String token = token(user);
		assertThat(apiStatus(token)).isEqualTo(200);

		this.users.deleteById(user.getId());

		assertThat(apiStatus(token)).isEqualTo(401);
	}

	@Test
	void theTokenPageSaysWhenTokensEnd() {
		PortalUser user = user();
		HttpBrowser browser = new HttpBrowser(baseUrl());
		browser.logIn(user.getEmail(), LicenseFixtures.PASSWORD);

		assertThat(browser.get("/profile/tokens").body().replaceAll("\\s+", " ")).contains(
				"Your tokens stop working when your password is reset or changed, and when your user is deactivated or deleted.");
	}

	private void setStatus(PortalUser user, UserStatus status) {
		PortalUser stored = this.users.findById(user.getId()).orElseThrow();
		stored.setStatus(status);
		this.users.save(stored);
	}

	private String token(PortalUser user) throws Exception {
		return tokenWith(user.getEmail(), LicenseFixtures.PASSWORD);
	}

	private String tokenWith(String email, String password) throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", uniqueAddress())
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
	}

	private int apiStatus(String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/entitlements"))
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json")
				.timeout(Duration.ofSeconds(60))
				.GET()
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static String uniqueAddress() {
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		return "198.18." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/** An active Customer Administrator of an account of their own, with {@link LicenseFixtures#PASSWORD}. */
	private PortalUser user() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		return fixtures.user("Tokens", fixtures.customer(LicenseFixtures.unique("Tokens")), UserType.CUSTOMER_ADMINISTRATOR);
	}

}
