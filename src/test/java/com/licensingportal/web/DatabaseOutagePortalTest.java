package com.licensingportal.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real outage of the running portal's database, as its connection pool sees one: the pool's connections are
 * gone and the database refuses new ones (they are made with a password it does not know), until it takes
 * them again. Meanwhile pages, the login and the API answer 503 over real HTTP; afterwards the same browser
 * session and token work again, without a restart.
 */
class DatabaseOutagePortalTest extends PortalIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	@Test
	void whileTheDatabaseIsAwayEveryRequestGetsA503AndAfterwardsThePortalWorksAgainByItself() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		PortalUser user = fixtures.user("Outage", fixtures.customer(LicenseFixtures.unique("Outage Customer")),
				UserType.CUSTOMER_USER);
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(user.getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		assertThat(browser.get("/entitlements").status()).isEqualTo(200);
		String token = fixtures.apiToken(user);
		ApiClient api = new ApiClient(baseUrl());
		// A script calling the API: it waits as long as the pool does (an ApiClient gives up after 30 s).
		HttpBrowser script = new HttpBrowser(baseUrl());
		HttpBrowser loggingIn = new HttpBrowser(baseUrl());
		loggingIn.get("/login");

		HttpBrowser.Page page;
		HttpBrowser.Page login;
		HttpBrowser.Page apiAnswer;
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		String password = pool.getPassword();
		ExecutorService clients = Executors.newFixedThreadPool(3);
		try {
			pool.getHikariConfigMXBean().setPassword("not-the-password-" + UUID.randomUUID());
			pool.getHikariPoolMXBean().softEvictConnections();
			// At once: each waits for the pool's connection-timeout before it is answered.
			CompletableFuture<HttpBrowser.Page> pageAnswer = async(clients, () -> browser.get("/entitlements"));
			CompletableFuture<HttpBrowser.Page> loginAnswer = async(clients, () -> loggingIn.post("/login",
					Map.of("email", user.getEmail(), "password", LicenseFixtures.PASSWORD)));
			CompletableFuture<HttpBrowser.Page> apiCall = async(clients,
				() -> script.get("/api/v1/accounts", "Authorization", "Bearer " + token));
			page = pageAnswer.get(2, TimeUnit.MINUTES);
			login = loginAnswer.get(2, TimeUnit.MINUTES);
			apiAnswer = apiCall.get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.getHikariConfigMXBean().setPassword(password);
			clients.shutdownNow();
		}

		for (HttpBrowser.Page unavailable : new HttpBrowser.Page[] { page, login }) {
			assertThat(unavailable.status()).isEqualTo(503);
			assertThat(unavailable.header("Retry-After")).isEqualTo("60");
			assertThat(unavailable.header("Content-Type")).startsWith("text/html");
			assertThat(unavailable.body()).contains("The portal is briefly unavailable", "Try again in a minute.")
				.doesNotContainIgnoringCase("exception")
				.doesNotContainIgnoringCase("sql")
				.doesNotContainIgnoringCase("hikari");
		}
		assertThat(apiAnswer.status()).isEqualTo(503);
		assertThat(apiAnswer.header("Retry-After")).isEqualTo("60");
		assertThat(apiAnswer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(new ObjectMapper().readTree(apiAnswer.body()).get("detail").asText())
			.isEqualTo("The portal is briefly unavailable. Try again in a minute.");

		assertThat(browser.get("/entitlements").status()).as("the same session, read again").isEqualTo(200);
		assertThat(api.get("/api/v1/accounts", token).status()).isEqualTo(200);
		assertThat(loggingIn.logIn(user.getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
	}

	private static <T> CompletableFuture<T> async(ExecutorService clients, Supplier<T> request) {
		return CompletableFuture.supplyAsync(request, clients);
	}

}
