package com.licensingportal.security;

import java.util.Base64;
import java.util.Map;

import com.licensingportal.demo.DemoData;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.support.MvcSession;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

	@Test
	void onPlainHttpTheCookieIsHttpOnlyAndSameSiteLaxButNotSecureSoThatLocalhostWorks() {
		String cookie = sessionCookieOf(new HttpBrowser(baseUrl()).get("/login"));

		assertThat(cookie).startsWith(MvcSession.COOKIE + "=").contains("; Path=/", "; HttpOnly", "; SameSite=Lax");
		assertThat(cookie).doesNotContainIgnoringCase("secure");
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(DemoData.CUSTOMER_USER, DemoData.PASSWORD).redirectPath()).isEqualTo("/entitlements");
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
		HttpBrowser victim = new HttpBrowser(baseUrl());
		victim.get("/login");
		String planted = victim.sessionCookie();
		HttpBrowser attacker = new HttpBrowser(baseUrl());
		attacker.useSessionCookie(planted);
		assertThat(sessionRows(planted)).as("the anonymous session is in the database").isEqualTo(1);

		assertThat(victim.post("/login", Map.of("email", DemoData.CUSTOMER_USER, "password", DemoData.PASSWORD))
			.redirectPath()).isEqualTo("/entitlements");

		assertThat(victim.sessionCookie()).isNotNull().isNotEqualTo(planted);
		assertThat(victim.get("/entitlements").status()).isEqualTo(200);
		assertThat(attacker.get("/entitlements").redirectPath()).isEqualTo("/login");
		assertThat(sessionRows(planted)).as("no session has the old id any more").isZero();
		assertThat(sessionRows(victim.sessionCookie())).isEqualTo(1);
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
