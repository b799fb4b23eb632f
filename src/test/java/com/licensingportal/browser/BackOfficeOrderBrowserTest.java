package com.licensingportal.browser;

import java.time.Duration;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.salesorder.SalesOrderIntakeProcess;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderView;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Order Management enters a sales order by hand in the back office for a partner's customer; once the intake
 * process has entered it, the partner's administrator sees the new license in List Entitlements.
 */
class BackOfficeOrderBrowserTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Autowired
	SalesOrderIntakeService intake;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	private Browser browser;

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void omEntersAnOrderByHandAndThePartnersAdministratorSeesTheNewLicense() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account customer = new Account(LicenseFixtures.unique("Hand Customer"), AccountType.CUSTOMER);
		customer.setCustomerNumber(LicenseFixtures.unique("C-HAND"));
		customer = this.accounts.save(customer);
		Account partner = fixtures.partnerOf(LicenseFixtures.unique("Hand Partner"), customer);
		PortalUser partnerAdmin = fixtures.user("HandPartnerAdmin", partner, UserType.PARTNER_ADMINISTRATOR);
		String orderNumber = LicenseFixtures.unique("SO-HAND");

		LicenseFixtures.CamundaUser om = fixtures.orderManager();

		this.browser = new Browser(baseUrl());
		this.browser.open("/back-office/login")
			.type(By.id("username"), om.id())
			.type(By.id("password"), om.password())
			.click(By.cssSelector("button[type=submit]"));
		this.browser.find(By.id("tasklist-link"));
		this.browser.open("/back-office/sales-orders").click(By.id("enter-order"));
		this.browser.type(By.id("orderNumber"), orderNumber)
			.type(By.id("customerNumber"), customer.getCustomerNumber())
			.type(By.id("contactEmail"), "buyer@hand.example")
			.type(By.id("line-0-partNumber"), "ACC7-ENT-CH")
			.type(By.id("line-0-version"), "7.14")
			.type(By.id("line-0-quantity"), "24");
		// The button sits below the fold of the test browser's window: submit the form as the button would.
		this.browser.find(By.id("order-form")).submit();
		assertThat(this.browser.find(By.id("flash-message")).getText()).contains(orderNumber, "is received");
		assertThat(this.browser.find(By.id("order-number")).getText()).isEqualTo(orderNumber);

		ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SalesOrderIntakeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(orderNumber)
			.singleResult()
			.getId());
		SalesOrderView order = this.intake.view(orderNumber);
		String activationId = order.lines().get(0).activationId();
		this.browser.open("/back-office/sales-orders/" + orderNumber);
		assertThat(this.browser.find(By.id("order-state")).getText()).isEqualTo("ENTERED");
		assertThat(this.browser.find(By.id("order-lines")).getText()).contains(activationId);

		this.browser.logOut().logIn(partnerAdmin.getEmail(), LicenseFixtures.PASSWORD);
		this.browser.open("/entitlements?soldTo=" + customer.getName().replace(" ", "+"));
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(15)).until(driver -> driver
			.findElements(By.cssSelector("#line-items tbody tr[data-activation-id='" + activationId + "']"))
			.size() == 1);
		assertThat(this.browser.find(By.cssSelector("tr[data-activation-id='" + activationId + "']")).getText())
			.contains(order.entitlementId(), customer.getName(), "ACC7-ENT-CH", "24");
	}

}
