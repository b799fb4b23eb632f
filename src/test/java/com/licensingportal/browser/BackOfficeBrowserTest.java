package com.licensingportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.licensingportal.account.AccountRepository;
import com.licensingportal.demo.DemoData;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.Tasklist;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Order Management in a real browser: signs in to the back office, creates a customer and relates it to the demo
 * partner, whose administrator then sees it; and the portal, the back office and Tasklist in tabs of one browser,
 * none of them logging out another.
 */
class BackOfficeBrowserTest extends PortalIntegrationTest {

	@Autowired
	AccountRepository accounts;

	@Test
	void omCreatesACustomerRelatesItToThePartnerAndThePartnersAdministratorSeesIt() {
		String customerName = LicenseFixtures.unique("Journey Customer");
		String partnerNumber = this.accounts.findByName(DemoData.PARTNER_NAME).orElseThrow().getAccountNumber();
		try (Browser browser = new Browser(baseUrl())) {
			signInToTheBackOffice(browser);
			browser.click(By.linkText("Accounts")).click(By.id("new-account"));
			browser.type(By.id("name"), customerName)
				.type(By.id("customerNumber"), LicenseFixtures.unique("CN"))
				.click(By.id("type-customer"))
				.click(By.id("create"));
			assertThat(browser.find(By.id("message")).getText()).contains("was created");
			browser.type(By.id("other"), partnerNumber).click(By.id("relate"));
			assertThat(browser.find(By.id("message")).getText()).contains("The accounts are related");
			assertThat(browser.find(By.id("relations")).getText()).contains(DemoData.PARTNER_NAME);
			assertThat(browser.find(By.id("audit-trail")).getText()).contains("Created", "Related to a partner", "om");
			assertThat(browser.contentSecurityViolations()).isEmpty();

			browser.logIn(DemoData.PARTNER_ADMIN, DemoData.PASSWORD).open("/related-accounts");
			assertThat(browser.find(By.id("main")).getText()).contains(customerName);
		}
	}

	@Test
	void thePortalTheBackOfficeAndTasklistWorkSideBySideInOneBrowser() {
		try (Browser browser = new Browser(baseUrl())) {
			browser.logIn(DemoData.PARTNER_ADMIN, DemoData.PASSWORD);
			String portalTab = browser.driver().getWindowHandle();
			assertPortalStillLoggedIn(browser, portalTab, "after the portal login");

			browser.driver().switchTo().newWindow(WindowType.TAB);
			// Tasklist's first load (its scripts) is slow on a busy machine; the helper then waits its usual 15 s.
			browser.open("/camunda/app/tasklist/default/");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model=username]")));
			new Tasklist(browser).logInAsOrderManagement();
			assertPortalStillLoggedIn(browser, portalTab, "after the Tasklist login");

			browser.driver().switchTo().newWindow(WindowType.TAB);
			signInToTheBackOffice(browser);
			assertPortalStillLoggedIn(browser, portalTab, "after the back-office sign-in");

			browser.open("/back-office/accounts");
			assertThat(browser.find(By.id("accounts")).isDisplayed()).as("the back office").isTrue();
			browser.open("/camunda/app/tasklist/default/");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).withMessage("Tasklist")
				.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//a[contains(normalize-space(.), 'Order Management')]")));
		}
	}

	/** Opens List Entitlements in the portal's tab (and stays there): still logged in, not sent to the login page. */
	private static void assertPortalStillLoggedIn(Browser browser, String portalTab, String when) {
		browser.driver().switchTo().window(portalTab);
		browser.open("/entitlements");
		assertThat(browser.driver().getCurrentUrl())
			.as("the portal tab %s (cookies: %s)", when, browser.driver().manage().getCookies())
			.endsWith("/entitlements");
	}

	private static void signInToTheBackOffice(Browser browser) {
		browser.open("/back-office/login")
			.type(By.id("username"), DemoData.OM_USER)
			.type(By.id("password"), DemoData.OM_PASSWORD)
			.click(By.cssSelector("button[type=submit]"));
		assertThat(browser.find(By.id("tasks-waiting")).getText()).matches("\\d+");
	}

}
