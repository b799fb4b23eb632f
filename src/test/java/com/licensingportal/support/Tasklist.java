package com.licensingportal.support;

import java.time.Duration;

import com.licensingportal.support.LicenseFixtures.CamundaUser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real Camunda Tasklist as Order Management works it: log in, the "Order Management" filter, a task by its
 * name, Claim, the Camunda Form's fields (found by the end of their element ids, which form-js derives from the
 * form's component ids), Complete.
 */
public final class Tasklist {

	private final Browser browser;

	public Tasklist(Browser browser) {
		this.browser = browser;
	}

	/** Logs in as a member of Order Management ({@link LicenseFixtures#orderManager()}) and opens its filter. */
	public Tasklist logInAsOrderManagement(CamundaUser orderManager) {
		this.browser.open("/camunda/app/tasklist/default/");
		this.browser.type(By.cssSelector("input[ng-model=username]"), orderManager.id())
			.type(By.cssSelector("input[ng-model=password]"), orderManager.password())
			.click(By.cssSelector("button[type=submit]"));
		clickInView(By.xpath("//a[contains(normalize-space(.), 'Order Management')]"));
		return this;
	}

	/** Opens the task whose name contains the text and claims it. */
	public Tasklist openAndClaim(String taskName) {
		clickInView(taskLink(taskName));
		clickInView(By.cssSelector("button.claim"));
		return this;
	}

	/** The visible element whose id ends with the given text, e.g. a form field's {@code Field_email}. */
	public WebElement field(String tag, String idEnd) {
		return waitFor(By.cssSelector(tag + "[id$='" + idEnd + "']"));
	}

	/** Types into a form field, replacing what it holds. */
	public Tasklist replace(WebElement input, String text) {
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		input.sendKeys(text);
		return this;
	}

	/** Clicks a form field (a radio button, a check box) by the end of its id. */
	public Tasklist choose(String idEnd) {
		clickInView(By.cssSelector("input[id$='" + idEnd + "']"));
		return this;
	}

	/** Tasklist's Complete button sits where the page footer lies over it: pressed with the keyboard. */
	public Tasklist complete() {
		WebElement complete = new WebDriverWait(this.browser.driver(), Duration.ofSeconds(30))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
		complete.sendKeys(Keys.ENTER);
		return this;
	}

	/** Waits until the task has left the list: completed. */
	public Tasklist waitUntilGone(String taskName) {
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(30))
			.until(ExpectedConditions.invisibilityOfElementLocated(taskLink(taskName)));
		return this;
	}

	public WebElement waitFor(By by) {
		return new WebDriverWait(this.browser.driver(), Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/**
	 * Tasklist keeps a footer over the bottom of the page: bring the element to the middle, then click. Tasklist
	 * redraws its lists while it refreshes them, so an element found may be replaced before the click: find it again.
	 */
	public void clickInView(By by) {
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
			.until(driver -> {
				WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
				if (element == null) {
					return false;
				}
				((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
				element.click();
				return true;
			});
	}

	private static By taskLink(String taskName) {
		return By.xpath("//li[contains(@class, 'task')]//a[contains(normalize-space(.), '" + taskName + "')]");
	}

}
