package com.licensingportal.browser;

import java.util.List;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.usermanagement.InvitationMails;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.usermanagement.UserService;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole invitation in a real browser: a partner administrator creates a Customer User of one of the
 * partner's customers; the link from the email is opened, the password set, and the new user sees only that
 * customer's line items, not the partner's nor the other customer's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserInvitationBrowserTest extends PortalIntegrationTest {

	private static final String PASSWORD = "Harbor-Lights-Over-Water-7";

	@Autowired
	ApplicationContext context;

	@Autowired
	UserRepository users;

	@Autowired
	UserService userService;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	Browser browser;

	@BeforeAll
	void openBrowser() {
		this.browser = new Browser(baseUrl());
	}

	@AfterAll
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aPartnerAdministratorInvitesACustomerUserWhoThenSeesOnlyTheirLicenses() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		World world = fixtures.world();
		Account harbor = world.customer();
		Product product = fixtures.product("Invited");
		LineItem harborItem = fixtures.lineItem(harbor, product, 16, null);
		fixtures.lineItem(world.otherCustomer(), product, 4, null);
		fixtures.lineItem(world.partner(), product, 20, null);
		String email = "new.harbor." + UUID.randomUUID().toString().substring(0, 8) + "@harbor.example";
		try {
			this.browser.logIn(world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD).open("/users");
			this.browser.click(By.id("actions")).click(By.id("action-create"));
			this.browser.type(By.id("firstName"), "Hana")
				.type(By.id("lastName"), "Harbor")
				.type(By.id("email"), email)
				.type(By.id("phone"), "+1 604 555 0142")
				.click(By.id("next"));
			this.browser.click(By.id("customers-tab"))
				.click(By.id("account-" + harbor.getId()))
				.click(By.id("role-" + harbor.getId() + "-END_USER"))
				.click(By.id("ok"));
			// Create ends on List users, whether or not the email belonged to a user elsewhere (issue 15).
			assertThat(this.browser.find(By.id("message")).getText()).contains("invitation is on its way to " + email);
			PortalUser invited = this.users.findByEmail(email).orElseThrow();
			this.browser.open("/users/" + invited.getId());
			assertThat(this.browser.find(By.id("user-status")).getText()).isEqualTo("Invited");

			assertThat(invited.membershipOf(harbor.getId()).orElseThrow().getUserType()).isEqualTo(UserType.CUSTOMER_USER);
			ProcessJobs.executeDue(this.management, invitationOf(invited));
			String link = InvitationMails.invitationPath(InvitationMails.awaitNth(greenMail(), email, 1));

			this.browser.logOut().open(baseUrl() + link);
			assertThat(this.browser.find(By.id("invited-name")).getText()).isEqualTo("Hana Harbor");
			assertThat(this.browser.find(By.id("invited-account")).getText()).isEqualTo(harbor.getName());
			assertThat(this.browser.find(By.id("email")).getAttribute("readonly")).isNotNull();
			// Read-only and looking it: plain text, no input box to click into.
			assertThat(this.browser.find(By.id("email")).getCssValue("border-top-color")).isIn("rgba(0, 0, 0, 0)",
					"transparent");
			this.browser.type(By.id("password"), PASSWORD)
				.type(By.id("repeatPassword"), PASSWORD)
				.click(By.id("set-password"));
			assertThat(this.browser.find(By.id("invitation-accepted")).getText()).contains("Your password is set");
			assertThat(this.users.findByEmail(email).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);

			this.browser.logIn(email, PASSWORD).find(By.id("line-items"));
			assertThat(this.browser.find(By.id("current-user")).getText()).isEqualTo("Hana Harbor");
			List<String> shown = this.browser.driver()
				.findElements(By.cssSelector("#line-items td.activation-id"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(shown).containsExactly(harborItem.getActivationId());
		}
		finally {
			this.browser.logOut();
			this.users.findByEmail(email).ifPresent(created -> {
				this.userService.delete(world.partnerAdmin().getId(), List.of(created.getId()));
			});
		}
	}

	private String invitationOf(PortalUser user) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.singleResult()
			.getId();
	}

}
