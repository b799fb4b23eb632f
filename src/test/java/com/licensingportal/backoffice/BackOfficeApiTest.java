package com.licensingportal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.backoffice.audit.AuditEntry;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The back office's API over HTTP: what the pages do, as Order Management's scripts do it with HTTP Basic; refusals as
 * problem+json with the same sentences; the order system's user and other Camunda users find nothing.
 */
class BackOfficeApiTest extends PortalIntegrationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	IdentityService identity;

	@Autowired
	BackOfficeAudit audit;

	@Autowired
	ObjectMapper json;

	@Autowired
	ApplicationContext context;

	@Test
	void orderManagementCreatesACustomerRelatesItAndDisablesItThroughTheApi() throws Exception {
		String staff = BackOfficeStaff.user(this.identity, true);
		String name = LicenseFixtures.unique("Api Customer");
		HttpResponse<String> customer = send(staff, "POST", "/api/v1/back-office/accounts",
				"{\"name\":\"" + name + "\",\"type\":\"CUSTOMER\",\"customerNumber\":\"" + LicenseFixtures.unique("CN") + "\"}");
		HttpResponse<String> partner = send(staff, "POST", "/api/v1/back-office/accounts",
				"{\"name\":\"" + LicenseFixtures.unique("Api Partner") + "\",\"type\":\"PARTNER\"}");
		assertThat(customer.statusCode()).isEqualTo(201);
		String customerNumber = this.json.readTree(customer.body()).get("accountNumber").asText();
		String partnerNumber = this.json.readTree(partner.body()).get("accountNumber").asText();

		assertThat(send(staff, "PUT", "/api/v1/back-office/relations/" + partnerNumber + "/customers/" + customerNumber, null)
			.statusCode()).isEqualTo(204);
		HttpResponse<String> disabled = send(staff, "PUT", "/api/v1/back-office/accounts/" + customerNumber + "/state",
				"{\"state\":\"DISABLED\"}");

		JsonNode account = this.json.readTree(disabled.body());
		assertThat(account.get("state").asText()).isEqualTo("DISABLED");
		assertThat(account.get("related").get(0).get("accountNumber").asText()).isEqualTo(partnerNumber);
		assertThat(this.audit.of(SubjectType.ACCOUNT, customerNumber)).extracting(AuditEntry::getActor).containsOnly(staff);
		JsonNode found = this.json.readTree(send(staff, "GET", "/api/v1/back-office/accounts?q=" + customerNumber, null).body());
		assertThat(found.get("total").asLong()).isEqualTo(1);
	}

	@Test
	void badInputIsAProblemWithOrderManagementsSentence() throws Exception {
		String staff = BackOfficeStaff.user(this.identity, true);
		String partner = this.json.readTree(send(staff, "POST", "/api/v1/back-office/accounts",
				"{\"name\":\"" + LicenseFixtures.unique("Api Partner") + "\",\"type\":\"PARTNER\"}").body())
			.get("accountNumber")
			.asText();

		HttpResponse<String> partnerToPartner = send(staff, "PUT",
				"/api/v1/back-office/relations/" + partner + "/customers/" + partner, null);
		HttpResponse<String> unknown = send(staff, "GET", "/api/v1/back-office/accounts/A-NOPE-NOPE", null);
		HttpResponse<String> retiredRenewal = send(staff, "POST", "/api/v1/back-office/products",
				"{\"partNumber\":\"" + LicenseFixtures.unique("API") + "\",\"name\":\"x\",\"productType\":\"T\","
						+ "\"renewalPartNumbers\":[\"NO-SUCH-PART\"]}");

		assertThat(partnerToPartner.statusCode()).isEqualTo(422);
		assertThat(partnerToPartner.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(partnerToPartner.body()).contains("is a partner account: only a customer account can be related");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("There is no account with the account number A-NOPE-NOPE");
		assertThat(retiredRenewal.statusCode()).isEqualTo(422);
		assertThat(retiredRenewal.body()).contains("There is no part number NO-SUCH-PART in the catalogue to renew with.");
	}

	@Test
	void theOrderSystemAndOtherCamundaUsersFindNothing() throws Exception {
		String orderSystem = BackOfficeStaff.user(this.identity, false);
		this.identity.createMembership(orderSystem, OrderManagementSetup.ORDER_INTAKE_GROUP);
		String outsider = BackOfficeStaff.user(this.identity, false);

		assertThat(send(orderSystem, "GET", "/api/v1/back-office/products", null).statusCode()).isEqualTo(404);
		assertThat(send(outsider, "GET", "/api/v1/back-office/products", null).statusCode()).isEqualTo(404);
		HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/back-office/products"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).contains("Back office"));
	}

	@Test
	void aPartnerUserAlreadyLoggedInSeesANewRelationAtTheNextClickAndLosesItAtTheNextClickAfterItsRemoval()
			throws Exception {
		String staff = BackOfficeStaff.user(this.identity, true);
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account customer = fixtures.customer(LicenseFixtures.unique("At Once Customer"));
		Account partner = fixtures.partner(LicenseFixtures.unique("At Once Partner"));
		PortalUser partnerUser = fixtures.user("AtOnce", partner, UserType.PARTNER_ADMINISTRATOR);
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(partnerUser.getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		assertThat(browser.open("/related-accounts").body()).doesNotContain(customer.getName());
		String relation = "/api/v1/back-office/relations/" + partner.getAccountNumber() + "/customers/"
				+ customer.getAccountNumber();

		send(staff, "PUT", relation, null);
		String related = browser.open("/related-accounts").body();
		send(staff, "DELETE", relation, null);
		String unrelated = browser.open("/related-accounts").body();

		// No node keeps visibility in memory (AccountVisibility reads it per request), so every node answers the same.
		assertThat(related).contains(customer.getName());
		assertThat(unrelated).doesNotContain(customer.getName());
	}

	private HttpResponse<String> send(String staff, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Authorization", BackOfficeStaff.basic(staff))
			.header("Accept", "application/json, application/problem+json");
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
