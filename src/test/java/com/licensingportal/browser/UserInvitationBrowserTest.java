package com.licensingportal.browser;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.demo.DemoData;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.support.Browser;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole invitation in a real browser: the demo partner administrator creates a Customer User of Harbor
 * Logistics; the link from the captured email is opened, the password set, and the new user sees only
 * Harbor's line items.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserInvitationBrowserTest extends PortalIntegrationTest {

	private static final String PASSWORD = "Harbor-Lights-Over-Water-7";

	@Autowired
	AccountRepository accounts;

	@Autowired
	UserRepository users;

	@Autowired
	LineItemRepository lineItems;

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
		Account harbor = this.accounts.findByName(DemoData.CUSTOMER_NAME).orElseThrow();
		String email = "new.harbor." + UUID.randomUUID().toString().substring(0, 8) + "@harbor.example";
		try {
			this.browser.logIn(DemoData.PARTNER_ADMIN, DemoData.PASSWORD).open("/users");
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
			assertThat(this.browser.find(By.id("invited-account")).getText()).isEqualTo(DemoData.CUSTOMER_NAME);
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
			Set<String> shown = this.browser.driver()
				.findElements(By.cssSelector("#line-items td.activation-id"))
				.stream()
				.map(WebElement::getText)
				.collect(Collectors.toSet());
			Set<String> harborItems = this.lineItems.findAvailableOwnedBy(List.of(harbor.getId()))
				.stream()
				.map(LineItem::getActivationId)
				.collect(Collectors.toSet());
			Set<String> otherItems = this.lineItems.findAvailableOwnedBy(this.accounts.findAll()
				.stream()
				.map(Account::getId)
				.filter(id -> !id.equals(harbor.getId()))
				.toList()).stream().map(LineItem::getActivationId).collect(Collectors.toSet());
			assertThat(shown).isNotEmpty().isSubsetOf(harborItems).doesNotContainAnyElementsOf(otherItems);
		}
		finally {
			this.browser.logOut();
			this.users.findByEmail(email).ifPresent(created -> {
				PortalUser admin = this.users.findByEmail(DemoData.PARTNER_ADMIN).orElseThrow();
				this.userService.delete(admin.getId(), List.of(created.getId()));
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
