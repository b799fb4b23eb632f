package com.licensingportal.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.account.Account;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.device.Activation;
import com.licensingportal.device.ActivationService;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.World;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.usermanagement.UserService;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's isolation matrix: the four users of a {@link World} (one per user type) × a line item, device and
 * users in their own account, in a related account and in a foreign one. Allowed: the call works. Not allowed:
 * 404, never 403, and nothing changes. For a partner, "related" is a customer it sells to; for a customer, it
 * is the partner that sells to it, which it must not see.
 * Administrator-only calls reach nobody but administrators of the account.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIsolationTest extends PortalIntegrationTest {

	enum Place {

		OWN, RELATED, FOREIGN

	}

	/** What the matrix works on in one account. */
	record Stock(Account account, LineItem lineItem, Activation activation) {
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	UserRepository users;

	@Autowired
	UserService userService;

	@Autowired
	ActivationService activations;

	private final Map<UserType, String> tokens = new EnumMap<>(UserType.class);

	private final List<Long> usersToRemove = new ArrayList<>();

	private LicenseFixtures fixtures;

	private ApiClient api;

	private Product product;

	private World world;

	private Stock partner;

	private Stock customer;

	private Stock foreign;

	@BeforeAll
	void stock() {
		this.fixtures = new LicenseFixtures(this.context);
		this.product = this.fixtures.product("ISO");
		this.world = this.fixtures.world();
		this.partner = stockIn(this.world.partner());
		this.customer = stockIn(this.world.customer());
		Account foreignCustomer = this.fixtures.customer(LicenseFixtures.unique("Foreign customer"));
		this.fixtures.partnerOf(LicenseFixtures.unique("Foreign partner"), foreignCustomer);
		this.foreign = stockIn(foreignCustomer);
		this.tokens.put(UserType.PARTNER_ADMINISTRATOR, this.fixtures.apiToken(this.world.partnerAdmin()));
		this.tokens.put(UserType.PARTNER_USER, this.fixtures.apiToken(this.world.partnerUser()));
		this.tokens.put(UserType.CUSTOMER_ADMINISTRATOR, this.fixtures.apiToken(this.world.customerAdmin()));
		this.tokens.put(UserType.CUSTOMER_USER, this.fixtures.apiToken(this.world.customerUser()));
	}

	/** Users a test left in the world's accounts go, and with them their invitations. */
	@AfterEach
	void removeUsers() {
		Long partnerAdmin = this.world.partnerAdmin().getId();
		List<Long> left = this.usersToRemove.stream()
			.filter(id -> this.users.findById(id).isPresent())
			.filter(id -> !this.foreign.account().getId().equals(accountOf(id)))
			.toList();
		if (!left.isEmpty()) {
			this.userService.delete(partnerAdmin, left);
		}
		this.usersToRemove.clear();
	}

	static Stream<Arguments> everyViewerAndPlace() {
		return Stream.of(UserType.values())
			.flatMap(viewer -> Stream.of(Place.values()).map(place -> Arguments.of(viewer, place)));
	}

	@ParameterizedTest(name = "{0} reads a line item in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void readALineItem(UserType viewer, Place place) {
		Answer answer = this.api().get("/api/v1/entitlements/" + stock(viewer, place).lineItem().getActivationId(),
				this.tokens.get(viewer));

		assertStatus(answer, canSee(viewer, place) ? 200 : 404);
	}

	@ParameterizedTest(name = "{0} lists and exports the line items of a {1} account")
	@MethodSource("everyViewerAndPlace")
	void listAndExportLineItems(UserType viewer, Place place) {
		String activationId = stock(viewer, place).lineItem().getActivationId();

		Answer list = this.api().get("/api/v1/entitlements?showUsedUp=true&activationId=" + activationId,
				this.tokens.get(viewer));
		Answer export = this.api().get("/api/v1/entitlements/export?activationIds=" + activationId, this.tokens.get(viewer));

		assertThat(list.json().get("items").findValuesAsText("activationId"))
			.isEqualTo(canSee(viewer, place) ? List.of(activationId) : List.of());
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.body().contains(activationId)).isEqualTo(canSee(viewer, place));
	}

	@ParameterizedTest(name = "{0} reads and lists a device in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void readADevice(UserType viewer, Place place) {
		Activation activation = stock(viewer, place).activation();

		Answer device = this.api().get("/api/v1/devices/" + activation.device().getDeviceId(), this.tokens.get(viewer));
		Answer list = this.api().get("/api/v1/devices?q=" + activation.device().getHostId(), this.tokens.get(viewer));

		assertStatus(device, canSee(viewer, place) ? 200 : 404);
		assertThat(list.json().get("total").asLong()).isEqualTo(canSee(viewer, place) ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} activates a license of a {1} account")
	@MethodSource("everyViewerAndPlace")
	void activate(UserType viewer, Place place) {
		Stock stock = stock(viewer, place);
		int before = this.fixtures.reload(stock.lineItem()).getAvailableQuantity();

		Answer answer = this.api().postJson("/api/v1/activations", this.tokens.get(viewer), """
				{"deviceId": "%s", "licenses": [{"activationId": "%s", "quantity": 1}]}"""
			.formatted(stock.activation().device().getDeviceId(), stock.lineItem().getActivationId()));

		assertStatus(answer, canSee(viewer, place) ? 201 : 404);
		assertThat(this.fixtures.reload(stock.lineItem()).getAvailableQuantity())
			.isEqualTo(canSee(viewer, place) ? before - 1 : before);
	}

	@ParameterizedTest(name = "{0} returns channels from a device of a {1} account")
	@MethodSource("everyViewerAndPlace")
	void deactivate(UserType viewer, Place place) {
		Stock stock = stock(viewer, place);
		this.activations.activate(owner(stock), DeviceTarget.existing(stock.activation().device().getDeviceId()),
				Map.of(stock.lineItem().getActivationId(), 1), "fixture", null);
		int before = this.fixtures.reload(stock.lineItem()).getAvailableQuantity();

		Answer answer = this.api().delete("/api/v1/devices/" + stock.activation().device().getDeviceId() + "/licenses/"
				+ stock.lineItem().getActivationId() + "?quantity=1", this.tokens.get(viewer));

		assertStatus(answer, canAdminister(viewer, place) ? 200 : 404);
		assertThat(this.fixtures.reload(stock.lineItem()).getAvailableQuantity())
			.isEqualTo(canAdminister(viewer, place) ? before + 1 : before);
	}

	@ParameterizedTest(name = "{0} lists the users of a {1} account")
	@MethodSource("everyViewerAndPlace")
	void listUsers(UserType viewer, Place place) {
		Answer answer = this.api().get("/api/v1/accounts/" + stock(viewer, place).account().getId() + "/users",
				this.tokens.get(viewer));

		assertStatus(answer, canAdminister(viewer, place) ? 200 : 404);
	}

	@ParameterizedTest(name = "{0} creates a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void createUser(UserType viewer, Place place) {
		Account account = stock(viewer, place).account();
		String email = LicenseFixtures.unique("api-iso").toLowerCase() + "@fixture.example";

		Answer answer = this.api().postJson("/api/v1/users", this.tokens.get(viewer), """
				{"email": "%s", "firstName": "Iso", "lastName": "Lation", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}"""
			.formatted(email, account.getId()));

		assertStatus(answer, canAdminister(viewer, place) ? 202 : 404);
		this.users.findByEmail(email).ifPresent(created -> this.usersToRemove.add(created.getId()));
		assertThat(this.users.existsByEmail(email)).isEqualTo(canAdminister(viewer, place));
	}

	@ParameterizedTest(name = "{0} deletes a user of a {1} account")
	@MethodSource("everyViewerAndPlace")
	void deleteUser(UserType viewer, Place place) {
		Account account = stock(viewer, place).account();
		PortalUser target = this.fixtures.user("target", account,
				account.isPartner() ? UserType.PARTNER_USER : UserType.CUSTOMER_USER);
		this.usersToRemove.add(target.getId());

		Answer answer = this.api().delete("/api/v1/users/" + target.getId(), this.tokens.get(viewer));

		assertStatus(answer, canAdminister(viewer, place) ? 204 : 404);
		assertThat(this.users.findById(target.getId()).isPresent()).isEqualTo(!canAdminister(viewer, place));
	}

	/** What a system actor acting for the stock's account may see, to set the stage. */
	private static VisibleAccounts owner(Stock stock) {
		Long account = stock.account().getId();
		return new VisibleAccounts(Set.of(account), Set.of(account), false);
	}

	private Stock stockIn(Account account) {
		LineItem item = this.fixtures.lineItem(account, this.product, 100, null);
		Activation activation = this.fixtures.activateOnNewDevice(item, 1, LicenseFixtures.unique("ISO-NVR"));
		return new Stock(account, item, activation);
	}

	/** Own, related or foreign, seen from the viewer: a partner's own account is the world's partner, a customer's its customer. */
	private Stock stock(UserType viewer, Place place) {
		boolean partner = isPartner(viewer);
		return switch (place) {
			case OWN -> partner ? this.partner : this.customer;
			case RELATED -> partner ? this.customer : this.partner;
			case FOREIGN -> this.foreign;
		};
	}

	private static boolean isPartner(UserType viewer) {
		return viewer == UserType.PARTNER_ADMINISTRATOR || viewer == UserType.PARTNER_USER;
	}

	private static boolean canSee(UserType viewer, Place place) {
		return place == Place.OWN || (place == Place.RELATED && isPartner(viewer));
	}

	private static boolean canAdminister(UserType viewer, Place place) {
		return canSee(viewer, place) && viewer.isAdministrator();
	}

	private Long accountOf(Long userId) {
		return this.users.findWithMembershipsById(userId)
			.map(user -> user.getMemberships().get(0).getAccount().getId())
			.orElse(null);
	}

	private ApiClient api() {
		if (this.api == null) {
			this.api = new ApiClient(baseUrl());
		}
		return this.api;
	}

	private static void assertStatus(Answer answer, int status) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		if (status == 404) {
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		}
	}

}
