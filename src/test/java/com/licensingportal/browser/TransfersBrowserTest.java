package com.licensingportal.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.support.Tasklist;
import com.licensingportal.transfer.ChannelTransferRepository;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Transferring License Channels" in a real browser, on accounts of its own (so that other tests' data cannot
 * change the pages under it): a partner administrator transfers 5 of 20 channels to its related customer
 * (approved automatically) and the customer's administrator finds a new license with 5 channels; a transfer to
 * an unrelated account waits until a member of Order Management approves it in the real Tasklist, then completes.
 */
class TransfersBrowserTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ChannelTransferRepository transfers;

	@Autowired
	ManagementService management;

	@Autowired
	UserRepository users;

	private Browser browser;

	private Product product;

	private Account customer;

	private PortalUser partnerAdmin;

	private PortalUser customerAdmin;

	private LineItem bulk;

	private String partnerName;

	@BeforeEach
	void data() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		this.customer = fixtures.customer(LicenseFixtures.unique("Larkspur Clinic"));
		Account partner = fixtures.partnerOf(LicenseFixtures.unique("Kestrel Security"), this.customer);
		this.partnerName = partner.getName();
		this.partnerAdmin = fixtures.user("Kestrel", partner, UserType.PARTNER_ADMINISTRATOR);
		this.customerAdmin = fixtures.user("Larkspur", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
		this.product = fixtures.product("BTR");
		this.bulk = fixtures.lineItem(partner, this.product, 20, null);
		this.browser = new Browser(baseUrl());
		// Tall enough that Tasklist's form and its Complete button fit above the page footer.
		this.browser.driver().manage().window().setSize(new Dimension(1400, 1600));
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aPartnerTransfersFiveOfTwentyChannelsToItsCustomerWhoSeesANewLicense() {
		this.browser.logIn(this.partnerAdmin.getEmail(), LicenseFixtures.PASSWORD);

		String number = transfer(5, this.customer.getAccountNumber());

		assertThat(this.browser.find(By.id("flash-success")).getText()).startsWith("Transfer " + number + " is approved (")
			.endsWith("the 5 channels are on their way to " + this.customer.getName() + ".");
		ProcessJobs.executeDue(this.management, processInstanceId(number));
		this.browser.open("/transfers/" + number);
		assertThat(this.browser.find(By.id("transfer-state")).getText()).isEqualTo("Completed");
		String created = this.browser.find(By.id("transfer-result")).getText();
		assertThat(created).isNotEqualTo(this.bulk.getActivationId()).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");

		this.browser.logOut().logIn(this.customerAdmin.getEmail(), LicenseFixtures.PASSWORD);
		this.browser.open("/entitlements?product=" + this.product.getPartNumber());
		List<WebElement> rows = rows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getAttribute("data-activation-id")).isEqualTo(created);
		assertThat(rows.get(0).findElements(By.cssSelector("td.number"))).extracting(WebElement::getText).containsExactly("5", "5");
		assertThat(rows.get(0).getText()).contains(this.customer.getName());
	}

	@Test
	void aTransferToAnUnrelatedAccountWaitsUntilOrderManagementApprovesItInTasklist() {
		Account stranger = new LicenseFixtures(this.context).customer(LicenseFixtures.unique("Osprey Marina"));
		this.browser.logIn(this.partnerAdmin.getEmail(), LicenseFixtures.PASSWORD);

		String number = transfer(3, stranger.getAccountNumber());

		assertThat(this.browser.find(By.id("transfer-state")).getText()).isEqualTo("Pending approval");
		assertThat(this.browser.find(By.id("flash-success")).getText()).contains("waits for Order Management's approval");
		ProcessJobs.executeDue(this.management, processInstanceId(number));
		this.browser.logOut();

		String taskName = "Approve channel transfer " + number + " (3 channels)";
		CamundaUser orderManager = new LicenseFixtures(this.context).orderManager();
		Tasklist tasklist = new Tasklist(this.browser).logInAsOrderManagement(orderManager).openAndClaim(taskName);
		// The form's text shows the transfer as the process knows it, not the template's placeholders.
		String summary = tasklist.waitFor(By.xpath("//*[contains(normalize-space(.), 'Transfer " + number + "')]")).getText();
		assertThat(summary).doesNotContain("{{");
		String form = tasklist.waitFor(By.cssSelector(".fjs-form")).getText();
		assertThat(form).contains("3 channels", this.product.getPartNumber(), this.bulk.getActivationId(), stranger.getName(),
				stranger.getAccountNumber(), this.partnerAdmin.getEmail(), "Partner Administrator", "Reserved for a transfer");
		tasklist.choose("Approval-0");
		tasklist.replace(tasklist.field("textarea", "ApprovalReason"), "Confirmed by phone").complete().waitUntilGone(taskName);
		this.browser.logOut();
		ProcessJobs.executeDue(this.management, processInstanceId(number));

		this.browser.logIn(this.partnerAdmin.getEmail(), LicenseFixtures.PASSWORD);
		this.browser.open("/transfers/" + number);
		assertThat(this.browser.find(By.id("transfer-state")).getText()).isEqualTo("Completed");
		assertThat(this.browser.find(By.id("transfer-approval")).getText()).contains("approved by " + orderManager.id());
		assertThat(this.browser.find(By.id("transfer-reason")).getText()).isEqualTo("Confirmed by phone");
		this.browser.open("/entitlements/" + this.bulk.getActivationId());
		assertThat(this.browser.find(By.id("count-total")).getText()).isEqualTo("17");
	}

	/** List Entitlements, the license's check box, Action &gt; Transfer, the form, Transfer, OK: the transfer's number. */
	@Test
	void theFormSaysWhatCannotBeDoneBeforeAnyoneSubmits() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		LineItem expired = fixtures.lineItem(this.bulk.getOwner(), this.product, 4, LocalDate.now().minusDays(1));
		LineItem older = fixtures.order(this.customer, new OrderLine(this.product, "7.12", 3, null)).get(0);
		this.browser.logIn(this.partnerAdmin.getEmail(), LicenseFixtures.PASSWORD);

		// An expired license: the warning, and a form that cannot be filled in.
		this.browser.open("/transfers/new?activationId=" + expired.getActivationId());
		assertThat(this.browser.find(By.id("not-transferable")).getText()).contains("can no longer be transferred");
		assertThat(this.browser.find(By.id("amount")).isEnabled()).isFalse();
		assertThat(this.browser.find(By.id("transfer-button")).isEnabled()).isFalse();

		// "No": no license picker at all; "Yes": the target's licenses, and a word when the versions differ.
		this.browser.open("/transfers/new?activationId=" + this.bulk.getActivationId());
		assertThat(this.browser.find(By.id("amount")).isEnabled()).isTrue();
		this.browser.click(By.id("addToExisting-no"));
		assertThat(this.browser.find(By.id("addTo-group")).isDisplayed()).isFalse();
		this.browser.click(By.id("addToExisting-yes")).type(By.id("target"), this.customer.getAccountNumber());
		assertThat(this.browser.find(By.id("addTo-group")).isDisplayed()).isTrue();
		assertThat(this.browser.find(By.id("addTo-version")).isDisplayed()).isFalse();
		new Select(this.browser.find(By.id("addTo"))).selectByValue(older.getActivationId());
		assertThat(this.browser.find(By.id("addTo-version")).getText())
			.isEqualTo("The channels are version 7.14 and take the version of the license they are added to, 7.12.");
	}

	/**
	 * The same journey for a partner who chose French on their profile: the form, its confirmation and the
	 * outcome in French, with "1 canal" and "2 canaux" where a number counts channels, days in the French style.
	 */
	@Test
	void aPartnerWhoChoseFrenchTransfersOneChannelAndReadsEveryStepInFrench() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		LineItem expired = fixtures.lineItem(this.bulk.getOwner(), this.product, 4, LocalDate.now().minusDays(1));
		LineItem older = fixtures.order(this.customer, new OrderLine(this.product, "7.12", 3, null)).get(0);
		PortalUser admin = this.users.findById(this.partnerAdmin.getId()).orElseThrow();
		admin.setLanguage("fr");
		this.users.save(admin);
		this.browser.logIn(admin.getEmail(), LicenseFixtures.PASSWORD);

		// What cannot be done, said before anyone submits.
		this.browser.open("/transfers/new?activationId=" + expired.getActivationId());
		assertThat(this.browser.find(By.id("not-transferable")).getText()).isEqualTo("Cette licence a expiré le "
				+ LocalDate.now().minusDays(1).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH))
				+ " et ne peut plus être transférée.");
		assertThat(this.browser.find(By.id("amount")).isEnabled()).isFalse();
		assertThat(this.browser.find(By.id("transfer-button")).isEnabled()).isFalse();
		this.browser.open("/transfers/new?activationId=" + this.bulk.getActivationId());
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Transférer des canaux");
		this.browser.click(By.id("addToExisting-no"));
		assertThat(this.browser.find(By.id("addTo-group")).isDisplayed()).isFalse();
		this.browser.click(By.id("addToExisting-yes")).type(By.id("target"), this.customer.getAccountNumber());
		new Select(this.browser.find(By.id("addTo"))).selectByValue(older.getActivationId());
		assertThat(new Select(this.browser.find(By.id("addTo"))).getFirstSelectedOption().getText())
			.contains("version 7.12 · 3 canaux · permanente");
		assertThat(this.browser.find(By.id("addTo-version")).getText()).isEqualTo(
				"Les canaux sont de la version 7.14 et prennent la version de la licence à laquelle ils sont ajoutés, 7.12.");

		// One channel: singular in every sentence that counts it.
		this.browser.type(By.id("amount"), "1").click(By.id("addToExisting-no")).click(By.id("transfer-button"));
		assertThat(this.browser.find(By.id("confirmation-text")).getText()).isEqualTo("Transférer 1 canal de "
				+ this.product.getPartNumber() + " de " + this.partnerName + " à " + this.customer.getName() + " ("
				+ this.customer.getAccountNumber() + ") : une nouvelle licence (nouvel ID de droit et nouvel ID d’activation) pour "
				+ this.customer.getName() + ".");
		this.browser.click(By.id("confirm-button"));
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(15))
			.until(driver -> driver.getCurrentUrl().matches(".*/transfers/T-[^/]+$"));
		String url = this.browser.driver().getCurrentUrl();
		String number = url.substring(url.lastIndexOf('/') + 1);
		assertThat(this.browser.find(By.id("flash-success")).getText()).startsWith("Le transfert " + number + " est approuvé (")
			.contains("vers un client lié : automatique")
			.endsWith(" : le 1 canal est en route vers " + this.customer.getName() + ".");
		ProcessJobs.executeDue(this.management, processInstanceId(number));
		this.browser.open("/transfers/" + number);
		assertThat(this.browser.find(By.id("transfer-state")).getText()).isEqualTo("Terminé");
		assertThat(this.browser.find(By.id("history")).getText()).contains("Réservée pour un transfert", " UTC");
		this.browser.open("/transfers");
		assertThat(this.browser.find(By.cssSelector("tr[data-transfer='" + number + "'] .transfer-state")).getText())
			.isEqualTo("Terminé");
	}

	private String transfer(int channels, String targetAccountNumber) {
		this.browser.open("/entitlements?product=" + this.product.getPartNumber());
		assertThat(rows()).hasSize(1);
		this.browser.click(By.id("select-" + this.bulk.getActivationId()));
		this.browser.click(By.id("action-menu")).click(By.id("action-transfer"));
		this.browser.type(By.id("amount"), String.valueOf(channels))
			.type(By.id("target"), targetAccountNumber)
			.click(By.id("addToExisting-no"))
			.click(By.id("transfer-button"));
		assertThat(this.browser.find(By.id("confirmation-text")).getText()).contains(channels + " channels",
				"a new license (new Entitlement ID and Activation ID)");
		this.browser.click(By.id("confirm-button"));
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(15))
			.until(driver -> driver.getCurrentUrl().matches(".*/transfers/T-[^/]+$"));
		String url = this.browser.driver().getCurrentUrl();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private List<WebElement> rows() {
		this.browser.find(By.id("summary"));
		return this.browser.driver().findElements(By.cssSelector("#line-items tbody tr"));
	}

	private String processInstanceId(String number) {
		return this.transfers.findByTransferNumber(number).orElseThrow().getProcessInstanceId();
	}

}
