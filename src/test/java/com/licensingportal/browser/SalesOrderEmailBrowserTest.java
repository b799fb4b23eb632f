package com.licensingportal.browser;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.mail.MailReader;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderRequest;
import com.licensingportal.salesorder.SalesOrderView;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator follows the link in the entitlement email of a sales order: after logging in, List
 * Entitlements shows exactly the order's licenses, filtered by its Entitlement ID.
 */
class SalesOrderEmailBrowserTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Autowired
	SalesOrderIntakeService intake;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	private Browser browser;

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theEmailsLinkOpensListEntitlementsFilteredToTheOrder() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account customer = new Account(LicenseFixtures.unique("Mailed Customer"), AccountType.CUSTOMER);
		customer.setCustomerNumber(LicenseFixtures.unique("C-MAIL"));
		this.accounts.save(customer);
		PortalUser admin = fixtures.user("MailedAdmin", customer, UserType.CUSTOMER_ADMINISTRATOR);
		// An older license of the same account, which the filtered list must not show.
		fixtures.lineItem(customer, fixtures.product("OLDER"), 2, null);
		String orderNumber = LicenseFixtures.unique("SO-MAIL");
		this.intake.receive(new SalesOrderRequest(orderNumber, java.time.LocalDate.now(),
				new SalesOrderRequest.SoldTo(customer.getCustomerNumber(), customer.getName(), AccountType.CUSTOMER, null),
				new SalesOrderRequest.Contact("buyer@mailed.example", null, null),
				List.of(new SalesOrderRequest.Line(1, "ACC7-ENT-CH", "7.14", 6, null),
						new SalesOrderRequest.Line(2, "ACC7-STD-CH", "7.14", 9, null))),
				"test");
		ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(orderNumber)
			.singleResult()
			.getId());
		SalesOrderView order = this.intake.view(orderNumber);
		MimeMessage mail = MailReader.waitFor(greenMail(), admin.getEmail());
		URI link = URI.create(MailReader.link(mail, "/entitlements?entitlementId="));

		this.browser = new Browser(baseUrl());
		this.browser.logIn(admin.getEmail(), LicenseFixtures.PASSWORD);
		this.browser.open(link.getRawPath() + "?" + link.getRawQuery());

		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(15))
			.until(driver -> driver.findElements(By.cssSelector("#line-items tbody tr")).size() == 2);
		assertThat(this.browser.find(By.id("f-entitlementId")).getAttribute("value")).isEqualTo(order.entitlementId());
		List<String> rows = this.browser.driver()
			.findElements(By.cssSelector("#line-items tbody tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(rows).anySatisfy(row -> assertThat(row).contains(order.lines().get(0).activationId(), "ACC7-ENT-CH", "6"))
			.anySatisfy(row -> assertThat(row).contains(order.lines().get(1).activationId(), "ACC7-STD-CH", "9"))
			.allSatisfy(row -> assertThat(row).contains(order.entitlementId()));
	}

}
