package com.licensingportal.security;

import java.util.Base64;
import java.util.Map;

import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.support.MvcSession;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie as a browser gets it from the real server, directly on http://localhost and behind a
 * TLS-terminating load balancer (which reaches the portal from a private address and says
 * {@code X-Forwarded-Proto: https}), and what a login does to the session id.
 */
class SessionCookieTest extends PortalIntegrationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void onPlainHttpTheCookieIsHttpOnlyAndSameSiteLaxButNotSecureSoThatLocalhostWorks() {
		String cookie = sessionCookieOf(new HttpBrowser(baseUrl()).get("/login"));

		assertThat(cookie).startsWith(MvcSession.COOKIE + "=").contains("; Path=/", "; HttpOnly", "; SameSite=Lax");
		assertThat(cookie).doesNotContainIgnoringCase("secure");
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(customerUser(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		assertThat(browser.get("/entitlements").status()).as("the browser sent the cookie back over http").isEqualTo(200);
	}

	@Test
	void behindTheLoadBalancerOverTlsTheCookieIsSecureAndRedirectsKeepHttpsAndTheHost() {
		String[] loadBalancer = { "X-Forwarded-Proto", "https", "X-Forwarded-Host", "portal.example.com",
				"X-Forwarded-For", "203.0.113.7" };
		HttpBrowser browser = new HttpBrowser(baseUrl());

		String cookie = sessionCookieOf(browser.get("/login", loadBalancer));
		Page protectedPage = browser.get("/entitlements", loadBalancer);

		assertThat(cookie).contains("; Secure", "; HttpOnly", "; SameSite=Lax");
		assertThat(protectedPage.header("Location")).isEqualTo("https://portal.example.com/login");
	}

	@Test
	void theSessionIdChangesAtLoginSoThatAPlantedCookieDoesNotGetLoggedIn() {
		String email = customerUser();
		HttpBrowser victim = new HttpBrowser(baseUrl());
		victim.get("/login");
		String planted = victim.sessionCookie();
		HttpBrowser attacker = new HttpBrowser(baseUrl());
		attacker.useSessionCookie(planted);
		assertThat(sessionRows(planted)).as("the anonymous session is in the database").isEqualTo(1);

		assertThat(victim.post("/login", Map.of("email", email, "password", LicenseFixtures.PASSWORD))
			.redirectPath()).isEqualTo("/entitlements");

		assertThat(victim.sessionCookie()).isNotNull().isNotEqualTo(planted);
		assertThat(victim.get("/entitlements").status()).isEqualTo(200);
		assertThat(attacker.get("/entitlements").redirectPath()).isEqualTo("/login");
		assertThat(sessionRows(planted)).as("no session has the old id any more").isZero();
		assertThat(sessionRows(victim.sessionCookie())).isEqualTo(1);
	}

	/** The email of a new Customer User, who logs in with {@link LicenseFixtures#PASSWORD}. */
	private String customerUser() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		return fixtures.user("Cookie", fixtures.customer(LicenseFixtures.unique("Cookie Customer")), UserType.CUSTOMER_USER)
			.getEmail();
	}

	private int sessionRows(String cookieValue) {
		String sessionId = new String(Base64.getDecoder().decode(cookieValue));
		return this.jdbc.queryForObject("select count(*) from SPRING_SESSION where SESSION_ID = ?", Integer.class,
				sessionId);
	}

	private static String sessionCookieOf(Page page) {
		return page.headers("Set-Cookie")
			.stream()
			.filter(header -> header.startsWith(MvcSession.COOKIE + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No session cookie in " + page.response().headers()));
	}

}
