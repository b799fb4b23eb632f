package com.licensingportal.browser;

import java.util.List;

import com.licensingportal.license.Product;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The shell in a real browser: log in as a partner's and a customer's users and see the side menu and licenses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginBrowserTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	private Browser browser;

	private World world;

	private Product product;

	@BeforeAll
	void openBrowser() {
		this.browser = new Browser(baseUrl());
	}

	/** A partner selling to two customers, each of the three with a line item of its own. */
	@BeforeEach
	void world() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		this.world = fixtures.world();
		this.product = fixtures.product("Login");
		fixtures.lineItem(this.world.partner(), this.product, 20, null);
		fixtures.lineItem(this.world.customer(), this.product, 16, null);
		fixtures.lineItem(this.world.otherCustomer(), this.product, 4, null);
	}

	@AfterEach
	void logOut() {
		this.browser.logOut();
	}

	@AfterAll
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void partnerAdministratorSeesTheSideMenuAndALineItem() {
		this.browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);

		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("List Entitlements");
		List<String> menu = this.browser.find(By.id("side-menu"))
			.findElements(By.cssSelector("a.nav-link"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(menu).containsExactly("List Entitlements", "Devices", "List users", "List related accounts",
				"List related users", "Transfers");
		assertThat(this.browser.find(By.id("current-user")).getText()).isEqualTo(this.world.partnerAdmin().getDisplayName());
		// Their own account number, which others need to transfer channels to them, is on every page.
		assertThat(this.browser.find(By.id("current-account")).getText())
			.isEqualTo(this.world.partner().getName() + " · " + this.world.partner().getAccountNumber());
		List<WebElement> rows = this.browser.find(By.id("line-items")).findElements(By.cssSelector("tbody tr"));
		assertThat(rows).isNotEmpty();
		assertThat(rows.stream().map(WebElement::getText)).anySatisfy(row -> assertThat(row).contains(this.product.getPartNumber()));
	}

	@Test
	void thePagesKeepToTheContentSecurityPolicy() {
		this.browser.contentSecurityViolations();
		this.browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);
		for (String page : List.of("/entitlements", "/devices", "/users", "/related-accounts", "/related-users",
				"/profile/tokens", "/devices/activate-offline")) {
			this.browser.open(page);
			this.browser.find(By.tagName("h1"));
		}

		assertThat(this.browser.contentSecurityViolations()).isEmpty();
	}

	@Test
	void thePublicPagesKeepToTheContentSecurityPolicy() {
		this.browser.contentSecurityViolations();
		for (String page : List.of("/login", "/register", "/forgot-password", "/password-reset/no-such-link",
				"/invitations/no-such-link")) {
			this.browser.open(page);
			this.browser.find(By.tagName("h1"));
		}

		assertThat(this.browser.contentSecurityViolations()).isEmpty();
	}

	@Test
	void everyPageHasItsIcon() {
		this.browser.open("/login");
		Object icon = ((org.openqa.selenium.JavascriptExecutor) this.browser.driver()).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "fetch('/favicon.ico').then(r => done(r.status + ' ' + r.headers.get('Content-Type')));");

		assertThat(icon).asString().startsWith("200 image/");
	}

	@Test
	void aPageThatBreaksThePolicyIsCaught() {
		this.browser.contentSecurityViolations();
		// A data: URL page inherits no CSP, so load a portal page and inject a style attribute the policy refuses.
		this.browser.logIn(this.world.partnerUser().getEmail(), LicenseFixtures.PASSWORD);
		((org.openqa.selenium.JavascriptExecutor) this.browser.driver())
			.executeScript("document.body.insertAdjacentHTML('beforeend', '<div style=\\'color:red\\'>x</div>');"
					+ "var s = document.createElement('script'); s.textContent = 'window.x = 1'; document.body.appendChild(s);");

		assertThat(this.browser.contentSecurityViolations()).isNotEmpty();
	}

	@Test
	void customerUserGetsNoPartnerMenuEntries() {
		this.browser.logIn(this.world.customerUser().getEmail(), LicenseFixtures.PASSWORD);

		String menu = this.browser.find(By.id("side-menu")).getText();
		assertThat(menu).contains("List Entitlements").doesNotContain("List related accounts").doesNotContain("List related users");
		assertThat(this.browser.find(By.id("line-items")).getText()).contains(this.world.customer().getName())
			.doesNotContain(this.world.otherCustomer().getName());
	}

	@Test
	void aWrongPasswordShowsOneClearMessage() {
		this.browser.logIn(this.world.partnerUser().getEmail(), "not-the-password");

		assertThat(this.browser.find(By.id("login-error")).getText()).isEqualTo("The email or password is not right.");
	}

}
