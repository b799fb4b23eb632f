package com.licensingportal.browser;

import java.util.List;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.ProductRepository;
import com.licensingportal.license.SalesOrderService;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.mail.MailReader;
import com.licensingportal.passwordreset.PasswordResetProcess;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.registration.RegistrationRequest;
import com.licensingportal.registration.RegistrationRequestRepository;
import com.licensingportal.registration.RegistrationStatus;
import com.licensingportal.support.Browser;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.support.Tasklist;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole journey of a technical contact in a real browser: the public form; Order Management decides in the real
 * Camunda Tasklist (first a refused decision, then the approval); the invitation link from the email; the
 * password set; the new administrator logs in and sees their account; then forgets the password and resets it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationJourneyBrowserTest extends PortalIntegrationTest {

	private static final String PASSWORD = "Cedar-Bay-Cameras-2026";

	private static final String NEW_PASSWORD = "Cedar-Bay-Cameras-2027";

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProductRepository products;

	@Autowired
	SalesOrderService salesOrders;

	@Autowired
	RegistrationRequestRepository requests;

	@Autowired
	UserRepository users;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	Browser browser;

	@BeforeAll
	void openBrowser() {
		this.browser = new Browser(baseUrl());
		// Tall enough that Tasklist's form and its Complete button fit above the page footer.
		this.browser.driver().manage().window().setSize(new Dimension(1400, 1600));
	}

	@AfterAll
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void requestAccessApproveInTasklistAcceptTheInvitationLogInAndResetThePassword() throws Exception {
		ClientAddresses.forgetLoopbackCounts(this.jdbc);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String organisation = "Cedar Bay Cameras " + suffix;
		String email = "cedar.bay." + suffix + "@cedarbay.example";
		// As order entry leaves a customer: an account with an order, and no user yet.
		Account customer = this.accounts.save(new Account(organisation, AccountType.CUSTOMER));
		LineItem order = this.salesOrders.enter(customer,
				List.of(new OrderLine(this.products.findByPartNumber("ACC7-ENT-CH").orElseThrow(), "7.14", 12, null)),
				"browser test").get(0);
		try {
			requestAccess(organisation, email, order.getEntitlement().getEntitlementId());
			RegistrationRequest request = this.requests.findByOpenEmail(email).orElseThrow();
			ProcessJobs.executeDue(this.management, registrationOf(request));
			assertThat(MailReader.waitFor(greenMail(), email).getSubject())
				.isEqualTo("We received your request for access to the Licensing Portal");

			approveInTasklist(organisation, customer.getAccountNumber());
			assertThat(this.requests.findById(request.getId()).orElseThrow().getStatus())
				.isEqualTo(RegistrationStatus.APPROVED);
			PortalUser invited = this.users.findByEmail(email).orElseThrow();
			assertThat(invited.membershipOf(customer.getId()).orElseThrow().getUserType())
				.isEqualTo(UserType.CUSTOMER_ADMINISTRATOR);

			acceptInvitation(invited, email);
			logInAndSeeTheAccount(email, PASSWORD, organisation, order.getActivationId());
			resetThePassword(invited, email);
			logInAndSeeTheAccount(email, NEW_PASSWORD, organisation, order.getActivationId());
		}
		finally {
			this.browser.logOut();
			this.requests.findByEmailOrderBySubmittedAtDesc(email)
				.forEach(request -> ProcessJobs.endRunning(this.runtime, RegistrationProcess.PROCESS_KEY,
						RegistrationProcess.businessKey(request.getId())));
			this.users.findByEmail(email).ifPresent(user -> {
				ProcessJobs.endRunning(this.runtime, InvitationProcess.PROCESS_KEY, String.valueOf(user.getId()));
				ProcessJobs.endRunning(this.runtime, PasswordResetProcess.PROCESS_KEY, String.valueOf(user.getId()));
			});
		}
	}

	/** The login page's link, the form with one mistake first, and the thank-you page. */
	private void requestAccess(String organisation, String email, String entitlementId) {
		this.browser.open("/login").click(By.id("request-access"));
		this.browser.type(By.id("firstName"), "Carmen")
			.type(By.id("lastName"), "Bay")
			.type(By.id("email"), "carmen at cedarbay")
			.type(By.id("phone"), "+1 250 555 0123")
			.type(By.id("organisation"), organisation)
			.click(By.id("accountType-customer"))
			.type(By.id("proof"), entitlementId)
			.type(By.id("message"), "We run the cameras of the Cedar Bay marina.")
			.click(By.id("send-request"));
		assertThat(this.browser.find(By.id("error-summary")).getText())
			.contains("Enter a valid email address, like name@example.com.");
		assertThat(this.browser.find(By.id("organisation")).getAttribute("value")).isEqualTo(organisation);
		this.browser.type(By.id("email"), email).click(By.id("send-request"));
		assertThat(this.browser.find(By.id("request-received")).getText()).contains("Thank you, we have your request",
				email);
	}

	/**
	 * A member of Order Management in the real Tasklist: the "Order Management" filter, the task, Claim, the Camunda Form. A wrong
	 * account number is refused with the reason and the task stays; the account the Entitlement is sold to is
	 * accepted.
	 */
	private void approveInTasklist(String organisation, String accountNumber) {
		Tasklist tasklist = new Tasklist(this.browser)
			.logInAsOrderManagement(new LicenseFixtures(this.context).orderManager())
			.openAndClaim(organisation);
		assertThat(tasklist.field("textarea", "Field_entitlementCheck").getAttribute("value"))
			.contains("is sold to " + organisation, accountNumber);
		assertThat(tasklist.field("textarea", "Field_existingUserCheck").getAttribute("value")).startsWith("No:");
		assertThat(tasklist.field("input", "Field_email").getAttribute("value")).startsWith("cedar.bay.");

		tasklist.choose("Field_decision-0").choose("Field_accountChoice-1");
		WebElement number = tasklist.field("input", "Field_existingAccountNumber");
		assertThat(number.getAttribute("value")).as("suggested from the Entitlement").isEqualTo(accountNumber);
		tasklist.replace(number, "A-NONE-XIST").complete();
		WebElement refusal = tasklist.waitFor(By.cssSelector(".notifications .alert-danger"));
		assertThat(refusal.getText()).contains("There is no account with the account number A-NONE-XIST");
		tasklist.clickInView(By.cssSelector(".notifications button.close[ng-click^='removeNotification']"));
		assertThat(this.browser.driver().findElements(By.cssSelector("button.claim"))).isEmpty();

		tasklist.replace(tasklist.field("input", "Field_existingAccountNumber"), accountNumber)
			.complete()
			.waitUntilGone(organisation);
		this.browser.logOut();
	}

	private void acceptInvitation(PortalUser invited, String email) throws Exception {
		ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(invited.getId()))
			.singleResult()
			.getId());
		String link = MailReader.link(MailReader.waitFor(greenMail(), email, 2).get(1), "/invitations/");
		this.browser.open(link.replaceFirst("https?://[^/]+", baseUrl()));
		assertThat(this.browser.find(By.id("invited-name")).getText()).isEqualTo("Carmen Bay");
		this.browser.type(By.id("password"), PASSWORD).type(By.id("repeatPassword"), PASSWORD).click(By.id("set-password"));
		assertThat(this.browser.find(By.id("invitation-accepted")).getText()).contains("Your password is set");
	}

	private void logInAndSeeTheAccount(String email, String password, String organisation, String activationId) {
		this.browser.logIn(email, password);
		assertThat(this.browser.find(By.id("current-user")).getText()).isEqualTo("Carmen Bay");
		assertThat(this.browser.find(By.id("line-items")).getText()).contains(activationId);
		this.browser.open("/users");
		assertThat(this.browser.find(By.id("main")).getText()).contains("Carmen Bay", organisation);
		this.browser.logOut();
	}

	private void resetThePassword(PortalUser user, String email) throws Exception {
		int mailsBefore = MailReader.to(greenMail(), email).size();
		this.browser.open("/login").click(By.id("forgot-password"));
		this.browser.type(By.id("email"), email).click(By.id("send-link"));
		assertThat(this.browser.find(By.id("reset-link-sent")).getText()).contains("Check your email", email);
		ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PasswordResetProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.singleResult()
			.getId());
		String link = MailReader.link(MailReader.waitFor(greenMail(), email, mailsBefore + 1).get(mailsBefore),
				"/password-reset/");
		this.browser.open(link.replaceFirst("https?://[^/]+", baseUrl()));
		assertThat(this.browser.find(By.id("reset-greeting")).getText()).startsWith("Hello Carmen,");
		this.browser.type(By.id("password"), NEW_PASSWORD)
			.type(By.id("repeatPassword"), NEW_PASSWORD)
			.click(By.id("set-password"));
		assertThat(this.browser.find(By.id("password-changed")).getText()).contains("Your password is changed");
		this.browser.logOut();
	}

	private String registrationOf(RegistrationRequest request) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(RegistrationProcess.businessKey(request.getId()))
			.singleResult()
			.getId();
	}

}
