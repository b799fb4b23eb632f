package com.licensingportal.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.support.Committed;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in the database, and whatever the portal puts into one is read back from there: each request
 * below goes over real HTTP through Spring Session's filter, and the stored attributes are read with a plain,
 * strict deserializer beside it. A session that a later release can no longer read means "log in again".
 */
class SessionStoreTest extends PortalIntegrationTest {

	private static final String PASSWORD = "Session-Keeper-2026";

	private static final String FLASH_MAPS = "org.springframework.web.servlet.support.SessionFlashMapManager.FLASH_MAPS";

	/** Every kind of attribute a portal session holds; anything else would be a new one to check. */
	private static final Set<String> KNOWN_ATTRIBUTES = Set.of("SPRING_SECURITY_CONTEXT", "SPRING_SECURITY_SAVED_REQUEST",
			"SPRING_SECURITY_LAST_EXCEPTION", "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN",
			FLASH_MAPS, "com.licensingportal.web.PortalLocaleResolver.READ_FOR",
			"com.licensingportal.web.PortalLocaleResolver.CHOSEN");

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserRepository users;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	private PortalUser user;

	@BeforeEach
	void createUser() {
		Account account = this.accounts.save(new Account("Session Test " + UUID.randomUUID(), AccountType.CUSTOMER));
		PortalUser created = new PortalUser("session-" + UUID.randomUUID() + "@session.example", "Sam", "Session");
		created.activate(this.passwordEncoder.encode(PASSWORD));
		created.link(account, UserType.CUSTOMER_ADMINISTRATOR);
		this.user = this.users.save(created);
	}

	@Test
	void aSavedRequestTheLoginAndFlashMessagesTravelThroughTheDatabase() {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		Map<String, Object> seen = new LinkedHashMap<>();

		assertThat(browser.get("/devices?q=NVR").redirectPath()).isEqualTo("/login");
		seen.putAll(stored(browser));
		assertThat(seen.get("SPRING_SECURITY_SAVED_REQUEST")).isInstanceOfSatisfying(DefaultSavedRequest.class,
				saved -> assertThat(saved.getQueryString()).isEqualTo("q=NVR"));

		browser.get("/login");
		// A failed login answers its page at once (401): nothing of it needs to travel.
		HttpBrowser.Page failed = browser.post("/login", Map.of("email", this.user.getEmail(), "password", "not the password"));
		assertThat(failed.status()).isEqualTo(401);
		assertThat(failed.body()).contains(LoginController.BAD_CREDENTIALS.toString());

		assertThat(browser.post("/login", Map.of("email", this.user.getEmail(), "password", PASSWORD)).redirectPath())
			.as("back to the page asked for before the login").isEqualTo("/devices?q=NVR&continue");
		seen.putAll(stored(browser));
		assertThat(seen.get("SPRING_SECURITY_CONTEXT")).isInstanceOfSatisfying(SecurityContext.class,
				context -> assertThat(((PortalUserPrincipal) context.getAuthentication().getPrincipal()).getUserId())
					.isEqualTo(this.user.getId()));
		assertThat(browser.get("/devices?q=NVR&continue").status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select PRINCIPAL_NAME from SPRING_SESSION where SESSION_ID = ?", String.class,
				sessionId(browser))).isEqualTo(this.user.getEmail());

		browser.get("/profile/tokens");
		browser.post("/profile/tokens", Map.of("name", "laptop", "validity", "30"));
		Map<String, Object> withFlash = stored(browser);
		seen.putAll(withFlash);
		assertThat(withFlash.get(FLASH_MAPS)).isInstanceOfSatisfying(List.class,
				maps -> assertThat(((FlashMap) maps.get(0)).get("newTokenName")).isEqualTo("laptop"));
		assertThat(browser.get("/profile/tokens").body()).contains("lpat_");

