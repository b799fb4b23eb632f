package com.licensingportal.device;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.account.Account;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/devices and /{id}, POST /api/v1/activations and DELETE /api/v1/devices/{id}/licenses/{activationId}
 * over real HTTP: the happy paths, and for every refusal its status, a sentence and no change.
 */
class DeviceApiTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	DeviceRepository devices;

	@Autowired
	DeviceLicenseRepository deviceLicenses;

	@Autowired
	LicenseEventRepository events;

	private LicenseFixtures fixtures;

	private ApiClient api;

	private Account customer;

	private Account foreign;

	private Account partner;

	private Product product;

	private PortalUser customerAdmin;

	private String customerAdminToken;

	private String customerUserToken;

	private String partnerAdminToken;

	@BeforeEach
	void accounts() {
		this.fixtures = new LicenseFixtures(this.context);
		this.api = new ApiClient(baseUrl());
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Wharf Cold Store"));
		this.foreign = this.fixtures.customer(LicenseFixtures.unique("Yew Pharmacy"));
		this.partner = this.fixtures.partnerOf(LicenseFixtures.unique("Vane Security"), this.customer);
		this.customerAdmin = this.fixtures.user("cadmin", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
		this.customerAdminToken = this.fixtures.apiToken(this.customerAdmin);
		this.customerUserToken = this.fixtures.apiToken(this.fixtures.user("cuser", this.customer, UserType.CUSTOMER_USER));
		this.partnerAdminToken = this.fixtures
			.apiToken(this.fixtures.user("padmin", this.partner, UserType.PARTNER_ADMINISTRATOR));
		this.product = this.fixtures.product("DEV");
	}

	@Test
	void theDeviceListIsPagedAndSearchable() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation first = this.fixtures.activateOnNewDevice(item, 3, LicenseFixtures.unique("LIST-NVR"));
		this.fixtures.activateOnNewDevice(item, 1, LicenseFixtures.unique("LIST-NVR"));

		JsonNode page = this.api.get("/api/v1/devices?q=" + first.device().getHostId().toLowerCase(), this.customerUserToken)
			.json();

		assertThat(page.get("total").asLong()).isEqualTo(1);
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("size").asInt()).isEqualTo(25);
		JsonNode device = page.get("items").get(0);
		assertThat(device.get("deviceId").asText()).isEqualTo(first.device().getDeviceId());
		assertThat(device.get("name").asText()).isEqualTo(first.device().getName());
		assertThat(device.get("hostId").asText()).isEqualTo(first.device().getHostId());
		assertThat(device.get("account").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(device.get("accountName").asText()).isEqualTo(this.customer.getName());
		assertThat(device.get("licenses").asLong()).isEqualTo(1);
		assertThat(device.get("channels").asLong()).isEqualTo(3);
		assertThat(device.get("activatedAt").asText()).isNotBlank();

		JsonNode all = this.api.get("/api/v1/devices?size=10", this.customerUserToken).json();
		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(this.api.get("/api/v1/devices?size=10&page=2", this.customerUserToken).json().get("items")).isEmpty();
	}

	@Test
	void aPageNumberFarBeyondTheLastAnswersAnEmptyPageNotAnError() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		this.fixtures.activateOnNewDevice(item, 2, LicenseFixtures.unique("FAR-NVR"));

		for (String page : new String[] { "2147483647", "1073741824", "85899346" }) {
			for (String size : new String[] { "10", "100" }) {
				Answer far = this.api.get("/api/v1/devices?page=" + page + "&size=" + size, this.customerUserToken);
				assertThat(far.status()).as("page %s, size %s", page, size).isEqualTo(200);
				assertThat(far.json().get("items")).isEmpty();
				assertThat(far.json().get("page").asText()).isEqualTo(page);
				assertThat(far.json().get("total").asLong()).isEqualTo(1);
			}
		}
		Answer hugeSize = this.api.get("/api/v1/devices?size=2147483647", this.customerUserToken);
		assertThat(hugeSize.status()).isEqualTo(422);
		assertThat(hugeSize.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
		Answer lowest = this.api.get("/api/v1/devices?page=-2147483648", this.customerUserToken);
		assertThat(lowest.status()).isEqualTo(422);
		assertThat(lowest.json().get("errors").get(0).get("field").asText()).isEqualTo("page");
		Answer entitlements = this.api.get("/api/v1/entitlements?page=2147483647&size=100", this.customerUserToken);
		assertThat(entitlements.status()).isEqualTo(200);
		assertThat(entitlements.json().get("items")).isEmpty();
	}

	@Test
	void badPagingIsRefusedWithTheParameter() {
		Answer size = this.api.get("/api/v1/devices?size=7", this.customerUserToken);
		assertThat(size.status()).isEqualTo(422);
		assertThat(size.json().get("errors").get(0).get("field").asText()).isEqualTo("size");

		Answer page = this.api.get("/api/v1/devices?page=0", this.customerUserToken);
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.json().get("errors").get(0).get("field").asText()).isEqualTo("page");

		Answer notANumber = this.api.get("/api/v1/devices?page=two", this.customerUserToken);
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.header("Content-Type")).startsWith("application/problem+json");
		assertThat(notANumber.json().get("detail").asText()).isEqualTo("'page' must be a whole number, not 'two'.");
	}

	@Test
	void aDeviceShowsItsLicensesAndWhetherTheCallerMayReturnThem() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, LocalDate.of(2030, 1, 31));
		Activation activation = this.fixtures.activateOnNewDevice(item, 4, LicenseFixtures.unique("SHOW-NVR"));
		String path = "/api/v1/devices/" + activation.device().getDeviceId();

		JsonNode device = this.api.get(path, this.customerAdminToken).json();
		assertThat(device.get("deviceId").asText()).isEqualTo(activation.device().getDeviceId());
		assertThat(device.get("account").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(device.get("canDeactivate").asBoolean()).isTrue();
		assertThat(device.get("licenses")).singleElement().satisfies(license -> {
			assertThat(license.get("activationId").asText()).isEqualTo(item.getActivationId());
			assertThat(license.get("entitlementId").asText()).isEqualTo(item.getEntitlement().getEntitlementId());
			assertThat(license.get("product").asText()).isEqualTo(this.product.getPartNumber());
			assertThat(license.get("quantity").asInt()).isEqualTo(4);
			assertThat(license.get("expiration").asText()).isEqualTo("2030-01-31");
			assertThat(license.get("activatedBy").asText()).isEqualTo("fixture");
		});
		assertThat(this.api.get(path, this.customerUserToken).json().get("canDeactivate").asBoolean()).isFalse();
	}

	@Test
	void anUnknownOrForeignDeviceIsNotFound() {
		LineItem foreignItem = this.fixtures.lineItem(this.foreign, this.product, 2, null);
		String foreignDevice = this.fixtures.activateOnNewDevice(foreignItem, 1, "FOREIGN").device().getDeviceId();

		for (String deviceId : List.of("D-ZZZZ-ZZZZ", foreignDevice)) {
			Answer answer = this.api.get("/api/v1/devices/" + deviceId, this.partnerAdminToken);
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.json().get("detail").asText()).isEqualTo("The device " + deviceId + " was not found.");
		}
	}

	@Test
	void activatingOnANewDeviceAnswers201WithTheDeviceAndWhatIsLeft() {
		LineItem first = this.fixtures.lineItem(this.customer, this.product, 10, null);
		LineItem second = this.fixtures.lineItem(this.customer, this.product, 5, null);
		String hostId = LicenseFixtures.unique("HOST");

		// The customer administrator sees one account only, so the new device needs no account number.
		Answer answer = this.api.postJson("/api/v1/activations", this.customerAdminToken, """
				{"deviceName": "WHARF-NVR-01", "hostId": "%s",
				 "licenses": [{"activationId": "%s", "quantity": 4}, {"activationId": "%s", "quantity": 5}]}"""
			.formatted(hostId, first.getActivationId(), second.getActivationId().toLowerCase()));

		assertThat(answer.status()).isEqualTo(201);
		JsonNode result = answer.json();
		String deviceId = result.get("deviceId").asText();
		assertThat(answer.header("Location")).isEqualTo("/api/v1/devices/" + deviceId);
		assertThat(result.get("deviceName").asText()).isEqualTo("WHARF-NVR-01");
		assertThat(result.get("account").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(result.get("channels").asInt()).isEqualTo(9);
		assertThat(result.get("granted").findValuesAsText("activationId")).containsExactlyInAnyOrder(first.getActivationId(),
				second.getActivationId());
		assertThat(result.get("granted").findValuesAsText("availableQuantity")).containsExactlyInAnyOrder("6", "0");
		Device device = this.devices.findByDeviceId(deviceId).orElseThrow();
		assertThat(device.getHostId()).isEqualTo(hostId);
		assertThat(this.fixtures.reload(first).getAvailableQuantity()).isEqualTo(6);
		assertThat(this.fixtures.reload(second).getAvailableQuantity()).isZero();
		assertThat(trail(first)).last().satisfies(event -> {
			assertThat(event.getType()).isEqualTo(LicenseEventType.ACTIVATED);
			assertThat(event.getActor()).isEqualTo(this.customerAdmin.getEmail());
			assertThat(event.getQuantity()).isEqualTo(4);
		});
	}

	@Test
	void aPartnerActivatesOnAnExistingDeviceOrANewOneInANamedAccount() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation existing = this.fixtures.activateOnNewDevice(item, 1, LicenseFixtures.unique("EXISTING"));

		Answer onExisting = this.api.postJson("/api/v1/activations", this.partnerAdminToken, """
				{"deviceId": "%s", "licenses": [{"activationId": "%s", "quantity": 2}]}"""
			.formatted(existing.device().getDeviceId(), item.getActivationId()));
		assertThat(onExisting.status()).isEqualTo(201);
		assertThat(onExisting.json().get("deviceId").asText()).isEqualTo(existing.device().getDeviceId());
		assertThat(this.deviceLicenses.findOnDevice(existing.device().getId(), item.getId()).orElseThrow().getQuantity())
			.isEqualTo(3);

		Answer onNew = this.api.postJson("/api/v1/activations", this.partnerAdminToken, """
				{"deviceName": "NEW", "hostId": "%s", "account": "%s", "licenses": [{"activationId": "%s", "quantity": 1}]}"""
			.formatted(LicenseFixtures.unique("HOST"), this.customer.getAccountNumber(), item.getActivationId()));
		assertThat(onNew.status()).isEqualTo(201);
		assertThat(onNew.json().get("account").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(6);
	}

	@Test
	void everyActivationRefusalHasItsStatusAndChangesNothing() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 5, null);
		LineItem expired = this.fixtures.lineItem(this.customer, this.product, 5, LocalDate.now().minusDays(1));
		LineItem foreignItem = this.fixtures.lineItem(this.foreign, this.product, 5, null);
		Account otherCustomer = this.fixtures.customer(LicenseFixtures.unique("Other"));
		this.fixtures.partnerOf(LicenseFixtures.unique("Vane Two"), otherCustomer);
		Activation existing = this.fixtures.activateOnNewDevice(item, 1, LicenseFixtures.unique("TAKEN"));
		String device = existing.device().getDeviceId();
		String id = item.getActivationId();
		List<Long> accounts = List.of(this.customer.getId(), this.partner.getId());
		int devicesBefore = this.devices.findByAccounts(accounts).size();

		refused(this.customerAdminToken, """
				{"deviceId": "%s", "licenses": [{"activationId": "%s", "quantity": 5}]}""".formatted(device, id), 409,
				"Only 4 channels of " + id + " are left, not 5. Nothing was activated.");
		refused(this.customerAdminToken, """
				{"deviceId": "%s", "licenses": [{"activationId": "%s", "quantity": 1}, {"activationId": "%s", "quantity": 1}]}"""
			.formatted(device, id, expired.getActivationId()), 409, expired.getActivationId() + " expired on");
		refused(this.customerAdminToken, """
				{"deviceId": "%s", "licenses": [{"activationId": "%s", "quantity": 1}]}"""
			.formatted(device, foreignItem.getActivationId()), 404, foreignItem.getActivationId() + " is not one of your licenses.");
		refused(this.customerAdminToken, """
				{"deviceId": "D-ZZZZ-ZZZZ", "licenses": [{"activationId": "%s", "quantity": 1}]}""".formatted(id), 404,
				"There is no device D-ZZZZ-ZZZZ among yours.");
		refused(this.customerAdminToken, """
				{"deviceName": "AGAIN", "hostId": "%s", "licenses": [{"activationId": "%s", "quantity": 1}]}"""
			.formatted(existing.device().getHostId(), id), 409, "already has a device with host ID");
		refused(this.partnerAdminToken, """
				{"deviceName": "NEW", "hostId": "H", "account": "%s", "licenses": [{"activationId": "%s", "quantity": 1}]}"""
			.formatted(otherCustomer.getAccountNumber(), id), 404, "The account " + otherCustomer.getAccountNumber()
					+ " was not found.");
		refused(this.partnerAdminToken, """
				{"deviceName": "NEW", "hostId": "H", "account": "%s", "licenses": [{"activationId": "%s", "quantity": 1}]}"""
			.formatted(this.partner.getAccountNumber(), id), 422, id + " belongs to " + this.customer.getName());
		invalid(this.partnerAdminToken, """
				{"deviceName": "NEW", "hostId": "H", "licenses": [{"activationId": "%s", "quantity": 1}]}""".formatted(id),
				"account", "Choose one of your accounts for the new device.");
		invalid(this.customerAdminToken, """
				{"deviceName": " ", "hostId": "H", "licenses": [{"activationId": "%s", "quantity": 1}]}""".formatted(id),
				"deviceName", "Enter the device's name.");
		invalid(this.customerAdminToken, """
				{"deviceId": "%s", "deviceName": "X", "licenses": [{"activationId": "%s", "quantity": 1}]}"""
			.formatted(device, id), "deviceId", "Give either deviceId (an existing device) or deviceName and hostId");
		invalid(this.customerAdminToken, """
				{"licenses": [{"activationId": "%s", "quantity": 1}]}""".formatted(id), "deviceId",
				"Give deviceId for an existing device, or deviceName and hostId for a new one.");
		invalid(this.customerAdminToken, """
				{"deviceId": "%s", "licenses": []}""".formatted(device), "licenses",
				"List at least one license and its number of channels.");
		invalid(this.customerAdminToken, """
				{"deviceId": "%s", "licenses": [{"activationId": "%s", "quantity": 0}]}""".formatted(device, id),
				"licenses[0].quantity", "Activate 1 channel or more.");
		invalid(this.customerAdminToken, """
				{"deviceId": "%s", "licenses": [{"activationId": "%s", "quantity": 1}, {"activationId": "%s", "quantity": 1}]}"""
			.formatted(device, id, id.toLowerCase()), "licenses", id + " is listed twice");

		invalid(this.customerAdminToken, """
				{"deviceId": "%s", "licenses": [null]}""".formatted(device), "licenses[0]",
				"Give each license as {\"activationId\", \"quantity\"}.");

		Answer malformed = this.api.postJson("/api/v1/activations", this.customerAdminToken, "{\"deviceId\": ");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
		Answer form = this.api.post("/api/v1/activations", this.customerAdminToken, "application/x-www-form-urlencoded",
				"deviceId=" + device);
		assertThat(form.status()).isEqualTo(415);
		assertThat(form.header("Content-Type")).startsWith("application/problem+json");

		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(4);
		assertThat(this.fixtures.reload(expired).getAvailableQuantity()).isEqualTo(5);
		assertThat(this.fixtures.reload(foreignItem).getAvailableQuantity()).isEqualTo(5);
		assertThat(this.devices.findByAccounts(accounts)).hasSize(devicesBefore);
	}

	@Test
	void anAdministratorReturnsSomeOrAllOfALicensesChannels() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation activation = this.fixtures.activateOnNewDevice(item, 5, LicenseFixtures.unique("RETURN"));
		String path = "/api/v1/devices/" + activation.device().getDeviceId() + "/licenses/" + item.getActivationId();

		Answer some = this.api.delete(path + "?quantity=2", this.customerAdminToken);
		assertThat(some.status()).isEqualTo(200);
		assertThat(some.json().get("returnedChannels").asInt()).isEqualTo(2);
		assertThat(some.json().get("deviceId").asText()).isEqualTo(activation.device().getDeviceId());
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(7);

		Answer rest = this.api.delete(path, this.customerAdminToken);
		assertThat(rest.json().get("returnedChannels").asInt()).isEqualTo(3);
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(10);
		assertThat(this.deviceLicenses.findOnDevice(activation.device().getId(), item.getId())).isEmpty();
		assertThat(trail(item)).extracting(LicenseEvent::getType, LicenseEvent::getQuantity, LicenseEvent::getActor)
			.endsWith(org.assertj.core.groups.Tuple.tuple(LicenseEventType.DEACTIVATED, 2, this.customerAdmin.getEmail()),
					org.assertj.core.groups.Tuple.tuple(LicenseEventType.DEACTIVATED, 3, this.customerAdmin.getEmail()));
	}

	@Test
	void everyDeactivationRefusalHasItsStatusAndChangesNothing() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		LineItem other = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation activation = this.fixtures.activateOnNewDevice(item, 3, LicenseFixtures.unique("KEEP"));
		String device = activation.device().getDeviceId();
		String path = "/api/v1/devices/" + device + "/licenses/" + item.getActivationId();

		deactivationRefused(path, this.customerUserToken, 404,
				"Only an administrator of " + this.customer.getName() + " can return channels from a device.");
		deactivationRefused(path + "?quantity=4", this.customerAdminToken, 409,
				"Only 3 channels of " + item.getActivationId() + " are on " + activation.device().getName());
		deactivationRefused(path + "?quantity=0", this.customerAdminToken, 422, "Enter a number of channels of 1 or more.");
		deactivationRefused("/api/v1/devices/" + device + "/licenses/" + other.getActivationId(), this.customerAdminToken,
				404, other.getActivationId() + " has no channels on " + activation.device().getName() + ".");
		deactivationRefused("/api/v1/devices/D-ZZZZ-ZZZZ/licenses/" + item.getActivationId(), this.customerAdminToken, 404,
				"There is no device D-ZZZZ-ZZZZ among yours.");
		deactivationRefused(path + "?quantity=all", this.customerAdminToken, 400, "'quantity' must be a whole number");

		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(7);
		assertThat(this.deviceLicenses.findOnDevice(activation.device().getId(), item.getId()).orElseThrow().getQuantity())
			.isEqualTo(3);
	}

	private void refused(String token, String body, int status, String message) {
		Answer answer = this.api.postJson("/api/v1/activations", token, body);
		assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("detail").asText()).contains(message);
	}

	private void invalid(String token, String body, String field, String message) {
		Answer answer = this.api.postJson("/api/v1/activations", token, body);
		assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(422);
		assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
		assertThat(answer.json().get("errors").get(0).get("message").asText()).contains(message);
	}

	private void deactivationRefused(String path, String token, int status, String message) {
		Answer answer = this.api.delete(path, token);
		assertThat(answer.status()).as(path + " -> " + answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("detail").asText()).contains(message);
	}

	private List<LicenseEvent> trail(LineItem item) {
		return this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(item.getId());
	}

}
