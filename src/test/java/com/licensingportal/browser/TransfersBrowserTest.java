package com.licensingportal.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.demo.DemoData;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.Browser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.transfer.ChannelTransferRepository;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Transferring License Channels" in a real browser: the demo partner administrator transfers 5 of 20 channels
 * to its related customer (approved automatically) and the customer's administrator finds a new license with 5
 * channels; a transfer to an unrelated account waits until {@code om} approves it through /engine-rest (as
 * Tasklist would), then completes.
 */
class TransfersBrowserTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ChannelTransferRepository transfers;

	@Autowired
	ManagementService management;

	private Browser browser;

	private Product product;

	private LineItem bulk;

	@BeforeEach
	void data() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account northwind = this.accounts.findByName(DemoData.PARTNER_NAME).orElseThrow();
		this.product = fixtures.product("BTR");
		this.bulk = fixtures.lineItem(northwind, this.product, 20, null);
		this.browser = new Browser(baseUrl());
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void aPartnerTransfersFiveOfTwentyChannelsToItsCustomerWhoSeesANewLicense() {
		Account harbor = this.accounts.findByName(DemoData.CUSTOMER_NAME).orElseThrow();
		this.browser.logIn(DemoData.PARTNER_ADMIN, DemoData.PASSWORD);

		String number = transfer(5, harbor.getAccountNumber());

		assertThat(this.browser.find(By.id("flash-success")).getText()).startsWith("Transfer " + number + " is approved (")
			.endsWith("the 5 channels are on their way to " + DemoData.CUSTOMER_NAME + ".");
		ProcessJobs.executeDue(this.management, processInstanceId(number));
		this.browser.open("/transfers/" + number);
		assertThat(this.browser.find(By.id("transfer-state")).getText()).isEqualTo("Completed");
		String created = this.browser.find(By.id("transfer-result")).getText();
		assertThat(created).isNotEqualTo(this.bulk.getActivationId()).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");

		this.browser.logOut().logIn(DemoData.CUSTOMER_ADMIN, DemoData.PASSWORD);
		this.browser.open("/entitlements?product=" + this.product.getPartNumber());
		List<WebElement> rows = rows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getAttribute("data-activation-id")).isEqualTo(created);
		assertThat(rows.get(0).findElements(By.cssSelector("td.number"))).extracting(WebElement::getText).containsExactly("5", "5");
		assertThat(rows.get(0).getText()).contains(DemoData.CUSTOMER_NAME);
	}

	@Test
	void aTransferToAnUnrelatedAccountWaitsUntilOrderManagementApprovesIt() throws Exception {
		Account stranger = new LicenseFixtures(this.context).customer(LicenseFixtures.unique("Osprey Marina"));
		this.browser.logIn(DemoData.PARTNER_ADMIN, DemoData.PASSWORD);

		String number = transfer(3, stranger.getAccountNumber());

		assertThat(this.browser.find(By.id("transfer-state")).getText()).isEqualTo("Pending approval");
		assertThat(this.browser.find(By.id("flash-success")).getText()).contains("waits for Order Management's approval");
		ProcessJobs.executeDue(this.management, processInstanceId(number));

		JsonNode tasks = engineRest("GET", "/engine-rest/task?processInstanceBusinessKey=" + number, null);
		assertThat(tasks).hasSize(1);
		assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("ApproveChannelTransfer");
		String taskId = tasks.get(0).get("id").asText();
		JsonNode form = engineRest("GET", "/engine-rest/task/" + taskId + "/form-variables", null);
		assertThat(form.at("/targetAccountName/value").asText()).isEqualTo(stranger.getName());
		assertThat(form.at("/lineItemHistory/value").asText()).contains("Reserved for a transfer");
		engineRest("POST", "/engine-rest/task/" + taskId + "/complete",
				"{\"variables\": {\"approval\": {\"value\": \"approve\"}, \"approvalReason\": {\"value\": \"Confirmed by phone\"}}}");
		ProcessJobs.executeDue(this.management, processInstanceId(number));

		this.browser.open("/transfers/" + number);
		assertThat(this.browser.find(By.id("transfer-state")).getText()).isEqualTo("Completed");
		assertThat(this.browser.find(By.id("transfer-approval")).getText()).contains("approved by om");
		assertThat(this.browser.find(By.id("transfer-reason")).getText()).isEqualTo("Confirmed by phone");
		this.browser.open("/entitlements/" + this.bulk.getActivationId());
		assertThat(this.browser.find(By.id("count-total")).getText()).isEqualTo("17");
	}

	/** List Entitlements, the license's check box, Action &gt; Transfer, the form, Transfer, OK: the transfer's number. */
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

	/** Order Management's side, as Tasklist calls it: the engine's REST API as {@code om}. */
	private JsonNode engineRest(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((DemoData.OM_USER + ":" + DemoData.OM_PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return response.body().isEmpty() ? null : new ObjectMapper().readTree(response.body());
	}

}