		assertThat(seen.get("org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN"))
			.isInstanceOf(CsrfToken.class);
		assertThat(KNOWN_ATTRIBUTES).containsAll(seen.keySet());
	}

	@Test
	void aStoredLoginThatThisReleaseCannotReadMeansLoggingInAgainNotAnError() {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(this.user.getEmail(), PASSWORD).redirectPath()).isEqualTo("/entitlements");
		assertThat(browser.get("/entitlements").status()).isEqualTo(200);
		// As if the principal's class had changed between releases: its serialVersionUID no longer matches.
		byte[] context = attributeBytes(browser, "SPRING_SECURITY_CONTEXT");
		changeSerialVersionUid(context, PortalUserPrincipal.class.getName());
		Committed.update(this.jdbc, "update SPRING_SESSION_ATTRIBUTES set ATTRIBUTE_BYTES = ? where ATTRIBUTE_NAME = ?"
				+ " and SESSION_PRIMARY_ID = (select PRIMARY_ID from SPRING_SESSION where SESSION_ID = ?)", context,
				"SPRING_SECURITY_CONTEXT", sessionId(browser));

		HttpBrowser.Page next = browser.get("/entitlements");

		assertThat(next.status()).isEqualTo(302);
		assertThat(next.redirectPath()).isEqualTo("/login");
		assertThat(browser.logIn(this.user.getEmail(), PASSWORD).redirectPath()).isEqualTo("/entitlements?continue");
		assertThat(browser.get("/entitlements").body()).contains("Sam Session");
	}

	@Test
	void bytesThatAreNoJavaObjectReadAsAbsent() {
		var conversions = SessionStoreConfiguration.readableOrForgotten(getClass().getClassLoader());

		assertThat(conversions.convert("not a serialized object".getBytes(StandardCharsets.UTF_8), Object.class)).isNull();
		assertThat(conversions.convert(conversions.convert("a message", byte[].class), Object.class))
			.isEqualTo("a message");
	}

	@Test
	void twoRequestsOfOneSessionMayAddTheSameAttributeAtOnce() {
		addTheSameAttributeTwice(this.sessions);
	}

	@Test
	void expiredSessionsAreDeletedWithTheirAttributes() {
		String expired = storeSession(this.sessions, Instant.now().minus(Duration.ofHours(2)));
		String live = storeSession(this.sessions, Instant.now());
		assertThat(rowsOf(expired)).isEqualTo(2);

		// What Spring Session's cleanup job (spring.session.jdbc.cleanup-cron, every minute) runs on each node.
		((org.springframework.session.jdbc.JdbcIndexedSessionRepository) this.sessions).cleanUpExpiredSessions();

		assertThat(rowsOf(expired)).isZero();
		assertThat(rowsOf(live)).isEqualTo(2);
	}

	private <S extends Session> void addTheSameAttributeTwice(FindByIndexNameSessionRepository<S> repository) {
		S created = repository.createSession();
		repository.save(created);
		S first = repository.findById(created.getId());
		S second = repository.findById(created.getId());

		first.setAttribute("message", "from the first request");
		second.setAttribute("message", "from the second request");
		repository.save(first);
		repository.save(second);

		assertThat(repository.findById(created.getId()).<String>getAttribute("message"))
			.isEqualTo("from the second request");
	}

	private <S extends Session> String storeSession(FindByIndexNameSessionRepository<S> repository, Instant lastAccess) {
		S session = repository.createSession();
		session.setAttribute("message", "kept until the session expires");
		session.setLastAccessedTime(lastAccess);
		repository.save(session);
		return session.getId();
	}

	/** The session's row and its attribute rows. */
	private int rowsOf(String sessionId) {
		return this.jdbc.queryForObject("select count(*) from SPRING_SESSION where SESSION_ID = ?", Integer.class, sessionId)
				+ this.jdbc.queryForObject("select count(*) from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s"
						+ " on s.PRIMARY_ID = a.SESSION_PRIMARY_ID where s.SESSION_ID = ?", Integer.class, sessionId);
	}

	/** The browser's session as stored, every attribute read with a strict deserializer (a failure fails the test). */
	private Map<String, Object> stored(HttpBrowser browser) {
		DeserializingConverter strict = new DeserializingConverter(getClass().getClassLoader());
		Map<String, Object> attributes = new LinkedHashMap<>();
		this.jdbc.query("select a.ATTRIBUTE_NAME, a.ATTRIBUTE_BYTES from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s"
				+ " on s.PRIMARY_ID = a.SESSION_PRIMARY_ID where s.SESSION_ID = ?",
				row -> {
					attributes.put(row.getString(1), strict.convert(row.getBytes(2)));
				}, sessionId(browser));
		assertThat(attributes).as("the session is in the database").isNotEmpty();
		return attributes;
	}

	private byte[] attributeBytes(HttpBrowser browser, String name) {
		return this.jdbc.queryForObject("select a.ATTRIBUTE_BYTES from SPRING_SESSION_ATTRIBUTES a join SPRING_SESSION s"
				+ " on s.PRIMARY_ID = a.SESSION_PRIMARY_ID where s.SESSION_ID = ? and a.ATTRIBUTE_NAME = ?",
				(row, n) -> row.getBytes(1), sessionId(browser), name);
	}

	private static String sessionId(HttpBrowser browser) {
		return new String(Base64.getDecoder().decode(browser.sessionCookie()), StandardCharsets.US_ASCII);
	}

	/** In Java serialization a class descriptor is the class name followed by its 8-byte serialVersionUID. */
	private static void changeSerialVersionUid(byte[] serialized, String className) {
		byte[] name = className.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i + name.length + 8 <= serialized.length; i++) {
			if (java.util.Arrays.equals(serialized, i, i + name.length, name, 0, name.length)) {
				serialized[i + name.length + 7] ^= 0x5A;
				return;
			}
		}
		throw new AssertionError(className + " is not in the stored bytes");
	}

}
