package com.licensingportal.hostile;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.device.Device;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.offline.OfflineActivationService;
import com.licensingportal.offline.OfflineActivationTest;
import com.licensingportal.support.Committed;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.base.EmailAddressValidator;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.transfer.ChannelTransfer;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.user.LinkToken;
import com.licensingportal.user.LinkTokens;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input catalogue (issue 8): every row is one refused input, on a page (a browser's session with
 * its CSRF token), the REST API, an upload or a URL, sent over real HTTP to the server on its random port, so
 * that Tomcat's limits, the security filters and the error pages all take part. Each row says what it sends,
 * the 4xx it expects and a part of the sentence the user must read, and each is checked for:
 * <ul>
 * <li>exactly that status (so never a 5xx), with the sentence in an HTML page for pages, uploads and URLs, or in
 * problem+json for the API, and no script from the input unescaped on an HTML page;</li>
 * <li>a {@link DatabaseSnapshot} taken before and after that is the same: every portal table's rows and the
 * count of Camunda's runtime tables (no process started, no job, no task). What it leaves out, and why, is
 * {@link DatabaseSnapshot#EXCLUDED}.</li>
 * </ul>
 * Accepted input with markup is the other half of the rule: see ScriptPayloadEscapingTest.
 */
class HostileInputCatalogueTest extends PortalIntegrationTest {

	/** Where the input goes in. */
	enum Surface {

		PAGE, API, UPLOAD, URL

	}

	/** One row of the catalogue. */
	record Case(Surface surface, String where, String input, int status, String message, Sender send) {

		String name() {
			return "%-6s %s · %s → %d".formatted(this.surface, this.where, this.input, this.status);
		}

	}

	@FunctionalInterface
	interface Sender {

		Page send(World world) throws Exception;

	}

	static final String SCRIPT = "<script>alert('hostile')</script>";

	static final String RLO = "\u202E";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private static final Map<String, Integer> COUNTS = new LinkedHashMap<>();

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@TestFactory
	Stream<DynamicContainer> everyRefusedInputAnswers4xxWithAClearMessageAndChangesNothing() {
		World world = new World(this.context, baseUrl());
		Map<String, List<Case>> catalogue = new LinkedHashMap<>();
		catalogue.put("Amounts: negative, zero, huge, not a number", amounts());
		catalogue.put("Text: control, zero-width and right-to-left override characters", invisibleText());
		catalogue.put("Script payloads where markup cannot be a value", scriptPayloads());
		catalogue.put("SQL meta-characters", sqlMetaCharacters());
		catalogue.put("Oversized bodies, fields and uploads", oversized());
		catalogue.put("Malformed JSON, CSV, request and license files", malformedFiles());
		catalogue.put("Wrong content types", wrongContentTypes());
		catalogue.put("Missing, forged and stale CSRF tokens", csrf());
		catalogue.put("Expired, used and forged links and tokens", links());
		catalogue.put("Path tricks in file names and URLs", pathTricks());
		catalogue.put("Wrong ids, methods and states", idsMethodsAndStates());
		catalogue.put("Email addresses a mail server would not take as one mailbox", emailAddresses());
		catalogue.put("Page numbers and nesting depths", pagesAndDepths());
		Map<Surface, Integer> bySurface = new EnumMap<>(Surface.class);
		Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
		catalogue.forEach((category, cases) -> {
			COUNTS.put(category, cases.size());
			cases.forEach(c -> {
				bySurface.merge(c.surface(), 1, Integer::sum);
				byStatus.merge(c.status(), 1, Integer::sum);
			});
		});
		System.out.println("Hostile input catalogue: " + catalogue.values().stream().mapToInt(List::size).sum()
				+ " cases; by category " + COUNTS + "; by surface " + bySurface + "; by status " + byStatus);
		return catalogue.entrySet()
			.stream()
			.map(category -> DynamicContainer.dynamicContainer(category.getKey(), category.getValue()
				.stream()
				.map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, world)))));
	}

	private void check(Case c, World world) throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.dataSource);
		Page answer = c.send().send(world);
		DatabaseSnapshot after = DatabaseSnapshot.take(this.dataSource);

		String body = answer.body();
		assertThat(answer.status()).as("%s answered %s", c.name(), abbreviated(body)).isEqualTo(c.status());
		assertThat(answer.status()).isBetween(400, 499);
		assertThat(answer.header("X-Content-Type-Options")).as("%s says nosniff", c.name()).isEqualTo("nosniff");
		String contentType = String.valueOf(answer.header("Content-Type"));
		if (c.surface() == Surface.API) {
			assertThat(contentType).as(c.name()).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(body);
			assertThat(problem.path("status").asInt()).isEqualTo(c.status());
			assertThat(problem.path("detail").asText()).as(c.name()).contains(c.message());
		}
		else {
			assertThat(contentType).as(c.name()).startsWith("text/html");
			assertThat(HtmlUtils.htmlUnescape(body)).as(c.name()).contains(c.message());
			assertThat(body).as("%s shows the input's markup escaped", c.name()).doesNotContain("<script>alert(");
		}
		assertThat(after.differencesFrom(before)).as("%s changed the database", c.name()).isEmpty();
	}

	// ---------------------------------------------------------------------------------------------------------
	// The catalogue
	// ---------------------------------------------------------------------------------------------------------

	private static List<Case> amounts() {
		return List.of(
				page("Activate: channels", "-3", 422, "Enter a number of channels of 0 or more for",
						w -> w.activate("-3")),
				page("Activate: channels", "0 (only)", 422, "Enter a number of channels for at least one license.",
						w -> w.activate("0")),
				page("Activate: channels", "99999999999", 422, "as a whole number", w -> w.activate("99999999999")),
				page("Activate: channels", "2147483647", 409, "are left, not 2147483647. Nothing was activated.",
						w -> w.activate("2147483647")),
				page("Activate: channels", "five", 422, "as a whole number", w -> w.activate("five")),
				page("Activate: channels", "1e3", 422, "as a whole number", w -> w.activate("1e3")),
				page("Activate: channels", "2.5", 422, "as a whole number", w -> w.activate("2.5")),
				page("Transfer: amount", "-5", 422, "Enter the number of channels as a whole number, such as 5.",
						w -> w.transfer("-5", w.foreign.getAccountNumber())),
				page("Transfer: amount", "0", 422, "Enter a number of channels of 1 or more.",
						w -> w.transfer("0", w.foreign.getAccountNumber())),
				page("Transfer: amount", "9999999999", 422, "as a whole number, such as 5",
						w -> w.transfer("9999999999", w.foreign.getAccountNumber())),
				page("Transfer: amount", "999999999", 409, "are available, not 999999999",
						w -> w.transfer("999999999", w.foreign.getAccountNumber())),
				page("Transfer: amount", "ten", 422, "as a whole number, such as 5",
						w -> w.transfer("ten", w.foreign.getAccountNumber())),
				page("Return channels: quantity", "-1", 422, "Enter a number of channels of 1 or more.",
						w -> w.deactivate("-1")),
				page("Return channels: quantity", "0", 422, "Enter a number of channels of 1 or more.",
						w -> w.deactivate("0")),
				page("Return channels: quantity", "99999999999", 422, "as a whole number", w -> w.deactivate("99999999999")),
				page("Return channels: quantity", "1000", 409, "channels of", w -> w.deactivate("1000")),
				page("List Entitlements: available at least", "-1", 422, "Available quantity must be a whole number",
						w -> w.customerAdmin.open("/entitlements?availableMin=-1")),
				page("List Entitlements: page size", "lots", 422, "The page size must be a number.",
						w -> w.customerAdmin.open("/entitlements?size=lots")),
				page("List Entitlements: page", "99999999999", 422, "The page must be a number.",
						w -> w.customerAdmin.open("/entitlements?page=99999999999")),
				page("Export All Matching: expiring before", "soon", 422, "Expiring before must be a date such as 2027-01-31.",
						w -> w.customerAdmin.open("/entitlements/export?expiringBefore=soon")),
				api("GET /api/v1/entitlements: expiringBefore", "2027-02-30", 422, "Expiring before must be a date",
						w -> w.api("GET", "/api/v1/entitlements?expiringBefore=2027-02-30", w.adminToken, null, null)),
				api("POST /api/v1/activations: quantity", "0", 422, "Activate 1 channel or more.",
						w -> w.apiActivate("0")),
				api("POST /api/v1/activations: quantity", "-4", 422, "Activate 1 channel or more.",
						w -> w.apiActivate("-4")),
				api("POST /api/v1/activations: quantity", "1.5", 400, "'licenses[0].quantity' must be a whole number",
						w -> w.apiActivate("1.5")),
				api("POST /api/v1/activations: quantity", "99999999999", 400,
						"'licenses[0].quantity' must be a whole number", w -> w.apiActivate("99999999999")),
				api("POST /api/v1/activations: quantity", "\"four\"", 400, "'licenses[0].quantity' must be a whole number",
						w -> w.apiActivate("\"four\"")),
				api("POST /api/v1/activations: quantity", "2147483647", 409, "are left, not 2147483647",
						w -> w.apiActivate("2147483647")),
				api("POST /api/v1/transfers: amount", "-1", 422, "1 or more", w -> w.apiTransfer("-1")),
				api("POST /api/v1/transfers: amount", "0", 422, "1 or more", w -> w.apiTransfer("0")),
				api("POST /api/v1/transfers: amount", "1e400", 422, "whole number of channels", w -> w.apiTransfer("1e400")),
				api("POST /api/v1/transfers: amount", "2.5", 422, "whole number of channels", w -> w.apiTransfer("2.5")),
				api("POST /api/v1/transfers: amount", "\"lots\"", 400, "'amount' must be a number",
						w -> w.apiTransfer("\"lots\"")),
				api("DELETE /api/v1/devices/{id}/licenses/{id}: quantity", "-2", 422, "1 or more",
						w -> w.api("DELETE", w.deviceLicensePath() + "?quantity=-2", w.adminToken, null, null)),
				api("DELETE /api/v1/devices/{id}/licenses/{id}: quantity", "abc", 400, "'quantity' must be a whole number",
						w -> w.api("DELETE", w.deviceLicensePath() + "?quantity=abc", w.adminToken, null, null)),
				api("POST /api/v1/auth/token: expiresInDays", "0", 422, "A token is valid for 1 to 365 days.",
						w -> w.api("POST", "/api/v1/auth/token", null, "application/json",
								"{\"email\": \"" + w.customerAdminUser.getEmail() + "\", \"password\": \"x\", \"expiresInDays\": 0}")),
				api("GET /api/v1/entitlements: page", "-1", 422, "The page must be 1 or more.",
						w -> w.api("GET", "/api/v1/entitlements?page=-1", w.adminToken, null, null)),
				api("GET /api/v1/entitlements: size", "7", 422, "The page size must be one of 10, 25, 50, 100.",
						w -> w.api("GET", "/api/v1/entitlements?size=7", w.adminToken, null, null)),
				api("GET /api/v1/devices: page", "abc", 400, "'page' must be a whole number",
						w -> w.api("GET", "/api/v1/devices?page=abc", w.adminToken, null, null)));
	}

	private static List<Case> invisibleText() {
		return List.of(
				page("Request access: organisation", "RIGHT-TO-LEFT OVERRIDE", 422,
						"invisible or control characters from the name of your organisation.",
						w -> w.register("organisation", "Harbor" + RLO + "scitsigoL")),
				page("Request access: organisation", "an emoji", 422,
						"the emoji and the invisible or control characters from the name of your organisation.",
						w -> w.register("organisation", "Bayside Security \uD83D\uDCF9")),
				api("POST /api/v1/users: first name", "an emoji", 422, "the emoji and the invisible or control characters",
						w -> w.apiCreateUser(unique("emoji") + "@fixture.example", "Ines \uD83D\uDE00", "Stall")),
				page("User page: first name", "a character beyond the Basic Multilingual Plane", 422,
						"the emoji and the invisible or control characters",
						w -> w.updateCustomerUser("firstName", "\uD842\uDFB7ichi")),
				page("Request access: first name", "ZERO WIDTH SPACE", 422,
						"invisible or control characters from your first name.",
						w -> w.register("firstName", "Ja\u200Bna")),
				page("Request access: last name", "BEL control character", 422,
						"invisible or control characters from your last name.",
						w -> w.register("lastName", "No\u0007vak")),
				page("Request access: proof", "line break", 422,
						"invisible or control characters from the sales order or Entitlement ID.",
						w -> w.register("proof", "E-20261127-0001\nBcc: everyone@example.com")),
				page("Request access: message", "FIRST STRONG ISOLATE", 422,
						"invisible or control characters from the message.",
						w -> w.register("message", "Please \u2068approve\u2069 us")),
				api("POST /api/v1/registrations: organisation", "ZERO WIDTH NO-BREAK SPACE", 422,
						"invisible or control characters from the name of your organisation.",
						w -> w.apiRegister("organisation", "\uFEFFBayside")),
				page("Create user: first name", "LEFT-TO-RIGHT OVERRIDE", 422, "invisible or control characters",
						w -> w.partnerAdmin.postForm("/users/new", "email", unique("ltr") + "@fixture.example", "firstName",
								"Ev\u202De", "lastName", "Tester")),
				page("User page: last name", "POP DIRECTIONAL ISOLATE", 422, "invisible or control characters",
						w -> w.updateCustomerUser("lastName", "User\u2069")),
				page("User page: address", "ZERO WIDTH JOINER", 422, "invisible or control characters",
						w -> w.updateCustomerUser("address", "Harbor Road 1\u200D")),
				api("POST /api/v1/users: last name", "WORD JOINER", 422, "invisible or control characters",
						w -> w.apiCreateUser(unique("wj") + "@fixture.example", "Ines", "St\u2060all")),
				api("POST /api/v1/users: email", "RIGHT-TO-LEFT OVERRIDE", 422, "Enter a valid email address",
						w -> w.apiCreateUser("gpj." + RLO + unique("exe") + "@fixture.example", "Ines", "Stall")),
				api("POST /api/v1/auth/token: name", "ZERO WIDTH SPACE", 422,
						"invisible or control characters from the token's name.",
						w -> w.api("POST", "/api/v1/auth/token", null, "application/json", JSON.writeValueAsString(Map.of("email",
								w.customerAdminUser.getEmail(), "password", LicenseFixtures.PASSWORD, "name", "laptop\u200B")))),
				page("API tokens: name", "ZERO WIDTH NON-JOINER", 422,
						"invisible or control characters from the token's name.",
						w -> w.customerAdmin.postForm("/profile/tokens", "name", "laptop\u200C", "validity", "30")),
				page("Activate: new device's name", "NUL", 422,
						"invisible or control characters from the device's name.",
						w -> w.activateNewDevice("NVR\u0000-01", unique("HOST"))),
				api("POST /api/v1/activations: hostId", "RIGHT-TO-LEFT OVERRIDE", 422,
						"invisible or control characters from the device's host ID.",
						w -> w.apiActivateNewDevice("NVR-02", "4C4C" + RLO + "4544")),
				api("POST /api/v1/activations: deviceName", "half of a surrogate pair", 422,
						"invisible or control characters from the device's name.",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "application/json",
								"{\"deviceName\": \"NVR-\\ud800\", \"hostId\": \"" + unique("HOST") + "\", \"licenses\": "
										+ "[{\"activationId\": \"" + w.item.getActivationId() + "\", \"quantity\": 1}]}")),
				upload("Activate offline: deviceName", "RIGHT-TO-LEFT OVERRIDE", 422,
						"invisible or control characters, which a name cannot have",
						w -> w.uploadRequestFile(w.requestFile("NVR" + RLO + "-03", unique("HOST"), nonce(), 1))));
	}

	private static List<Case> scriptPayloads() {
		return List.of(
				page("Request access: email", SCRIPT + "@x.example", 422, "Enter a valid email address",
						w -> w.register("email", SCRIPT + "@x.example")),
				page("Forgot Password?: email", SCRIPT, 422, "Enter a valid email address",
						w -> w.anonymous.postForm("/forgot-password", "email", SCRIPT)),
				page("Log in: email", SCRIPT, 401, "The email or password is not right.",
						w -> w.anonymous.postForm("/login", "email", SCRIPT, "password", "whatever-it-is")),
				page("Transfer: target account", SCRIPT, 422, "is not one of your accounts",
						w -> w.transfer("2", SCRIPT)),
				api("POST /api/v1/transfers: targetAccountNumber", SCRIPT, 422, "is not one of your accounts",
						w -> w.api("POST", "/api/v1/transfers", w.adminToken, "application/json",
								"{\"activationId\": \"" + w.item.getActivationId() + "\", \"amount\": 1, "
										+ "\"targetAccountNumber\": \"<script>alert('hostile')</script>\"}")),
				page("List Entitlements: account", SCRIPT, 422, "None of your accounts has the number",
						w -> w.customerAdmin.open("/entitlements?owner=" + encoded(SCRIPT))),
				api("GET /api/v1/entitlements: owner", SCRIPT, 422, "None of your accounts has the number",
						w -> w.api("GET", "/api/v1/entitlements?owner=" + encoded(SCRIPT), w.adminToken, null, null)),
				page("Activate: existing device", SCRIPT, 422, "Choose one of your devices.",
						w -> w.customerAdmin.postForm("/devices/activate", "target", "existing", "device", SCRIPT,
								"channels[" + w.item.getActivationId() + "]", "1")),
				page("Create user: email", "<img src=x onerror=alert(1)>", 422, "Enter a valid email address",
						w -> w.partnerAdmin.postForm("/users/new", "email", "<img src=x onerror=alert(1)>", "firstName",
								"Img", "lastName", "Tag")),
				url("A license's page", "/entitlements/<script>alert(…)", 404, "The page you asked for does not exist",
						w -> w.customerAdmin.open("/entitlements/" + encoded("<script>alert('hostile')"))));
	}

	private static List<Case> sqlMetaCharacters() {
		return List.of(
				page("Log in: email", "' OR '1'='1", 401, "The email or password is not right.",
						w -> w.anonymous.postForm("/login", "email", "' OR '1'='1", "password", "' OR '1'='1")),
				page("Forgot Password?: email", "' OR 1=1 --", 422, "Enter a valid email address",
						w -> w.anonymous.postForm("/forgot-password", "email", "' OR 1=1 --")),
				url("A license's page", "1' OR '1'='1", 404, "The page you asked for does not exist",
						w -> w.customerAdmin.open("/entitlements/" + encoded("1' OR '1'='1"))),
				api("GET /api/v1/entitlements/{activationId}", "' OR 1=1--", 404, "was not found",
						w -> w.api("GET", "/api/v1/entitlements/" + encoded("' OR 1=1--"), w.adminToken, null, null)),
				api("GET /api/v1/devices/{deviceId}", "D-1' OR 'x'='x", 404, "was not found",
						w -> w.api("GET", "/api/v1/devices/" + encoded("D-1' OR 'x'='x"), w.adminToken, null, null)),
				api("GET /api/v1/devices/{deviceId}", "D-1';DROP TABLE device;--", 400, "The portal could not read this request",
						w -> w.rawApi("GET", "/api/v1/devices/D-1'%3BDROP%20TABLE%20device%3B--", w.adminToken)),
				api("GET /api/v1/entitlements: sort", "activationId;DROP TABLE line_item", 422, "Sort by one of",
						w -> w.api("GET", "/api/v1/entitlements?sort=" + encoded("activationId;DROP TABLE line_item"),
								w.adminToken, null, null)),
				api("GET /api/v1/entitlements: dir", "desc; --", 422, "The sort direction must be asc or desc.",
						w -> w.api("GET", "/api/v1/entitlements?dir=" + encoded("desc; --"), w.adminToken, null, null)),
				page("Activate: existing device", "D-X' OR 'a'='a", 422, "Choose one of your devices.",
						w -> w.customerAdmin.postForm("/devices/activate", "target", "existing", "device", "D-X' OR 'a'='a",
								"channels[" + w.item.getActivationId() + "]", "1")),
				page("Transfer: target account", "A-' OR ''='", 422, "is not one of your accounts",
						w -> w.transfer("2", "A-' OR ''='")),
				api("POST /api/v1/transfers: activationId", "' OR 1=1 --", 404, "was not found",
						w -> w.api("POST", "/api/v1/transfers", w.adminToken, "application/json",
								"{\"activationId\": \"' OR 1=1 --\", \"amount\": 1, \"targetAccountNumber\": \""
										+ w.foreign.getAccountNumber() + "\"}")),
				api("DELETE /api/v1/users/{userId}", "1 OR 1=1", 400, "'userId' must be a whole number",
						w -> w.api("DELETE", "/api/v1/users/" + encoded("1 OR 1=1"), w.adminToken, null, null)),
				url("A user's page", "/users/1 OR 1=1", 400, "The portal could not read this request",
						w -> w.customerAdmin.open("/users/" + encoded("1 OR 1=1"))),
				api("POST /api/v1/auth/token: email", "admin'--", 401, "The email or password is not right.",
						w -> w.api("POST", "/api/v1/auth/token", null, "application/json",
								"{\"email\": \"admin'--\", \"password\": \"' OR ''='\"}")),
				api("POST /api/v1/registrations: email", "a'--@x", 422, "Enter a valid email address",
						w -> w.apiRegister("email", "a'--@x")));
	}

	private static List<Case> oversized() {
		return List.of(
				page("API tokens: name", "3 MB form", 413, "What you sent is too large",
						w -> w.customerAdmin.postForm("/profile/tokens", "name", "x".repeat(3 * 1024 * 1024))),
				page("API tokens: name", "101 characters", 422, "Give the token a name of 1 to 100 characters.",
						w -> w.customerAdmin.postForm("/profile/tokens", "name", "x".repeat(101), "validity", "30")),
				page("Request access: organisation", "201 characters", 422,
						"Use at most 200 characters for the organisation.", w -> w.register("organisation", "x".repeat(201))),
				page("Request access: message", "2,001 characters", 422, "Use at most 2000 characters for the message.",
						w -> w.register("message", "x".repeat(2001))),
				page("Export Selected Items", "20,000 ticked rows", 400, "The portal could not read this request",
						w -> w.customerAdmin.postForm("/entitlements/export", manyFields("selected", 20_000))),
				page("Export Selected Items", "1,001 ticked rows", 422, "Select at most 1000 licenses",
						w -> w.customerAdmin.postForm("/entitlements/export", manyFields("selected", 1001))),
				upload("Activate offline", "14 MB file (over the server's upload limit)", 413, "What you sent is too large",
						w -> w.uploadRequestFile(new byte[14 * 1024 * 1024])),
				upload("Activate offline", "64 KiB + 1 byte", 413, "larger than 64 KiB",
						w -> w.uploadRequestFile(spaces(64 * 1024 + 1))),
				api("POST /api/v1/activations/offline", "64 KiB + 1 byte", 413, "larger than 64 KiB",
						w -> w.api("POST", "/api/v1/activations/offline", w.adminToken, "application/json",
								new String(spaces(64 * 1024 + 1), StandardCharsets.UTF_8))),
				api("POST /api/v1/activations", "2 MiB body", 413, "larger than 1 MiB",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "application/json",
								"{\"deviceName\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}")),
				page("Log in: password", "100 characters (a bcrypt user)", 401, "The email or password is not right.",
						w -> w.anonymous.postForm("/login", "email", w.bcryptUser.getEmail(), "password", "p".repeat(100))),
				api("POST /api/v1/auth/token: password", "150 characters (a bcrypt user)", 401,
						"The email or password is not right.",
						w -> w.api("POST", "/api/v1/auth/token", null, "application/json", JSON.writeValueAsString(Map.of(
								"email", w.bcryptUser.getEmail(), "password", "p".repeat(150))))),
				page("Invitation: set password", "73 bytes", 422, "The password is too long",
						w -> w.anonymous.postForm("/invitations/" + w.liveInvitation, "password", "Ä".repeat(37),
								"repeatPassword", "Ä".repeat(37))),
				api("POST /api/v1/users: first name", "101 characters", 422, "Use at most 100 characters.",
						w -> w.apiCreateUser(unique("long") + "@fixture.example", "x".repeat(101), "Long")),
				api("POST /api/v1/activations: deviceName", "201 characters", 422,
						"The device's name can have at most 200 characters.",
						w -> w.apiActivateNewDevice("x".repeat(201), unique("HOST"))),
				api("GET /api/v1/entitlements/export: activationIds", "1,001 of them", 422, "Name at most 1000 Activation IDs",
						w -> w.api("GET", "/api/v1/entitlements/export?activationIds=" + String.join(",",
								java.util.stream.IntStream.range(0, 1001).mapToObj(Integer::toString).toList()),
								w.adminToken, null, null)),
				api("POST /api/v1/transfers", "a form of 3,000 fields", 400, "more than 2,000",
						w -> w.api("POST", "/api/v1/transfers", w.adminToken, "application/x-www-form-urlencoded",
								HttpBrowser.formBody(manyFields("amount", 3000)))),
				url("List Entitlements", "a 20 KB address", 400, "The portal could not read this request",
						w -> w.customerAdmin.open("/entitlements?product=" + "x".repeat(20_000))));
	}

	private static List<Case> malformedFiles() {
		return List.of(
				api("POST /api/v1/activations", "{", 400, "not valid JSON",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "application/json", "{")),
				api("POST /api/v1/activations", "empty body", 400, "not valid JSON",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "application/json", "")),
				api("POST /api/v1/activations", "a list instead of an object", 400, "not valid JSON",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "application/json", "[]")),
				api("POST /api/v1/transfers: amount", "{\"$gt\": 1}", 400, "'amount' must be a number",
						w -> w.apiTransfer("{\"$gt\": 1}")),
				api("POST /api/v1/users: accounts", "\"all\"", 400, "'accounts' must be a list",
						w -> w.api("POST", "/api/v1/users", w.partnerToken, "application/json",
								"{\"email\": \"" + unique("all") + "@fixture.example\", \"firstName\": \"A\", "
										+ "\"lastName\": \"B\", \"accounts\": \"all\"}")),
				api("POST /api/v1/registrations", "not UTF-8", 400, "not valid JSON",
						w -> w.apiRaw("POST", "/api/v1/registrations", null, "application/json",
								new byte[] { '{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' })),
				api("POST /api/v1/registrations", "nested 5,000 deep", 400, "not valid JSON",
						w -> w.api("POST", "/api/v1/registrations", null, "application/json",
								"[".repeat(5000) + "]".repeat(5000))),
				upload("Activate offline", "not JSON", 400, "The file is not valid JSON",
						w -> w.uploadRequestFile("hello".getBytes(StandardCharsets.UTF_8))),
				upload("Activate offline", "a JSON list", 400, "The file must hold one JSON object.",
						w -> w.uploadRequestFile("[1, 2]".getBytes(StandardCharsets.UTF_8))),
				upload("Activate offline", "formatVersion 2", 422, "\"formatVersion\" must be 1.",
						w -> w.uploadRequestFile(w.requestFileWith("formatVersion", 2))),
				upload("Activate offline", "a field twice", 400, "Duplicate field 'hostId'",
						w -> w.uploadRequestFile(new String(w.requestFile("NVR", unique("HOST"), nonce(), 1),
								StandardCharsets.UTF_8).replaceFirst("\\{", "{\"hostId\": \"twice\", ").getBytes(StandardCharsets.UTF_8))),
				upload("Activate offline", "an unknown field", 422, "a field the format does not know: \"admin\"",
						w -> w.uploadRequestFile(w.requestFileWith("admin", true))),
				upload("Activate offline", "a nonce of 5 characters", 422, "\"nonce\" must be 16 to 128",
						w -> w.uploadRequestFile(w.requestFile("NVR", unique("HOST"), "short", 1))),
				upload("Activate offline", "createdAt yesterday", 422, "\"createdAt\" must be a date and time",
						w -> w.uploadRequestFile(w.requestFileWith("createdAt", "yesterday"))),
				upload("Activate offline", "activationId not one", 422, "must be an Activation ID",
						w -> w.uploadRequestFile(w.requestFile("NVR", unique("HOST"), nonce(), "NOT-AN-ID", 1))),
				upload("Activate offline", "quantity 0", 422, "\"quantity\" must be a whole number of channels from 1",
						w -> w.uploadRequestFile(w.requestFile("NVR", unique("HOST"), nonce(), 0))),
				upload("Activate offline", "quantity 100,001", 422, "\"quantity\" must be a whole number of channels from 1",
						w -> w.uploadRequestFile(w.requestFile("NVR", unique("HOST"), nonce(), 100_001))),
				upload("Activate offline", "a request file used before", 409, "it was already used",
						w -> w.uploadRequestFile(w.usedRequestFile)),
				upload("Activate offline", "another account's license", 404, "is not one of your licenses.",
						w -> w.uploadRequestFile(w.requestFile("NVR", unique("HOST"), nonce(), w.foreignItem.getActivationId(), 1))),
				upload("Activate offline", "a signed license file instead", 422, "a field the format does not know",
						w -> w.uploadRequestFile(w.licenseFile)),
				api("POST /api/v1/activations/offline", "a signed license file instead", 422,
						"a field the format does not know",
						w -> w.apiRaw("POST", "/api/v1/activations/offline", w.adminToken, "application/json", w.licenseFile)),
				api("POST /api/v1/activations/offline", "trailing garbage", 400, "The file is not valid JSON",
						w -> w.apiRaw("POST", "/api/v1/activations/offline", w.adminToken, "application/json",
								(new String(w.requestFile("NVR", unique("HOST"), nonce(), 1), StandardCharsets.UTF_8) + " }{")
									.getBytes(StandardCharsets.UTF_8))),
				upload("Activate offline", "a CSV export", 415, "it must be a JSON file (application/json), not text/csv",
						w -> w.customerAdmin.upload("/devices/activate-offline", "requestFile", "entitlements.csv", "text/csv",
								"Activation ID,Entitlement ID\r\n=cmd|' /C calc'!A0,E-1\r\n".getBytes(StandardCharsets.UTF_8))),
				api("POST /api/v1/activations/offline", "CSV said to be JSON", 400, "The file is not valid JSON",
						w -> w.api("POST", "/api/v1/activations/offline", w.adminToken, "application/json",
								"Activation ID,Quantity\r\n7KQ2-9XTM-C4HP-R8WD,4\r\n")),
				page("Activate: a parameter name", "channels[ (unclosed)", 422, "Enter a number of channels for at least one license.",
						w -> w.customerAdmin.postForm("/devices/activate", "target", "new", "name", "NVR", "hostId",
								unique("HOST"), "channels[", "1")),
				page("Activate: a parameter name", "channels[X][Y]", 400, "that this page does not know",
						w -> w.customerAdmin.postForm("/devices/activate", "target", "new", "name", "NVR", "hostId",
								unique("HOST"), "channels[" + w.item.getActivationId() + "][x]", "1")),
				page("Activate: a parameter name", "class.module.classLoader.URLs[0]", 422,
						"Enter a number of channels for at least one license.",
						w -> w.customerAdmin.postForm("/devices/activate", "target", "new", "name", "NVR", "hostId",
								unique("HOST"), "account", w.customer.getAccountNumber(), "class.module.classLoader.URLs[0]", "0")),
				page("Transfer: amount", "given twice, 5 and 7", 422, "as a whole number, such as 5",
						w -> w.customerAdmin.postForm("/transfers/new", "activationId", w.item.getActivationId(), "amount", "5",
								"amount", "7", "target", w.foreign.getAccountNumber(), "addToExisting", "no", "confirmed", "true")),
				upload("Activate offline", "a multipart body without its end", 400, "The portal could not read this request",
						w -> w.customerAdmin.send(HttpRequest.newBuilder(w.customerAdmin.uri("/devices/activate-offline"))
							.header("Content-Type", "multipart/form-data; boundary=cut")
							.POST(HttpRequest.BodyPublishers.ofString("--cut\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
									+ w.customerAdmin.csrf() + "\r\n--cut\r\nContent-Disposition: form-data; name=\"requestFile\"; "
									+ "filename=\"r.json\"\r\n\r\n{\"formatVersion\": 1")))),
				api("GET /api/v1/entitlements: a parameter name", "page[x]", 400, "that this call does not know",
						w -> w.api("GET", "/api/v1/entitlements?page%5Bx%5D=1", w.adminToken, null, null)),
				api("POST /api/v1/activations: licenses", "the same Activation ID twice", 422, "is listed twice",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "application/json",
								"{\"deviceName\": \"NVR\", \"hostId\": \"" + unique("HOST") + "\", \"licenses\": [{\"activationId\": \""
										+ w.item.getActivationId() + "\", \"quantity\": 1}, {\"activationId\": \""
										+ w.item.getActivationId().toLowerCase(Locale.ROOT) + "\", \"quantity\": 1}]}")),
				api("POST /api/v1/users: accounts", "[null]", 422, "Give each account as",
						w -> w.api("POST", "/api/v1/users", w.adminToken, "application/json",
								"{\"email\": \"" + unique("nul") + "@fixture.example\", \"firstName\": \"A\", "
										+ "\"lastName\": \"B\", \"accounts\": [null]}")),
				api("GET /api/v1/entitlements/export: activationIds", ",,,", 422, "Name at least one Activation ID to export.",
						w -> w.api("GET", "/api/v1/entitlements/export?activationIds=,,,", w.adminToken, null, null)),
				api("GET /api/v1/entitlements/export", "activationIds and filters", 422, "Give either filters or activationIds",
						w -> w.api("GET", "/api/v1/entitlements/export?product=ACC&activationIds=" + w.item.getActivationId(),
								w.adminToken, null, null)));
	}

	private static List<Case> wrongContentTypes() {
		return List.of(
				api("POST /api/v1/activations", "text/plain", 415, "Content-Type 'text/plain",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "text/plain", "{}")),
				api("POST /api/v1/activations", "application/xml", 415, "Content-Type 'application/xml",
						w -> w.api("POST", "/api/v1/activations", w.adminToken, "application/xml", "<activation/>")),
				api("POST /api/v1/users", "a form", 415, "Content-Type 'application/x-www-form-urlencoded",
						w -> w.api("POST", "/api/v1/users", w.partnerToken, "application/x-www-form-urlencoded", "email=x")),
				api("POST /api/v1/registrations", "no content type", 415, "is not supported",
						w -> w.api("POST", "/api/v1/registrations", null, null, "{}")),
				api("POST /api/v1/activations/offline", "text/csv", 415, "it must be a JSON file (application/json), not text/csv",
						w -> w.apiRaw("POST", "/api/v1/activations/offline", w.adminToken, "text/csv",
								w.requestFile("NVR", unique("HOST"), nonce(), 1))),
				api("POST /api/v1/activations/offline", "no content type", 415, "not a file of unknown type",
						w -> w.apiRaw("POST", "/api/v1/activations/offline", w.adminToken, null,
								w.requestFile("NVR", unique("HOST"), nonce(), 1))),
				upload("Activate offline", "application/octet-stream", 415, "not application/octet-stream",
						w -> w.customerAdmin.upload("/devices/activate-offline", "requestFile", "request.json",
								"application/octet-stream", w.requestFile("NVR", unique("HOST"), nonce(), 1))),
				upload("Activate offline", "image/png", 415, "not image/png",
						w -> w.customerAdmin.upload("/devices/activate-offline", "requestFile", "request.png", "image/png",
								w.requestFile("NVR", unique("HOST"), nonce(), 1))),
				api("GET /api/v1/entitlements", "Accept: application/xml", 406, "Acceptable representations",
						w -> w.apiAccepting("/api/v1/entitlements", w.adminToken, "application/xml")));
	}

	private static List<Case> csrf() {
		String forged = Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		String expired = "This form has expired. Reload the page and try again.";
		return List.of(
				page("Log in", "no CSRF token", 403, expired,
						w -> w.anonymous.postFormAsIs("/login", "email", w.customerAdminUser.getEmail(), "password",
								LicenseFixtures.PASSWORD)),
				page("Log in", "a forged CSRF token", 403, expired,
						w -> w.anonymous.postFormAsIs("/login", "email", w.customerAdminUser.getEmail(), "password",
								LicenseFixtures.PASSWORD, "_csrf", forged)),
				page("Request access", "no CSRF token", 403, expired,
						w -> w.anonymous.postFormAsIs("/register", "firstName", "No", "lastName", "Token", "email",
								unique("nocsrf") + "@fixture.example", "phone", "+1 604 555 0100", "organisation", "No Token",
								"accountType", "CUSTOMER", "proof", "E-1")),
				page("API tokens: create", "a forged CSRF token", 403, expired,
						w -> w.customerAdmin.postFormAsIs("/profile/tokens", "name", "forged", "validity", "30", "_csrf",
								forged)),
				page("Transfer", "no CSRF token", 403, expired,
						w -> w.customerAdmin.postFormAsIs("/transfers/new", "activationId", w.item.getActivationId(), "amount",
								"1", "target", w.foreign.getAccountNumber(), "confirmed", "true")),
				page("Return channels", "no CSRF token", 403, expired,
						w -> w.customerAdmin.postFormAsIs("/devices/" + w.device.getDeviceId() + "/deactivate")),
				page("Delete users", "a forged CSRF token", 403, expired,
						w -> w.customerAdmin.postFormAsIs("/users/delete", "ids", String.valueOf(w.customerUserUser.getId()),
								"_csrf", forged)),
				page("Log out", "no CSRF token", 403, expired, w -> w.customerAdmin.postFormAsIs("/logout")),
				page("Create user", "another session's CSRF token", 403, expired,
						w -> w.partnerAdmin.postFormAsIs("/users/new/accounts", "email", unique("stale") + "@fixture.example",
								"firstName", "Stale", "lastName", "Token", "account", String.valueOf(w.customer.getId()),
								"roles-" + w.customer.getId(), "END_USER", "_csrf", w.customerAdmin.csrf())),
				upload("Activate offline", "no CSRF token", 403, expired, w -> w.uploadWithoutCsrf()));
	}

	private static List<Case> links() {
		String invalid = "This link is no longer valid";
		String password = "A-Long-Enough-Password-2026";
		return List.of(
				page("Invitation link", "forged", 404, invalid, w -> w.anonymous.open("/invitations/" + randomToken())),
				page("Invitation link", "expired", 404, invalid, w -> w.anonymous.open("/invitations/" + w.expiredInvitation)),
				page("Invitation link", "used", 404, invalid, w -> w.anonymous.open("/invitations/" + w.usedInvitation)),
				page("Invitation link", "300 characters", 404, invalid,
						w -> w.anonymous.open("/invitations/" + "A".repeat(300))),
				page("Invitation: set password", "expired link", 404, invalid,
						w -> w.anonymous.postForm("/invitations/" + w.expiredInvitation, "password", password,
								"repeatPassword", password)),
				page("Invitation: set password", "used link", 404, invalid,
						w -> w.anonymous.postForm("/invitations/" + w.usedInvitation, "password", password, "repeatPassword",
								password)),
				page("Invitation: set password", "two different passwords", 422, "The two passwords are not the same.",
						w -> w.anonymous.postForm("/invitations/" + w.liveInvitation, "password", password,
								"repeatPassword", password + "!")),
				page("Invitation: set password", "too short", 422, "The password is too short",
						w -> w.anonymous.postForm("/invitations/" + w.liveInvitation, "password", "short", "repeatPassword",
								"short")),
				page("Password reset link", "forged", 404, invalid, w -> w.anonymous.open("/password-reset/" + randomToken())),
				page("Password reset link", "expired", 404, invalid,
						w -> w.anonymous.open("/password-reset/" + w.expiredReset)),
				page("Password reset: new password", "expired link", 404, invalid,
						w -> w.anonymous.postForm("/password-reset/" + w.expiredReset, "password", password, "repeatPassword",
								password)),
				page("Password reset: new password", "used link", 404, invalid,
						w -> w.anonymous.postForm("/password-reset/" + w.usedReset, "password", password, "repeatPassword",
								password)),
				page("Password reset: new password", "an invitation's link", 404, invalid,
						w -> w.anonymous.postForm("/password-reset/" + w.liveInvitation, "password", password,
								"repeatPassword", password)),
				page("License file download", "a file of another device", 404, "The page you asked for does not exist",
						w -> w.customerAdmin.open("/devices/" + w.device.getDeviceId() + "/license-files/" + w.licenseFileId)),
				api("GET /api/v1/accounts", "a forged token", 401, "Send a valid personal access token",
						w -> w.api("GET", "/api/v1/accounts", "lpat_" + randomToken(), null, null)),
				api("GET /api/v1/accounts", "a revoked token", 401, "Send a valid personal access token",
						w -> w.api("GET", "/api/v1/accounts", w.revokedToken, null, null)),
				api("POST /api/v1/activations", "an expired token", 401, "Send a valid personal access token",
						w -> w.apiActivateAs(w.expiredToken, "1")),
				api("GET /api/v1/accounts", "a token of 5,000 characters", 401, "Send a valid personal access token",
						w -> w.api("GET", "/api/v1/accounts", "lpat_" + "A".repeat(5_000), null, null)));
	}

	private static List<Case> pathTricks() {
		String unreadable = "The portal could not read this request";
		return List.of(
				upload("Activate offline: file name", "../../../../etc/passwd", 415, "not text/plain",
						w -> w.customerAdmin.upload("/devices/activate-offline", "requestFile", "../../../../etc/passwd",
								"text/plain", "root:x:0:0:root:/root:/bin/bash\n".getBytes(StandardCharsets.UTF_8))),
				upload("Activate offline: file name", "..\\..\\windows\\win.ini", 400, "The file is not valid JSON",
						w -> w.customerAdmin.upload("/devices/activate-offline", "requestFile", "..\\..\\windows\\win.ini",
								"application/json", "[boot loader]\r\n".getBytes(StandardCharsets.UTF_8))),
				upload("Activate offline: file name", "<script> in the name, no file", 422,
						"Choose the activation request file",
						w -> w.customerAdmin.upload("/devices/activate-offline", "requestFile", SCRIPT + ".json",
								"application/json", new byte[0])),
				url("A device's page", "/devices/..%2F..%2Fetc%2Fpasswd", 400, unreadable,
						w -> w.raw("GET", "/devices/..%2F..%2Fetc%2Fpasswd", w.customerAdmin)),
				url("A device's page", "/devices/%2e%2e/%2e%2e/etc/passwd", 400, unreadable,
						w -> w.raw("GET", "/devices/%2e%2e/%2e%2e/etc/passwd", w.customerAdmin)),
				url("List Entitlements", "/entitlements;jsessionid=x", 400, unreadable,
						w -> w.raw("GET", "/entitlements;jsessionid=x", w.customerAdmin)),
				url("List Entitlements", "//entitlements", 400, unreadable, w -> w.raw("GET", "//entitlements", w.customerAdmin)),
				url("A license's page", "/entitlements/%00", 400, unreadable,
						w -> w.raw("GET", "/entitlements/%00", w.customerAdmin)),
				url("Static files", "/css/../application.yml", 400, unreadable,
						w -> w.raw("GET", "/css/../application.yml", w.customerAdmin)),
				url("Static files", "/webjars/..%252f..%252fapplication.yml", 400, unreadable,
						w -> w.raw("GET", "/webjars/..%252f..%252fapplication.yml", w.customerAdmin)),
				url("Schemas", "/schemas/../../application.yml", 400, unreadable,
						w -> w.raw("GET", "/schemas/../../application.yml", w.customerAdmin)),
				url("License file download", "/devices/{id}/license-files/..%2F1", 400, unreadable,
						w -> w.raw("GET", "/devices/" + w.device.getDeviceId() + "/license-files/..%2F1", w.customerAdmin)),
				url("A license's page", "a backslash", 400, unreadable,
						w -> w.raw("GET", "/entitlements/..\\..\\application.yml", w.customerAdmin)),
				url("A license's page", "/entitlements/%zz", 400, unreadable, w -> w.raw("GET", "/entitlements/%zz", w.customerAdmin)),
				api("GET /api/v1/devices/{deviceId}", "..%2F..%2Fusers", 400, unreadable,
						w -> w.rawApi("GET", "/api/v1/devices/..%2F..%2Fusers", w.adminToken)),
				api("GET /api/v1/entitlements/{activationId}", "..;/..;/accounts", 400, unreadable,
						w -> w.rawApi("GET", "/api/v1/entitlements/..;/..;/accounts", w.adminToken)));
	}

	private static List<Case> idsMethodsAndStates() {
		return List.of(
				api("GET /api/v1/accounts/{accountId}/users", "abc", 400, "'accountId' must be a whole number",
						w -> w.api("GET", "/api/v1/accounts/abc/users", w.adminToken, null, null)),
				api("GET /api/v1/accounts/{accountId}/users", "another account", 404, "was not found",
						w -> w.api("GET", "/api/v1/accounts/" + w.foreign.getId() + "/users", w.adminToken, null, null)),
				api("DELETE /api/v1/users/{userId}", "yourself", 409, "You cannot delete yourself.",
						w -> w.api("DELETE", "/api/v1/users/" + w.customerAdminUser.getId(), w.adminToken, null, null)),
				api("POST /api/v1/users", "an email of a user of your accounts", 409, "is already a user of your accounts",
						w -> w.apiCreateUser(w.customerUserUser.getEmail(), "Dup", "Licate")),
				url("A user's page", "/users/abc", 400, "The portal could not read this request",
						w -> w.customerAdmin.open("/users/abc")),
				url("A transfer's page", "/transfers/T-NOPE-NOPE", 404, "The page you asked for does not exist",
						w -> w.customerAdmin.open("/transfers/T-NOPE-NOPE")),
				api("POST /api/v1/transfers/{id}/cancel", "T-NOPE-NOPE", 404, "was not found",
						w -> w.api("POST", "/api/v1/transfers/T-NOPE-NOPE/cancel", w.adminToken, null, null)),
				api("POST /api/v1/transfers/{id}/cancel", "a cancelled transfer", 409,
						"Only a transfer that is pending approval can be cancelled.",
						w -> w.api("POST", "/api/v1/transfers/" + w.cancelledTransfer + "/cancel", w.adminToken, null, null)),
				page("Transfers: Cancel", "a cancelled transfer", 409,
						"Only a transfer that is pending approval can be cancelled.",
						w -> w.customerAdmin.postForm("/transfers/" + w.cancelledTransfer + "/cancel")),
				page("Transfer", "an expired license", 409, "an expired license cannot be transferred",
						w -> w.customerAdmin.postForm("/transfers/new", "activationId", w.expired.getActivationId(), "amount",
								"1", "target", w.foreign.getAccountNumber(), "addToExisting", "no", "idempotencyKey",
								UUID.randomUUID().toString(), "confirmed", "true")),
				page("Transfer", "another account's license", 404, "The page you asked for does not exist",
						w -> w.customerAdmin.open("/transfers/new?activationId=" + w.foreignItem.getActivationId())),
				api("GET /api/v1/entitlements", "DELETE", 405, "Method 'DELETE' is not supported",
						w -> w.api("DELETE", "/api/v1/entitlements", w.adminToken, null, null)),
				url("Return channels", "GET instead of POST", 405, "This page cannot be used like that",
						w -> w.customerAdmin.open("/devices/" + w.device.getDeviceId() + "/deactivate")),
				page("User page: Resend invitation", "a user who accepted", 409, "has already accepted the invitation",
						w -> w.customerAdmin.postForm("/users/" + w.customerUserUser.getId() + "/invitation")),
				page("Delete users", "yourself", 409, "You cannot delete yourself.",
						w -> w.customerAdmin.postForm("/users/delete", "ids", String.valueOf(w.customerAdminUser.getId()))),
				page("Delete users", "ids=abc", 400, "The portal could not read this request",
						w -> w.customerAdmin.open("/users/delete?ids=abc")),
				page("Delete users", "someone unknown", 404, "The page you asked for does not exist",
						w -> w.customerAdmin.postForm("/users/delete", "ids", "999999999")),
				page("API tokens: revoke", "another user's token", 404, "The page you asked for does not exist",
						w -> w.customerUser.postForm("/profile/tokens/" + w.adminTokenId + "/revoke")),
				page("Action > Transfer", "two licenses ticked", 422, "Select only one license",
						w -> w.customerAdmin.postForm("/entitlements/transfer", "selected", w.item.getActivationId(),
								"selected", w.onDevice.getActivationId())),
				page("Transfer", "no license named", 404, "The page you asked for does not exist",
						w -> w.customerAdmin.open("/transfers/new")),
				api("POST /api/v1/transfers: Idempotency-Key", "101 characters", 422, "at most 100 characters",
						w -> w.apiWithHeader("POST", "/api/v1/transfers", w.adminToken, "Idempotency-Key", "k".repeat(101),
								"{\"activationId\": \"" + w.item.getActivationId() + "\", \"amount\": 1, \"targetAccountNumber\": \""
										+ w.foreign.getAccountNumber() + "\"}")),
				api("POST /api/v1/transfers: addToActivationId", "another account's license", 404, "was not found",
						w -> w.api("POST", "/api/v1/transfers", w.adminToken, "application/json",
								"{\"activationId\": \"" + w.item.getActivationId() + "\", \"amount\": 1, \"targetAccountNumber\": \""
										+ w.foreign.getAccountNumber() + "\", \"addToActivationId\": \"" + w.foreignItem.getActivationId()
										+ "\"}")),
				page("Delete users", "nobody ticked", 422, "Select the users to delete first.",
						w -> w.customerAdmin.open("/users/delete")),
				page("Create user: roles", "a role that does not exist", 422, "Choose roles from the four role check boxes.",
						w -> w.partnerAdmin.postForm("/users/new/accounts", "email", unique("role") + "@fixture.example",
								"firstName", "Role", "lastName", "Play", "account", String.valueOf(w.customer.getId()),
								"roles-" + w.customer.getId(), "SUPER_ADMIN")),
				page("Create user: account", "not a number", 404, "The page you asked for does not exist",
						w -> w.partnerAdmin.postForm("/users/new/accounts", "email", unique("acct") + "@fixture.example",
								"firstName", "Acc", "lastName", "Ount", "account", "twelve")),
				page("Create user: account", "an account of someone else", 404, "The page you asked for does not exist",
						w -> w.partnerAdmin.postForm("/users/new/accounts", "email", unique("foreign") + "@fixture.example",
								"firstName", "For", "lastName", "Eign", "account", String.valueOf(w.foreign.getId()),
								"roles-" + w.foreign.getId(), "END_USER")),
				page("Return channels", "as a user who is no administrator", 404,
						"The page you asked for does not exist",
						w -> w.customerUser.postForm("/devices/" + w.device.getDeviceId() + "/deactivate")),
				page("Request access", "a rate-limited email", 429, "too many requests for this email address",
						w -> w.register("email", w.rateLimitedEmail)),
				page("Create user", "an email named too often", 429, "too many requests for this email address",
						w -> w.partnerAdmin.postForm("/users/new", "email", w.rateLimitedEmail, "firstName", "Rate",
								"lastName", "Limited")),
				api("POST /api/v1/users", "an email named too often", 429, "too many requests for this email address",
						w -> w.apiCreateUser(w.rateLimitedEmail, "Rate", "Limited")));
	}

	private static final String QUOTED_LOCAL_PART = "\"x,victim@target.example\"@evil.example";

	private static List<Case> emailAddresses() {
		String quoted = EmailAddressValidator.QUOTED.toString();
		String several = EmailAddressValidator.SEVERAL.toString();
		String invalid = EmailAddressValidator.INVALID.toString();
		return List.of(
				page("Request access: email", QUOTED_LOCAL_PART, 422, quoted, w -> w.register("email", QUOTED_LOCAL_PART)),
				api("POST /api/v1/registrations: email", QUOTED_LOCAL_PART, 422, quoted,
						w -> w.apiRegister("email", QUOTED_LOCAL_PART)),
				page("Request access: email", "two addresses with a semicolon", 422, several,
						w -> w.register("email", unique("semi") + "@fixture.example;victim@target.example")),
				api("POST /api/v1/registrations: email", "a comment", 422, invalid,
						w -> w.apiRegister("email", "(comment)" + unique("c") + "@fixture.example")),
				page("Create user: email", QUOTED_LOCAL_PART, 422, quoted,
						w -> w.partnerAdmin.postForm("/users/new", "email", QUOTED_LOCAL_PART, "firstName", "Quo",
								"lastName", "Ted")),
				page("Create user: email", "two addresses with a comma", 422, several,
						w -> w.partnerAdmin.postForm("/users/new", "email",
								unique("comma") + "@fixture.example,victim@target.example", "firstName", "Com", "lastName", "Ma")),
				api("POST /api/v1/users: email", QUOTED_LOCAL_PART, 422, quoted,
						w -> w.apiCreateUser(QUOTED_LOCAL_PART, "Quo", "Ted")),
				api("POST /api/v1/users: email", "an address literal", 422, invalid,
						w -> w.apiCreateUser(unique("literal") + "@[192.0.2.1]", "Lit", "Eral")),
				api("POST /api/v1/users: email", "a local part over 64 characters", 422, invalid,
						w -> w.apiCreateUser("l".repeat(65) + "@fixture.example", "Long", "Local")),
				page("Forgot Password?: email", QUOTED_LOCAL_PART, 422, quoted,
						w -> w.anonymous.postForm("/forgot-password", "email", QUOTED_LOCAL_PART)));
	}

	private static List<Case> pagesAndDepths() {
		return List.of(
				api("GET /api/v1/devices: size", "2147483647", 422, "The page size must be one of 10, 25, 50, 100.",
						w -> w.api("GET", "/api/v1/devices?page=2147483647&size=2147483647", w.adminToken, null, null)),
				api("GET /api/v1/devices: page", "-2147483648", 422, "The page must be 1 or more.",
						w -> w.api("GET", "/api/v1/devices?page=-2147483648", w.adminToken, null, null)),
				api("GET /api/v1/entitlements: page", "-2147483648", 422, "The page must be 1 or more.",
						w -> w.api("GET", "/api/v1/entitlements?page=-2147483648", w.adminToken, null, null)),
				upload("Activate offline", "a file nested 5,000 levels deep (10 KB)", 400,
						"The file is nested more than 16 levels deep",
						w -> w.uploadRequestFile(OfflineActivationTest.deeplyNested(5_000).getBytes(StandardCharsets.UTF_8))),
				api("POST /api/v1/activations/offline", "a file nested 5,000 levels deep (10 KB)", 400,
						"The file is nested more than 16 levels deep",
						w -> w.api("POST", "/api/v1/activations/offline", w.adminToken, "application/json",
								OfflineActivationTest.deeplyNested(5_000))));
	}

	// ---------------------------------------------------------------------------------------------------------
	// The rows' helpers
	// ---------------------------------------------------------------------------------------------------------

	private static Case page(String where, String input, int status, String message, Sender send) {
		return new Case(Surface.PAGE, where, input, status, message, send);
	}

	private static Case api(String where, String input, int status, String message, Sender send) {
		return new Case(Surface.API, where, input, status, message, send);
	}

	private static Case upload(String where, String input, int status, String message, Sender send) {
		return new Case(Surface.UPLOAD, where, input, status, message, send);
	}

	private static Case url(String where, String input, int status, String message, Sender send) {
		return new Case(Surface.URL, where, input, status, message, send);
	}

	static String unique(String prefix) {
		return LicenseFixtures.unique(prefix).toLowerCase(Locale.ROOT);
	}

	static String nonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	static String randomToken() {
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	static String encoded(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static String[] manyFields(String name, int count) {
		String[] fields = new String[count * 2];
		for (int i = 0; i < count; i++) {
			fields[2 * i] = name;
			fields[2 * i + 1] = "ID-" + i;
		}
		return fields;
	}

	private static byte[] spaces(int count) {
		byte[] bytes = new byte[count];
		java.util.Arrays.fill(bytes, (byte) ' ');
		return bytes;
	}

	private static String abbreviated(String body) {
		return body == null || body.length() < 400 ? body : body.substring(0, 400) + "…";
	}

	/**
	 * What the catalogue's rows act on, made once: a partner with a related customer and a foreign customer, their
	 * users logged in, licenses (one expired, one on a device), a used offline request file, a cancelled transfer,
	 * invitation and password reset links that expired or were used, and API tokens (live, revoked, expired).
	 */
	static final class World {

		final String baseUrl;

		final Account partner;

		final Account customer;

		final Account foreign;

		final PortalUser customerAdminUser;

		final PortalUser customerUserUser;

		final LineItem item;

		final LineItem expired;

		final LineItem foreignItem;

		final Device device;

		final LineItem onDevice;

		final HttpBrowser anonymous;

		final HttpBrowser partnerAdmin;

		final HttpBrowser customerAdmin;

		final HttpBrowser customerUser;

		final String adminToken;

		final String partnerToken;

		final String revokedToken;

		final String expiredToken;

		final byte[] usedRequestFile;

		final byte[] licenseFile;

		final long licenseFileId;

		final String cancelledTransfer;

		final String liveInvitation;

		final String expiredInvitation;

		final String usedInvitation;

		final String expiredReset;

		final String usedReset;

		final String rateLimitedEmail;

		final PortalUser bcryptUser;

		final long adminTokenId;

		World(ApplicationContext context, String baseUrl) {
			this.baseUrl = baseUrl;
			LicenseFixtures fixtures = new LicenseFixtures(context);
			this.customer = fixtures.customer(LicenseFixtures.unique("Hostile Harbor"));
			this.foreign = fixtures.customer(LicenseFixtures.unique("Hostile Stranger"));
			this.partner = fixtures.partnerOf(LicenseFixtures.unique("Hostile Partner"), this.customer);
			PortalUser partnerAdminUser = fixtures.user("hpadmin", this.partner, UserType.PARTNER_ADMINISTRATOR);
			this.customerAdminUser = fixtures.user("hcadmin", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
			this.customerUserUser = fixtures.user("hcuser", this.customer, UserType.CUSTOMER_USER);
			PortalUser foreignAdmin = fixtures.user("hfadmin", this.foreign, UserType.CUSTOMER_ADMINISTRATOR);
			Product product = fixtures.product("HOSTILE");
			this.item = fixtures.lineItem(this.customer, product, 10, null);
			this.expired = fixtures.lineItem(this.customer, product, 10, java.time.LocalDate.now().minusDays(3));
			this.foreignItem = fixtures.lineItem(this.foreign, product, 5, null);
			this.onDevice = fixtures.lineItem(this.customer, product, 10, null);
			this.device = fixtures.activateOnNewDevice(this.onDevice, 4, "HOSTILE-NVR-01").device();

			PersonalAccessTokenService tokens = context.getBean(PersonalAccessTokenService.class);
			PersonalAccessTokenService.IssuedToken admins = tokens.issue(this.customerAdminUser.getId(), "admin",
					Duration.ofHours(2));
			this.adminToken = admins.secret();
			this.adminTokenId = admins.token().getId();
			this.partnerToken = fixtures.apiToken(partnerAdminUser);
			PersonalAccessTokenService.IssuedToken revoked = tokens.issue(this.customerAdminUser.getId(), "revoked",
					Duration.ofDays(1));
			tokens.revoke(this.customerAdminUser.getId(), revoked.token().getId());
			this.revokedToken = revoked.secret();
			this.expiredToken = tokens.issue(this.customerAdminUser.getId(), "expired", Duration.ofSeconds(-1)).secret();

			OfflineActivationService offline = context.getBean(OfflineActivationService.class);
			this.usedRequestFile = requestFile("HOSTILE-NVR-02", unique("HOST"), nonce(), this.item.getActivationId(), 1);
			var foreignActivation = offline.activate(fixtures.visibleTo(foreignAdmin), "application/json",
					requestFile("STRANGER-NVR", unique("HOST"), nonce(), this.foreignItem.getActivationId(), 1), "fixture");
			this.licenseFileId = foreignActivation.getId();
			this.licenseFile = offline
				.licenseFile(fixtures.visibleTo(foreignAdmin), foreignActivation.getDevice().getDeviceId(), this.licenseFileId)
				.orElseThrow()
				.getBytes(StandardCharsets.UTF_8);
			offline.activate(fixtures.visibleTo(this.customerAdminUser), "application/json", this.usedRequestFile, "fixture");

			TransferService transfers = context.getBean(TransferService.class);
			LineItem transferred = fixtures.lineItem(this.customer, product, 10, null);
			ChannelTransfer pending = transfers.request(this.customerAdminUser.getId(), new TransferRequest(
					transferred.getActivationId(), 2, this.foreign.getAccountNumber(), null, null, null))
				.transfer();
			this.cancelledTransfer = transfers.cancel(this.customerAdminUser.getId(), pending.getTransferNumber())
				.getTransferNumber();

			LinkTokens links = context.getBean(LinkTokens.class);
			PortalUser invited = context.getBean(TransactionTemplate.class).execute(status -> {
				PortalUser user = new PortalUser(unique("invited") + "@fixture.example", "Ivy", "Invited");
				user.link(this.customer, UserType.CUSTOMER_USER);
				return context.getBean(UserRepository.class).save(user);
			});
			Instant now = Instant.now();
			this.liveInvitation = links.issue(invited.getId(), LinkToken.Purpose.INVITATION, now, now.plus(Duration.ofDays(1)));
			this.expiredInvitation = links.issue(invited.getId(), LinkToken.Purpose.INVITATION, now.minus(Duration.ofDays(8)),
					now.minus(Duration.ofDays(1)));
			this.usedInvitation = links.issue(invited.getId(), LinkToken.Purpose.INVITATION, now, now.plus(Duration.ofDays(1)));
			links.claim(this.usedInvitation);
			this.expiredReset = links.issue(this.customerUserUser.getId(), LinkToken.Purpose.PASSWORD_RESET,
					now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));
			this.usedReset = links.issue(this.customerUserUser.getId(), LinkToken.Purpose.PASSWORD_RESET, now,
					now.plus(Duration.ofHours(1)));
			links.claim(this.usedReset);

			this.bcryptUser = context.getBean(TransactionTemplate.class).execute(status -> {
				PortalUser user = new PortalUser(unique("bcrypt") + "@fixture.example", "Bea", "Crypt");
				user.activate(context.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
					.encode(LicenseFixtures.PASSWORD));
				user.link(this.customer, UserType.CUSTOMER_USER);
				return context.getBean(UserRepository.class).save(user);
			});
			this.rateLimitedEmail = unique("limited") + "@fixture.example";
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			for (int i = 0; i < 3; i++) {
				Committed.update(jdbc, "insert into rate_limit_hit (limit_name, limit_key, hit_at) values (?, ?, ?)", "registration",
						"email:" + this.rateLimitedEmail, Timestamp.from(now));
			}
			// Create user's default: 10 attempts per email an hour, whoever the administrators are.
			for (int i = 0; i < 10; i++) {
				Committed.update(jdbc, "insert into rate_limit_hit (limit_name, limit_key, hit_at) values (?, ?, ?)", "user-creation",
						"email:" + this.rateLimitedEmail, Timestamp.from(now));
			}

			this.anonymous = new HttpBrowser(baseUrl);
			this.anonymous.open("/login");
			this.partnerAdmin = loggedIn(baseUrl, partnerAdminUser);
			this.customerAdmin = loggedIn(baseUrl, this.customerAdminUser);
			this.customerUser = loggedIn(baseUrl, this.customerUserUser);
		}

		/** A browser logged in as the user, holding the CSRF token of a page after the login. */
		static HttpBrowser loggedIn(String baseUrl, PortalUser user) {
			HttpBrowser browser = new HttpBrowser(baseUrl);
			assertThat(browser.logIn(user.getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
			browser.open("/profile/tokens");
			return browser;
		}

		// Pages

		Page activate(String channels) {
			return this.customerAdmin.postForm("/devices/activate", "target", "new", "name", "HOSTILE-NVR-09", "hostId",
					unique("HOST"), "account", this.customer.getAccountNumber(), "channels[" + this.item.getActivationId() + "]",
					channels);
		}

		Page activateNewDevice(String name, String hostId) {
			return this.customerAdmin.postForm("/devices/activate", "target", "new", "name", name, "hostId", hostId,
					"account", this.customer.getAccountNumber(), "channels[" + this.item.getActivationId() + "]", "1");
		}

		Page transfer(String amount, String target) {
			return this.customerAdmin.postForm("/transfers/new", "activationId", this.item.getActivationId(), "amount",
					amount, "target", target, "addToExisting", "no", "idempotencyKey", UUID.randomUUID().toString(),
					"confirmed", "true");
		}

		Page deactivate(String quantity) {
			return this.customerAdmin.postForm("/devices/" + this.device.getDeviceId() + "/deactivate", "activationId",
					this.onDevice.getActivationId(), "quantity", quantity);
		}

		/** Request access with every field right but the one given. */
		Page register(String field, String value) {
			Map<String, String> form = registration();
			form.put(field, value);
			List<String> fields = new ArrayList<>();
			form.forEach((name, typed) -> {
				fields.add(name);
				fields.add(typed);
			});
			return this.anonymous.postForm("/register", fields.toArray(String[]::new));
		}

		Page updateCustomerUser(String field, String value) {
			Map<String, String> form = new LinkedHashMap<>(Map.of("firstName", "Hostile", "lastName", "User", "phone", "",
					"jobTitle", "", "address", ""));
			form.put(field, value);
			List<String> fields = new ArrayList<>();
			form.forEach((name, typed) -> {
				fields.add(name);
				fields.add(typed);
			});
			return this.customerAdmin.postForm("/users/" + this.customerUserUser.getId(), fields.toArray(String[]::new));
		}

		Page uploadRequestFile(byte[] content) {
			return this.customerAdmin.upload("/devices/activate-offline", "requestFile", "request.json", "application/json",
					content);
		}

		Page uploadWithoutCsrf() throws Exception {
			String boundary = "----hostile" + UUID.randomUUID().toString().replace("-", "");
			String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"requestFile\"; filename=\"r.json\"\r\n"
					+ "Content-Type: application/json\r\n\r\n{}\r\n--" + boundary + "--\r\n";
			return this.customerAdmin.send(HttpRequest.newBuilder(this.customerAdmin.uri("/devices/activate-offline"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		// API

		Page api(String method, String path, String token, String contentType, String body) throws Exception {
			return apiRaw(method, path, token, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
		}

		Page apiRaw(String method, String path, String token, String contentType, byte[] body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.timeout(Duration.ofSeconds(60))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
			if (token != null) {
				request.header("Authorization", "Bearer " + token);
			}
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response);
		}

		Page apiWithHeader(String method, String path, String token, String header, String value, String json)
				throws Exception {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.header(header, value)
				.method(method, HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response);
		}

		Page apiAccepting(String path, String token, String accept) throws Exception {
			HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
				.header("Authorization", "Bearer " + token)
				.header("Accept", accept)
				.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response);
		}

		Page apiActivate(String quantity) throws Exception {
			return apiActivateAs(this.adminToken, quantity);
		}

		Page apiActivateAs(String token, String quantity) throws Exception {
			return api("POST", "/api/v1/activations", token, "application/json",
					"{\"deviceName\": \"HOSTILE-NVR-10\", \"hostId\": \"" + unique("HOST") + "\", \"licenses\": [{\"activationId\": \""
							+ this.item.getActivationId() + "\", \"quantity\": " + quantity + "}]}");
		}

		Page apiActivateNewDevice(String name, String hostId) throws Exception {
			return api("POST", "/api/v1/activations", this.adminToken, "application/json", JSON.writeValueAsString(Map.of(
					"deviceName", name, "hostId", hostId, "licenses",
					List.of(Map.of("activationId", this.item.getActivationId(), "quantity", 1)))));
		}

		Page apiTransfer(String amount) throws Exception {
			return api("POST", "/api/v1/transfers", this.adminToken, "application/json",
					"{\"activationId\": \"" + this.item.getActivationId() + "\", \"amount\": " + amount
							+ ", \"targetAccountNumber\": \"" + this.foreign.getAccountNumber() + "\"}");
		}

		Page apiCreateUser(String email, String firstName, String lastName) throws Exception {
			return api("POST", "/api/v1/users", this.adminToken, "application/json", JSON.writeValueAsString(Map.of("email",
					email, "firstName", firstName, "lastName", lastName, "accounts",
					List.of(Map.of("accountId", this.customer.getId(), "roles", List.of("END_USER"))))));
		}

		Page apiRegister(String field, String value) throws Exception {
			Map<String, String> body = registration();
			body.remove("message");
			body.put(field, value);
			return api("POST", "/api/v1/registrations", null, "application/json", JSON.writeValueAsString(body));
		}

		String deviceLicensePath() {
			return "/api/v1/devices/" + this.device.getDeviceId() + "/licenses/" + this.onDevice.getActivationId();
		}

		// Files

		byte[] requestFile(String deviceName, String hostId, String nonce, int quantity) {
			return requestFile(deviceName, hostId, nonce, this.item.getActivationId(), quantity);
		}

		byte[] requestFileWith(String field, Object value) throws Exception {
			@SuppressWarnings("unchecked")
			Map<String, Object> request = JSON.readValue(requestFile("NVR", unique("HOST"), nonce(), 1), LinkedHashMap.class);
			request.put(field, value);
			return JSON.writeValueAsBytes(request);
		}

		static byte[] requestFile(String deviceName, String hostId, String nonce, String activationId, int quantity) {
			try {
				return OfflineActivationTest.request(deviceName, hostId, nonce, Map.of(activationId, quantity));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		// URLs exactly as written, past the URI checks of HttpClient

		Page raw(String method, String target, HttpBrowser session) throws Exception {
			return raw(method, target, "Accept: " + HttpBrowser.ACCEPT_HTML + "\r\n"
					+ (session == null ? "" : "Cookie: " + session.cookieHeader() + "\r\n"));
		}

		/** An API call to exactly this address, as a script sends it. */
		Page rawApi(String method, String target, String token) throws Exception {
			return raw(method, target, "Accept: application/json\r\nAuthorization: Bearer " + token + "\r\n");
		}

		private Page raw(String method, String target, String headers) throws Exception {
			try (Socket socket = new Socket("localhost", URI.create(this.baseUrl).getPort())) {
				socket.setSoTimeout(60_000);
				OutputStream out = socket.getOutputStream();
				out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + headers
						+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
				return RawAnswer.read(socket.getInputStream());
			}
		}

		private static Map<String, String> registration() {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("firstName", "Jana");
			form.put("lastName", "Novak");
			form.put("email", unique("hostile-registration") + "@fixture.example");
			form.put("phone", "+1 604 555 0188");
			form.put("organisation", "Bayside Security");
			form.put("accountType", "PARTNER");
			form.put("proof", "E-20261127-0001");
			form.put("message", "");
			return form;
		}

	}

	/** An HTTP/1.1 answer read from a socket, as an {@link Page}. */
	static final class RawAnswer {

		static Page read(InputStream in) throws Exception {
			byte[] all = in.readAllBytes();
			String text = new String(all, StandardCharsets.ISO_8859_1);
			int headerEnd = text.indexOf("\r\n\r\n");
			String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
			String[] lines = head.split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(lines[i].substring(0, colon).strip(), name -> new ArrayList<>())
						.add(lines[i].substring(colon + 1).strip());
				}
			}
			byte[] body = headerEnd < 0 ? new byte[0] : java.util.Arrays.copyOfRange(all, headerEnd + 4, all.length);
			boolean chunked = headers.entrySet()
				.stream()
				.anyMatch(h -> h.getKey().equalsIgnoreCase("Transfer-Encoding") && h.getValue().contains("chunked"));
			String content = new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8);
			return new Page(status, new StringResponse(status, headers, content));
		}

		private static byte[] dechunk(byte[] body) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int at = 0;
			while (at < body.length) {
				int lineEnd = at;
				while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
					lineEnd++;
				}
				String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
				int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
				if (length == 0) {
					break;
				}
				out.write(body, lineEnd + 2, length);
				at = lineEnd + 2 + length + 2;
			}
			return out.toByteArray();
		}

	}

	/** A raw answer dressed as the HttpResponse that {@link Page} carries. */
	record StringResponse(int statusCode, Map<String, List<String>> headerMap, String body) implements HttpResponse<String> {

		@Override
		public HttpRequest request() {
			return null;
		}

		@Override
		public java.util.Optional<HttpResponse<String>> previousResponse() {
			return java.util.Optional.empty();
		}

		@Override
		public java.net.http.HttpHeaders headers() {
			return java.net.http.HttpHeaders.of(this.headerMap, (name, value) -> true);
		}

		@Override
		public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
			return java.util.Optional.empty();
		}

		@Override
		public URI uri() {
			return null;
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}

	}

}
