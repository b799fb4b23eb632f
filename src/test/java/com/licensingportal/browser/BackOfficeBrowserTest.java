package com.licensingportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.licensingportal.account.AccountRepository;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.Browser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.Tasklist;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Order Management in a real browser: signs in to the back office, creates a customer and relates it to the demo
 * partner, whose administrator then sees it; and the portal, the back office and Tasklist in tabs of one browser,
 * none of them logging out another.
 */
class BackOfficeBrowserTest extends PortalIntegrationTest {

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
	AccountRepository accounts;

	@Test
	void omCreatesACustomerRelatesItToThePartnerAndThePartnersAdministratorSeesIt() {
		String customerName = LicenseFixtures.unique("Journey Customer");
		String partnerNumber = this.world.partner().getAccountNumber();
		try (Browser browser = new Browser(baseUrl())) {
			signInToTheBackOffice(browser, this.om);
			browser.click(By.linkText("Accounts")).click(By.id("new-account"));
			browser.type(By.id("name"), customerName)
				.type(By.id("customerNumber"), LicenseFixtures.unique("CN"))
				.click(By.id("type-customer"))
				.click(By.id("create"));
			assertThat(browser.find(By.id("message")).getText()).contains("was created");
			browser.type(By.id("other"), partnerNumber).click(By.id("relate"));
			assertThat(browser.find(By.id("message")).getText()).contains("The accounts are related");
			assertThat(browser.find(By.id("relations")).getText()).contains(this.world.partner().getName());
			assertThat(browser.find(By.id("audit-trail")).getText()).contains("Created", "Related to a partner", this.om.id());
			assertThat(browser.contentSecurityViolations()).isEmpty();

			browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD).open("/related-accounts");
			assertThat(browser.find(By.id("main")).getText()).contains(customerName);
		}
	}

	/**
	 * Order Management's language comes from the browser (Camunda users have no portal profile): with French first,
	 * the back office speaks French, from the sign-in to a refusal, a flash message and the audit trail.
	 */
	@Test
	void omWithAFrenchBrowserSeesTheBackOfficeInFrench() {
		String customerName = LicenseFixtures.unique("Client Journey");
		try (Browser browser = new Browser(baseUrl(), "fr-CA,fr")) {
			browser.open("/back-office/login");
			assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
			assertThat(browser.find(By.id("main")).getText()).contains("connectez-vous avec votre identifiant Camunda");
			browser.type(By.id("username"), this.om.id())
				.type(By.id("password"), "not the password")
				.click(By.cssSelector("button[type=submit]"));
			assertThat(browser.find(By.id("login-error")).getText())
				.isEqualTo("L’identifiant ou le mot de passe n’est pas bon, ou l’utilisateur ne fait pas partie de la gestion des commandes.");

			signInToTheBackOffice(browser, this.om);
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Back-office");
			browser.open("/back-office/accounts/new");
			assertThat(browser.driver().getTitle()).startsWith("Créer un compte");
			browser.type(By.id("name"), customerName).click(By.id("type-customer")).click(By.id("create"));
			assertThat(browser.find(By.id("message")).getText()).startsWith("Le compte " + customerName + " a été créé");
			assertThat(browser.find(By.id("relations")).getText()).contains("Partenaires");
			browser.type(By.id("other"), "A-0000-0000").click(By.id("relate"));
			assertThat(browser.find(By.id("error")).getText()).isEqualTo(
					"Aucun compte n’a le numéro de compte A-0000-0000. Vérifiez le numéro, ou trouvez le compte par son nom.");
			assertThat(browser.find(By.id("audit-trail")).getText()).contains("Journal d’audit", "Création");

			browser.open("/back-office/sales-orders?state=NONE");
			assertThat(browser.find(By.id("search-problems")).getText())
				.isEqualTo("Il n’y a pas d’état « NONE » : choisissez-en un de la liste.");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Commandes");
			assertThat(browser.contentSecurityViolations()).isEmpty();
		}
	}

	@Test
	void thePortalTheBackOfficeAndTasklistWorkSideBySideInOneBrowser() {
		try (Browser browser = new Browser(baseUrl())) {
			browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);
			String portalTab = browser.driver().getWindowHandle();
			assertPortalStillLoggedIn(browser, portalTab, "after the portal login");

			browser.driver().switchTo().newWindow(WindowType.TAB);
			// Tasklist's first load (its scripts) is slow on a busy machine; the helper then waits its usual 15 s.
			browser.open("/camunda/app/tasklist/default/");
			new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[ng-model=username]")));
			new Tasklist(browser).logInAsOrderManagement(this.om);
			assertPortalStillLoggedIn(browser, portalTab, "after the Tasklist login");

			browser.driver().switchTo().newWindow(WindowType.TAB);
			signInToTheBackOffice(browser, this.om);
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

	private static void signInToTheBackOffice(Browser browser, CamundaUser om) {
		browser.open("/back-office/login")
			.type(By.id("username"), om.id())
			.type(By.id("password"), om.password())
			.click(By.cssSelector("button[type=submit]"));
		assertThat(browser.find(By.id("tasks-waiting")).getText()).matches("\\d+");
	}

}
