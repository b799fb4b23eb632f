package com.licensingportal.hostile;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import static com.licensingportal.support.LicenseFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Real right-to-left text (Hebrew, Arabic), accents (composed and decomposed) and symbols are accepted in every
 * name and come back exactly as typed, from the database, the pages and the API; what only hides or reorders
 * text (bidi overrides, zero-width and control characters) and emoji (which Camunda's MySQL tables cannot hold)
 * are refused with a clear message. The catalogue (HostileInputCatalogueTest) refuses them on every surface.
 */
class UnicodeTextTest extends PortalIntegrationTest {

	static final String HEBREW = "שרה כהן-לוי";

	static final String ARABIC = "مؤسسة الأمن للمراقبة";

	static final String ACCENTS = "Zoë Ångström-Müller, Łukasz Żółć";

	static final String DECOMPOSED = "Zoe\u0308 Cafe\u0301 ★";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	private LicenseFixtures fixtures;

	private Account customer;

	private PortalUser admin;

	private ApiClient api;

	@BeforeEach
	void setUp() {
		this.fixtures = new LicenseFixtures(this.context);
		this.customer = this.fixtures.customer(LicenseFixtures.unique(ARABIC));
		this.admin = this.fixtures.user("unicode", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
		this.api = new ApiClient(baseUrl());
	}

	@Test
	void aUserNamedInHebrewArabicAndAccentsComesBackIntact() throws Exception {
		String token = this.fixtures.apiToken(this.admin);
		String email = LicenseFixtures.unique("unicode").toLowerCase() + "@fixture.example";
		String body = JSON.writeValueAsString(Map.of("email", email, "firstName", HEBREW, "lastName", ARABIC, "jobTitle",
				ACCENTS, "address", DECOMPOSED + "\n" + ARABIC, "accounts",
				java.util.List.of(Map.of("accountId", this.customer.getId(), "roles", java.util.List.of("END_USER")))));

		ApiClient.Answer created = this.api.postJson("/api/v1/users", token, body);

		assertThat(created.status()).as(created.body()).isEqualTo(202);
		long userId = this.jdbc.queryForObject("select id from portal_user where email = ?", Long.class, email);
		try {
			Map<String, Object> row = this.jdbc.queryForMap(
					"select first_name, last_name, job_title, address from portal_user where id = ?", userId);
			assertThat(row.values()).containsExactly(HEBREW, ARABIC, ACCENTS, DECOMPOSED + "\n" + ARABIC);
			JsonNode listed = user(this.api.get("/api/v1/accounts/" + this.customer.getId() + "/users", token).json(),
					userId);
			assertThat(listed.get("firstName").asText()).isEqualTo(HEBREW);
			assertThat(listed.get("lastName").asText()).isEqualTo(ARABIC);
			assertThat(listed.get("jobTitle").asText()).isEqualTo(ACCENTS);
			// Form fields write Latin letters with accents as named references (&euml;): the browser shows them as typed.
			String page = HtmlUtils.htmlUnescape(this.mvc.perform(get("/users/" + userId).with(as(this.admin)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
			assertThat(page).contains("value=\"" + HEBREW + "\"", "value=\"" + ARABIC + "\"", ACCENTS, DECOMPOSED);
		}
		finally {
			ProcessJobs.endRunning(this.runtime, InvitationProcess.PROCESS_KEY, String.valueOf(userId));
		}
	}

	@Test
	void aDeviceAndATokenNamedInAnyScriptComeBackIntact() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.fixtures.product("UNI"), 5, null);
		String token = this.fixtures.apiToken(this.admin);
		String deviceName = "خادم ٠١ · " + DECOMPOSED;
		String hostId = LicenseFixtures.unique("שרת-HÔTE");

		ApiClient.Answer activated = this.api.postJson("/api/v1/activations", token, JSON.writeValueAsString(Map.of(
				"deviceName", deviceName, "hostId", hostId, "licenses",
				java.util.List.of(Map.of("activationId", item.getActivationId(), "quantity", 1)))));

		assertThat(activated.status()).as(activated.body()).isEqualTo(201);
		String deviceId = activated.json().get("deviceId").asText();
		JsonNode device = this.api.get("/api/v1/devices/" + deviceId, token).json();
		assertThat(device.get("name").asText()).isEqualTo(deviceName);
		assertThat(device.get("hostId").asText()).isEqualTo(hostId);
		assertThat(this.mvc.perform(get("/devices/" + deviceId).with(as(this.admin))).andReturn().getResponse()
			.getContentAsString()).contains(deviceName, hostId);

		String tokenName = HEBREW + " · " + ACCENTS;
		this.mvc.perform(post("/profile/tokens").with(csrf()).with(as(this.admin)).param("name", tokenName))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.queryForList("select name from personal_access_token where user_id = ?", String.class,
				this.admin.getId())).contains(tokenName);
		assertThat(this.mvc.perform(get("/profile/tokens").with(as(this.admin))).andReturn().getResponse()
			.getContentAsString()).contains(tokenName);
	}

	@Test
	void aRegistrationInArabicAndHebrewIsKeptAsTyped() throws Exception {
		String email = LicenseFixtures.unique("unicode-registration").toLowerCase() + "@fixture.example";

		this.mvc.perform(post("/register").with(csrf()).with(request -> {
			request.setRemoteAddr(ClientAddresses.unique());
			return request;
		})
			.param("firstName", HEBREW)
			.param("lastName", DECOMPOSED)
			.param("email", email)
			.param("phone", "+972 3 555 0100")
			.param("organisation", ARABIC)
			.param("accountType", "CUSTOMER")
			.param("proof", "E-20261127-0001")
			.param("message", ACCENTS + "\n" + HEBREW)).andExpect(status().isOk());

		Map<String, Object> row = this.jdbc.queryForMap(
				"select id, first_name, last_name, organisation, message from registration_request where email = ?", email);
		try {
			assertThat(row.get("first_name")).isEqualTo(HEBREW);
			assertThat(row.get("last_name")).isEqualTo(DECOMPOSED);
			assertThat(row.get("organisation")).isEqualTo(ARABIC);
			assertThat(row.get("message")).isEqualTo(ACCENTS + "\n" + HEBREW);
		}
		finally {
			ProcessJobs.endRunning(this.runtime, RegistrationProcess.PROCESS_KEY, String.valueOf(row.get("id")));
		}
	}

	@Test
	void aNameThatHidesOrReordersTextIsRefusedAndNothingIsStored() throws Exception {
		String token = this.fixtures.apiToken(this.admin);
		String email = LicenseFixtures.unique("spoof").toLowerCase() + "@fixture.example";
		// "Eve" + RIGHT-TO-LEFT OVERRIDE + "lanigiro": shown as "Eve original" reversed, a classic spoof.
		ApiClient.Answer refused = this.api.postJson("/api/v1/users", token, JSON.writeValueAsString(Map.of("email", email,
				"firstName", "Eve\u202Elanigiro", "lastName", "Spoof", "accounts",
				java.util.List.of(Map.of("accountId", this.customer.getId(), "roles", java.util.List.of("END_USER"))))));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("firstName");
		assertThat(refused.json().get("detail").asText()).contains("invisible or control characters");
		assertThat(this.jdbc.queryForObject("select count(*) from portal_user where email = ?", Integer.class, email))
			.isZero();
	}

	private static JsonNode user(JsonNode users, long id) {
		for (JsonNode user : users) {
			if (user.get("id").asLong() == id) {
				return user;
			}
		}
		throw new AssertionError("User " + id + " is not listed: " + users);
	}

}
