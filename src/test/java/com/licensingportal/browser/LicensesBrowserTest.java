package com.licensingportal.browser;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.offline.LicenseFileVerifier;
import com.licensingportal.support.Browser;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.PortalIntegrationTest;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner administrator in a real browser: filters List Entitlements, selects two rows, exports them and
 * reads the downloaded CSV; activates channels online on a new device and opens the device; activates offline
 * with a request file and verifies the downloaded license file with the published key.
 */
class LicensesBrowserTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	private Browser browser;

	private World world;

	@Autowired
	UserRepository users;

	private Product product;

	private List<LineItem> lineItems;

	@BeforeEach
	void data() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		this.world = fixtures.world();
		this.product = fixtures.product("BRW");
		this.lineItems = fixtures.order(this.world.customer(), new OrderLine(this.product, "7.14", 16, null),
				new OrderLine(this.product, "7.12", 8, LocalDate.now().plusDays(90)),
				new OrderLine(this.product, "7.10", 4, null));
		this.browser = new Browser(baseUrl());
		this.browser.logIn(this.world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void listEntitlementsFitsA1280PixelScreenWithoutScrollingSideways() {
		this.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
		// The default list, and one with expired rows (their badge) and used-up ones: the widest rows it shows.
		for (String page : List.of("/entitlements", "/entitlements?expiration=expired&showUsedUp=true")) {
			this.browser.open(page);
			this.browser.find(By.id("line-items"));
			Object overflow = ((JavascriptExecutor) this.browser.driver()).executeScript(
					"var t = document.getElementById('line-items'); return t.scrollWidth - t.parentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).as("pixels the table on %s is wider than its place", page)
				.isLessThanOrEqualTo(0);
		}
		Object pageOverflow = ((JavascriptExecutor) this.browser.driver())
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		assertThat(((Number) pageOverflow).intValue()).isLessThanOrEqualTo(0);
	}

	@Test
	void filterSelectTwoRowsAndExportThemAsCsv() throws Exception {
		this.browser.open("/entitlements")
			.type(By.id("f-product"), this.product.getPartNumber())
			.click(By.id("search-button"));
		waitFor(() -> this.browser.driver().findElements(By.cssSelector("#line-items tbody tr")).size() == 3);
		assertThat(this.browser.driver().getCurrentUrl()).contains("product=" + this.product.getPartNumber());

		String first = this.lineItems.get(0).getActivationId();
		String third = this.lineItems.get(2).getActivationId();
		this.browser.click(By.id("select-" + first)).click(By.id("select-" + third));
		this.browser.click(By.id("export-menu")).click(By.id("export-selected"));

		Path csv = this.browser.downloads().resolve("entitlements-" + LocalDate.now() + ".csv");
		waitFor(() -> Files.exists(csv) && !Files.exists(csv.resolveSibling(csv.getFileName() + ".crdownload")));
		List<CSVRecord> records;
		try (Reader reader = new InputStreamReader(BOMInputStream.builder().setPath(csv).get(), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			assertThat(parser.getHeaderNames()).containsExactly("Activation ID", "Entitlement ID", "Sold to", "Product",
					"Version", "Available quantity", "Total quantity", "Expiration");
			records = parser.getRecords();
		}
		assertThat(records).extracting(record -> record.get("Activation ID")).containsExactlyInAnyOrder(first, third);
		CSVRecord firstRecord = records.stream().filter(record -> record.get("Activation ID").equals(first)).findFirst().orElseThrow();
		assertThat(firstRecord.values()).containsExactly(first, this.lineItems.get(0).getEntitlement().getEntitlementId(),
				this.world.customer().getName(), this.product.getPartNumber(), "7.14", "16", "16", "Permanent");
	}

	@Test
	void activateOnlineOnANewDeviceAndOpenTheDevice() {
		String activationId = this.lineItems.get(1).getActivationId();
		String deviceName = LicenseFixtures.unique("BROWSER-NVR");

		this.browser.open("/devices").click(By.id("activate-online"));
		this.browser.click(By.id("target-new"))
			.type(By.id("name"), deviceName)
			.type(By.id("hostId"), LicenseFixtures.unique("HOST"));
		new Select(this.browser.find(By.id("account"))).selectByVisibleText(this.world.customer().getName());
		press(By.id("next"));
		this.browser.type(By.id("channels-" + activationId), "3");
		press(By.id("activate"));

		assertThat(this.browser.find(By.id("success")).getText()).isEqualTo("Activated 3 channels on " + deviceName + ".");
		this.browser.open("/devices?q=" + deviceName).click(By.linkText(deviceName));
		assertThat(this.browser.find(By.id("device-name")).getText()).isEqualTo(deviceName);
		WebElement row = this.browser.find(By.cssSelector("#device-licenses tr[data-activation-id='" + activationId + "']"));
		assertThat(row.getText()).contains(activationId, this.product.getPartNumber(), "7.12", "3",
				LocalDate.now().plusDays(90).toString(), this.world.partnerAdmin().getEmail());
	}

	@Test
	void activateOfflineWithARequestFileAndDownloadTheSignedLicenseFile(@TempDir Path directory) throws Exception {
		String activationId = this.lineItems.get(2).getActivationId();
		String hostId = LicenseFixtures.unique("OFFLINE-HOST");
		Path request = Files.writeString(directory.resolve("request.json"), """
				{"formatVersion": 1, "deviceName": "HARBOR-OFFLINE", "hostId": "%s", "nonce": "%s",
				 "createdAt": "2026-11-27T09:30:00Z", "licenses": [{"activationId": "%s", "quantity": 2}]}
				""".formatted(hostId, UUID.randomUUID().toString().replace("-", ""), activationId));

		this.browser.open("/devices").click(By.id("activate-offline"));
		this.browser.find(By.id("requestFile")).sendKeys(request.toString());
		press(By.id("upload"));
		assertThat(this.browser.find(By.id("success")).getText()).startsWith("Activated 2 channels on HARBOR-OFFLINE.");
		press(By.id("download-license-file"));

		waitFor(() -> licenseFiles().size() == 1);
		String licenseFile = Files.readString(licenseFiles().get(0));
		String publicKey = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/.well-known/licensing-public-key")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		JsonNode payload = LicenseFileVerifier.verify(licenseFile, LicenseFileVerifier.readPublicKey(publicKey));
		assertThat(payload.path("request").path("hostId").asText()).isEqualTo(hostId);
		assertThat(payload.path("licenses").get(0).path("activationId").asText()).isEqualTo(activationId);
		assertThat(payload.path("licenses").get(0).path("channels").asInt()).isEqualTo(2);
	}

	/**
	 * The same list for a partner who chose French on their profile: French words, plurals and dates, still within
	 * 1280 pixels; the CSV export stays the file format it is (English header, ISO dates).
	 */
	@Test
	void listEntitlementsInFrenchFitsA1280PixelScreenAndExportsTheSameCsv() throws Exception {
		PortalUser admin = this.users.findById(this.world.partnerAdmin().getId()).orElseThrow();
		admin.setLanguage("fr");
		this.users.save(admin);
		this.browser.logOut().logIn(admin.getEmail(), LicenseFixtures.PASSWORD);
		this.browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

		this.browser.open("/entitlements?product=" + this.product.getPartNumber());
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Liste des droits");
		assertThat(this.browser.find(By.id("summary")).getText()).isEqualTo("1–3 de 3 licences · 28 de 28 canaux disponibles");
		assertThat(this.browser.find(By.id("f-expiringBefore-help")).getText()).startsWith("Liste aussi les licences déjà expirées");
		assertThat(this.browser.driver().findElements(By.cssSelector("#line-items thead a.sort-link")))
			.extracting(WebElement::getText)
			.containsExactly("ID d’activation", "ID de droit", "Vendu à", "Produit", "Version", "Qté disponible", "Qté totale",
					"Expiration");
		String dated = this.lineItems.get(1).getActivationId();
		assertThat(this.browser.find(By.cssSelector("#line-items tr[data-activation-id='" + dated + "']")).getText())
			.contains(frenchDay(LocalDate.now().plusDays(90)));
		for (String page : List.of("/entitlements", "/entitlements?expiration=expired&showUsedUp=true")) {
			this.browser.open(page);
			this.browser.find(By.id("line-items"));
			Object overflow = ((JavascriptExecutor) this.browser.driver()).executeScript(
					"var t = document.getElementById('line-items'); return t.scrollWidth - t.parentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).as("pixels the table on %s is wider than its place", page)
				.isLessThanOrEqualTo(0);
		}

		// Nothing ticked: the reason in French; then one row, exported as the same CSV as in English.
		this.browser.open("/entitlements?product=" + this.product.getPartNumber());
		this.browser.click(By.id("export-menu")).click(By.id("export-selected"));
		assertThat(this.browser.find(By.id("flash-message")).getText()).isEqualTo("Sélectionnez au moins une licence à exporter.");
		this.browser.click(By.id("select-" + dated));
		this.browser.click(By.id("export-menu")).click(By.id("export-selected"));
		Path csv = this.browser.downloads().resolve("entitlements-" + LocalDate.now() + ".csv");
		waitFor(() -> Files.exists(csv) && !Files.exists(csv.resolveSibling(csv.getFileName() + ".crdownload")));
		try (Reader reader = new InputStreamReader(BOMInputStream.builder().setPath(csv).get(), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
			assertThat(parser.getHeaderNames()).containsExactly("Activation ID", "Entitlement ID", "Sold to", "Product",
					"Version", "Available quantity", "Total quantity", "Expiration");
			assertThat(parser.getRecords().get(0).get("Expiration")).isEqualTo(LocalDate.now().plusDays(90).toString());
		}
	}

	/** "26 novembre 2026": the French style of a day. */
	private static String frenchDay(LocalDate day) {
		return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.FRENCH));
	}

	private List<Path> licenseFiles() {
		try (var files = Files.list(this.browser.downloads())) {
			return files.filter(file -> file.getFileName().toString().matches("license-D-.*\\.json")).toList();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Clicks after scrolling the element into view at once (Bootstrap scrolls smoothly): long pages hide buttons. */
	private void press(By by) {
		WebElement element = this.browser.find(by);
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		this.browser.click(by);
	}

	private void waitFor(BooleanSupplier condition) {
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(15)).until(driver -> condition.getAsBoolean());
	}

}
