package com.licensingportal.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.licensingportal.license.Product;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page a person reads, scanned in a real browser with axe-core's WCAG 2.1 A and AA rules (the rules an
 * accessibility audit starts with): the public pages, and each signed-in page as the user types that see it,
 * including the pages a list links to; each in English and in French (a browser that asks for French, and a
 * page that says lang="fr"). A violation names the language, the page, the rule and the element.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTest extends PortalIntegrationTest {

	private static final List<String> WCAG_21_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	/** Each language with what its browser asks for. */
	private static final Map<String, String> LANGUAGES = Map.of("en", "en-US,en", "fr", "fr-CA,fr");

	@Autowired
	ApplicationContext context;

	private final Map<String, Browser> browsers = new LinkedHashMap<>();

	/** The browser of the language being scanned. */
	private Browser browser;

	private String language;

	private World world;

	/** A partner and its customers with a license each, one with a device: every list has a row to open. */
	@BeforeAll
	void world() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		this.world = fixtures.world();
		Product product = fixtures.product("Axe");
		fixtures.lineItem(this.world.partner(), product, 20, null);
		// An expired one too: its badge and warning are on the pages.
		fixtures.lineItem(this.world.customer(), product, 16, java.time.LocalDate.now().minusDays(3));
		fixtures.activateOnNewDevice(fixtures.lineItem(this.world.partner(), product, 8, null), 2, "AXE-NVR-01");
		fixtures.lineItem(this.world.customer(), product, 6, null);
	}

	@BeforeAll
	void openBrowsers() {
		LANGUAGES.forEach((language, acceptLanguages) -> {
			Browser browser = new Browser(baseUrl(), acceptLanguages);
			browser.driver().manage().window().setSize(new Dimension(1280, 900));
			this.browsers.put(language, browser);
		});
	}

	@AfterEach
	void logOut() {
		this.browsers.values().forEach(Browser::logOut);
	}

	@AfterAll
	void closeBrowsers() {
		this.browsers.values().forEach(Browser::close);
	}

	/** Scans with the browser of this language from now on. */
	private void in(String language) {
		this.language = language;
		this.browser = this.browsers.get(language);
	}

	@Test
	void thePublicPagesKeepToWcag21() {
		List<String> violations = new ArrayList<>();
		for (String language : LANGUAGES.keySet()) {
			in(language);
			for (String page : List.of("/login", "/register", "/forgot-password", "/password-reset/no-such-link",
					"/invitations/no-such-link", "/no-such-page")) {
				violations.addAll(scan(page));
			}
		}

		assertThat(violations).isEmpty();
	}

	@Test
	void thePartnerAdministratorsPagesKeepToWcag21() {
		List<String> violations = new ArrayList<>();
		for (String language : LANGUAGES.keySet()) {
			in(language);
			this.browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);
			for (String page : List.of("/entitlements", "/devices", "/users", "/users/new", "/related-accounts",
					"/related-users", "/transfers", "/profile/tokens", "/devices/activate-offline", "/profile")) {
				violations.addAll(scan(page));
			}
			violations.addAll(scanFirstLink("/entitlements", "#line-items tbody a"));
			violations.addAll(scanFirstLink("/users", "main tbody a"));
			violations.addAll(scanFirstLink("/devices", "main tbody a"));
		}

		assertThat(violations).isEmpty();
	}

	@Test
	void theCustomerUsersPagesKeepToWcag21() {
		List<String> violations = new ArrayList<>();
		for (String language : LANGUAGES.keySet()) {
			in(language);
			this.browser.logIn(this.world.customerUser().getEmail(), LicenseFixtures.PASSWORD);
			for (String page : List.of("/entitlements", "/devices", "/users", "/transfers", "/profile/tokens")) {
				violations.addAll(scan(page));
			}
			violations.addAll(scanFirstLink("/entitlements", "#line-items tbody a"));
		}

		assertThat(violations).isEmpty();
	}

	@Test
	void theBackOfficesPagesKeepToWcag21() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		LicenseFixtures.CamundaUser om = fixtures.orderManager();
		String order = fixtures.enteredSalesOrder(fixtures.numbered(LicenseFixtures.unique("Axe Ordering"),
				com.licensingportal.account.AccountType.CUSTOMER),
				new com.licensingportal.salesorder.SalesOrderRequest.Line(1, "ACC7-ENT-CH", "7.14", 2, null)).orderNumber();
		List<String> violations = new ArrayList<>();
		for (String language : LANGUAGES.keySet()) {
			in(language);
			this.browser.open("/back-office/login")
				.type(By.id("username"), om.id())
				.type(By.id("password"), om.password())
				.click(By.cssSelector("button[type=submit]"));
			this.browser.find(By.id("tasklist-link"));
			for (String page : List.of("/back-office", "/back-office/accounts", "/back-office/accounts/new",
					"/back-office/accounts/" + this.world.partner().getAccountNumber(), "/back-office/products",
					"/back-office/products/ACC7-ENT-CH", "/back-office/sales-orders", "/back-office/sales-orders/new",
					"/back-office/sales-orders/import", "/back-office/sales-orders/" + order, "/back-office/audit")) {
				violations.addAll(scan(page));
			}
		}

		assertThat(violations).isEmpty();
	}

	@Test
	void aPageThatBreaksARuleIsCaught() {
		in("en");
		this.browser.logIn(this.world.partnerUser().getEmail(), LicenseFixtures.PASSWORD);
		this.browser.open("/entitlements");
		// Light grey on white: far below the 4.5:1 that WCAG 2.1 AA asks of normal text.
		((org.openqa.selenium.JavascriptExecutor) this.browser.driver())
			.executeScript("var p = document.createElement('p'); p.textContent = 'Hard to read';"
					+ "p.className = 'text-body-tertiary'; document.getElementById('main').appendChild(p);");

		assertThat(violations("/entitlements", analyze())).anySatisfy(v -> assertThat(v).contains("color-contrast"));
	}

	/** The page's violations; the page must be in the language being scanned. */
	private List<String> scan(String page) {
		this.browser.open(page);
		this.browser.find(By.tagName("h1"));
		assertThat(this.browser.find(By.tagName("html")).getDomAttribute("lang")).as("the language of %s", page)
			.isEqualTo(this.language);
		return violations(this.language + " " + page, analyze());
	}

	/** Opens the first link of a list and scans the page it leads to (nothing, when the list is empty). */
	private List<String> scanFirstLink(String listPage, String linkSelector) {
		this.browser.open(listPage);
		List<WebElement> links = this.browser.driver().findElements(By.cssSelector(linkSelector));
		assertThat(links).as("a link on %s to scan the page behind it", listPage).isNotEmpty();
		String target = links.get(0).getDomAttribute("href");
		return scan(target);
	}

	private Results analyze() {
		return new AxeBuilder().withTags(WCAG_21_A_AA).analyze(this.browser.driver());
	}

	private static List<String> violations(String page, Results results) {
		return results.getViolations()
			.stream()
			.map(rule -> page + ": " + rule.getId() + " (" + rule.getHelp() + ") at " + targets(rule))
			.toList();
	}

	private static String targets(Rule rule) {
		return rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", "));
	}

}
