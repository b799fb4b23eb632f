package com.licensingportal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;

import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Order Management signs in to the back office with its Camunda identity; everyone else finds nothing there; the
 * portal, the back office and Tasklist keep their sessions side by side in one browser.
 */
class BackOfficeSignInTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	/** A partner with its users, and an Order Management user of this test (the suite has no demo data). */
	private World world;

	private CamundaUser om;

	@BeforeEach
	void world() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		this.world = fixtures.world();
		this.om = fixtures.orderManager();
	}

	@Autowired
	IdentityService identity;

	@Test
	void omSignsInAndSeesTheBackOfficeWithTheTasksWaitingInTasklist() {
		HttpBrowser browser = new HttpBrowser(baseUrl());

		assertThat(signIn(browser, this.om.id(), this.om.password()).redirectPath()).isEqualTo("/back-office");
		Page home = browser.open("/back-office");

		assertThat(home.status()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"tasklist-link\"", "/camunda/app/tasklist/", "id=\"tasks-waiting\"",
				"Accounts", "Products");
		assertThat(browser.cookie("BACK_OFFICE_SESSION")).isNotNull();
		assertThat(browser.cookie("SESSION")).as("the back office does not use the portal's session").isNull();
	}

	@Test
	void aWrongPasswordOrAUserOutsideOrderManagementIsRefusedWithTheSameSentence() {
		String outsider = camundaUser(false);
		HttpBrowser browser = new HttpBrowser(baseUrl());

		Page wrong = signIn(browser, this.om.id(), "not-the-password");
		Page notStaff = signIn(browser, outsider, "Secret-" + outsider);

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).contains(BackOfficeLoginController.BAD_CREDENTIALS.toString().replace("'", "&#39;"));
		assertThat(notStaff.status()).isEqualTo(401);
		assertThat(notStaff.body()).contains("is not in Order Management");
		assertThat(browser.open("/back-office").status()).isEqualTo(404);
	}

	@Test
	void anonymousRequestsAndPortalUsersFindNothingButTheSignInPage() {
		HttpBrowser anonymous = new HttpBrowser(baseUrl());
		assertThat(anonymous.open("/back-office").status()).isEqualTo(404);
		assertThat(anonymous.open("/back-office/accounts").status()).isEqualTo(404);
		assertThat(anonymous.open("/back-office/login").status()).isEqualTo(200);

		HttpBrowser portalUser = new HttpBrowser(baseUrl());
		assertThat(portalUser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		Page refused = portalUser.open("/back-office");
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.body()).contains("id=\"error-404\"");
	}

	@Test
	void removingSomeoneFromTheGroupEndsTheirBackOfficeSessionAtTheNextClick() {
		String staff = camundaUser(true);
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(signIn(browser, staff, "Secret-" + staff).redirectPath()).isEqualTo("/back-office");
		assertThat(browser.open("/back-office").status()).isEqualTo(200);

		this.identity.deleteMembership(staff, OrderManagementSetup.GROUP);

		assertThat(browser.open("/back-office").redirectPath()).isEqualTo("/back-office/login?removed");
		assertThat(browser.open("/back-office").status()).isEqualTo(404);
		assertThat(browser.open("/back-office/login?removed").body())
			.contains(BackOfficeLoginController.REMOVED.toString().substring(0, 30));
	}

	@Test
	void signingOutEndsTheBackOfficeSessionOnly() {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);
		signIn(browser, this.om.id(), this.om.password());
		browser.open("/back-office");

		assertThat(browser.post("/back-office/logout", Map.of()).redirectPath()).isEqualTo("/back-office/login?logout");

		assertThat(browser.open("/back-office").status()).isEqualTo(404);
		assertThat(browser.open("/entitlements").status()).as("the portal session lives on").isEqualTo(200);
	}

	@Test
	void thePortalTheBackOfficeAndTasklistKeepTheirSessionsSideBySide() throws Exception {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		assertThat(signIn(browser, this.om.id(), this.om.password()).redirectPath()).isEqualTo("/back-office");

		// Tasklist's own login, as its page sends it: it asks who is logged in (an error answer: nobody), then logs in,
		// which starts a new session of its own.
		browser.get("/camunda/app/tasklist/default/");
		browser.get("/camunda/api/admin/auth/user/default", "Accept", "application/json");
		Page tasklist = browser.send(HttpRequest.newBuilder(browser.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("username=" + this.om.id() + "&password=" + this.om.password())));
		assertThat(tasklist.status()).isEqualTo(200);
		assertThat(browser.cookie("CAMUNDA_SESSION")).isNotNull();

		assertThat(browser.open("/entitlements").status()).as("the portal tab still works").isEqualTo(200);
		assertThat(browser.open("/back-office").status()).as("the back-office tab still works").isEqualTo(200);
		assertThat(browser.get("/camunda/api/admin/auth/user/default").body()).contains("\"userId\":\"" + this.om.id() + "\"");
	}

	static Page signIn(HttpBrowser browser, String userId, String password) {
		browser.open("/back-office/login");
		return browser.post("/back-office/login", Map.of("username", userId, "password", password));
	}

	private String camundaUser(boolean inOrderManagement) {
		return BackOfficeStaff.user(this.identity, inOrderManagement);
	}

}
