package com.licensingportal.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver (no browser download: none can work here).
 * One per test class; close it in {@code @AfterAll}.
 */
public final class Browser implements AutoCloseable {

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final WebDriver driver;

	private final Path downloads;

	private final String baseUrl;

	/** A browser with Chromium's own language settings (English). */
	public Browser(String baseUrl) {
		this(baseUrl, null);
	}

	/**
	 * A browser whose user reads these languages, best first, as Chromium's language setting sends them
	 * (Accept-Language), e.g. {@code "fr-CA,fr"}; null: Chromium's own.
	 */
	public Browser(String baseUrl, String acceptLanguages) {
		this.baseUrl = baseUrl;
		try {
			this.downloads = Files.createTempDirectory("browser-downloads");
			Path profile = Files.createTempDirectory("browser-profile");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
			Map<String, Object> prefs = new java.util.HashMap<>(Map.of("download.default_directory",
					this.downloads.toString(), "download.prompt_for_download", false));
			if (acceptLanguages != null) {
				options.addArguments("--lang=" + acceptLanguages.split(",")[0]);
				prefs.put("intl.accept_languages", acceptLanguages);
			}
			options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
			options.setExperimentalOption("prefs", prefs);
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
				.usingAnyFreePort()
				.build();
			this.driver = new ChromeDriver(service, options);
			this.driver.manage().timeouts().implicitlyWait(Duration.ZERO);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	public Path downloads() {
		return this.downloads;
	}

	public Browser open(String path) {
		this.driver.get(path.startsWith("http") ? path : this.baseUrl + path);
		return this;
	}

	public WebElement find(By by) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
	}

	public Browser type(By by, String text) {
		WebElement element = find(by);
		element.clear();
		element.sendKeys(text);
		return this;
	}

	public Browser click(By by) {
		new WebDriverWait(this.driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by)).click();
		return this;
	}

	/** Logs in through the real login page, and waits until the browser has left it (for the portal, or the login page again with its message). */
	public Browser logIn(String email, String password) {
		open("/login");
		WebElement loginPage = this.driver.findElement(By.tagName("html"));
		type(By.id("email"), email);
		type(By.id("password"), password);
		click(By.cssSelector("button[type=submit]"));
		// The next page (List Entitlements, or the login page again with its message) has replaced this one.
		new WebDriverWait(this.driver, Duration.ofSeconds(15))
			.until(driver -> replaced(loginPage, driver) && "complete"
				.equals(((org.openqa.selenium.JavascriptExecutor) driver).executeScript("return document.readyState")));
		return this;
	}

	/**
	 * Whether the page of {@code element} has been replaced. Chromium sometimes answers for an element of a page
	 * being replaced with "Node with given id does not belong to the document" (an unknown error, not a stale
	 * element): that is the same answer.
	 */
	private static boolean replaced(WebElement element, WebDriver driver) {
		try {
			return ExpectedConditions.stalenessOf(element).apply(driver);
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	public Browser logOut() {
		this.driver.manage().deleteAllCookies();
		return this;
	}

	/** What the browser refused under the Content-Security-Policy since the last call (from its console). */
	public List<String> contentSecurityViolations() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
