package com.licensingportal.isolation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.licensingportal.account.Account;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.device.Activation;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.support.Routes;
import com.licensingportal.support.Routes.Route;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.usermanagement.Inviter;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.Role;
import com.licensingportal.usermanagement.UserProfile;
import com.licensingportal.user.UserRepository;
import com.licensingportal.usermanagement.UserService;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route of the application, read from its own request mappings (so that a new route is covered
 * without anyone remembering), × the four user types × their own, a related and a foreign account. What a
 * user may not see answers 404 and never shows up in a page or an API answer. A route whose path variable
 * this test does not know fails it: teach {@link #VARIABLES} what the variable names.
 * <p>
 * Every route that may change something is classified as open to anyone, to every user, or to administrators
 * only; an unclassified one fails the test. An administrators' action answers a Partner User and a Customer User
 * 404 on their own account's data (and a Partner User on a related customer's) and changes nothing, while an
 * administrator, sending the same request, gets it done.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixTest extends PortalIntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(IsolationMatrixTest.class);

	/** Routes anyone may use without logging in, or that show no account data; checked elsewhere. */
	private static final List<String> NOT_ACCOUNT_DATA = List.of("/", "/login", "/error", "/dev/**", "/invitations/**",
			"/.well-known/**", "/schemas/**", "/v3/api-docs**", "/swagger-ui**", "/api/v1/auth/token",
			"/api/v1/registrations", "/register**", "/forgot-password**", "/password-reset/**", "/api/v1/sales-orders/**",
			"/back-office**", "/api/v1/back-office/**");

	/** Order Management's back office and its API: every route of theirs is checked by BackOfficeIsolationTest. */
	private static boolean isBackOffice(Route route) {
		return route.pattern().startsWith("/back-office") || route.pattern().startsWith("/api/v1/back-office/");
	}

	/** What each path variable stands for, given the world (account) it must come from. */
	private static final Map<String, Function<Data, String>> VARIABLES = Map.of(
			"activationId", data -> data.lineItem.getActivationId(),
			"deviceId", data -> data.device.device().getDeviceId(),
			"userId", data -> String.valueOf(data.user.getId()),
			"accountId", data -> String.valueOf(data.account.getId()),
			"transferNumber", data -> data.transferNumber,
			"/api/v1/transfers/{id}", data -> data.transferNumber,
			"/profile/tokens/{id}", data -> String.valueOf(data.tokenId),
			"/devices/{deviceId}/license-files/{id}", data -> "1");

	/** Changes anyone may ask for without logging in: their own registration, password, invitation, token. */
	private static final Set<String> FOR_ANYONE = Set.of("POST /register", "POST /forgot-password",
			"POST /password-reset/{token}", "POST /invitations/{token}", "POST /api/v1/registrations",
			"POST /api/v1/auth/token", "POST /login/failed", "POST /back-office/login/failed");

	/**
	 * Not for portal users at all: the order system's and Order Management's Camunda users (HTTP Basic); a portal
	 * user's token gets 404 (SalesOrderApiTest).
	 */
	private static final Set<String> FOR_THE_ORDER_SYSTEM = Set.of("POST /api/v1/sales-orders",
			"POST /api/v1/sales-orders/{orderNumber}/lines/{lineNumber}/cancel");

	/**
	 * What every user may do, on what they can see: export, activate, transfer and cancel their own transfers,
	 * their own API tokens. (A user's own details, {@code POST /users/{userId}} on themselves, are in
	 * UserScreensTest; on anyone else that route is for administrators, below.)
	 */
	private static final Set<String> FOR_EVERY_USER = Set.of("POST /entitlements/export", "POST /entitlements/transfer",
			"POST /transfers/new", "POST /transfers/{transferNumber}/cancel", "POST /devices/activate",
			"POST /devices/activate-offline", "POST /profile/tokens", "POST /profile/tokens/{id}/revoke", "POST /profile/language",
			"POST /api/v1/activations", "POST /api/v1/activations/offline", "POST /api/v1/transfers",
			"POST /api/v1/transfers/{id}/cancel");

	/**
	 * What only administrators may do, with the request an administrator sends: the same request, from a
	 * non-administrator, must answer 404 and change nothing. The GET routes are the administrators' forms.
	 */
	private final Map<String, AdminAction> forAdministrators = administratorsActions();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	ApplicationContext context;

	@Autowired
	PersonalAccessTokenService tokens;

	@Autowired
	TransferService transfers;

	@Autowired
	UserService userService;

	@Autowired
	UserRepository users;

	@Autowired
	RuntimeService runtime;

	@Autowired
	JdbcTemplate jdbc;

	private LicenseFixtures fixtures;

	private Product product;

	/** The accounts of this test's world, whose state the administrators' actions may change. */
	private final List<Long> worldAccounts = new ArrayList<>();

	/** The users this test created or had created, whose invitations end after it. */
	private final List<String> createdEmails = new ArrayList<>();

	/** The data of one account: a line item, a device holding one of its channels, a user, a token of that user. */
	record Data(Account account, LineItem lineItem, Activation device, PortalUser user, Long tokenId,
			String transferNumber) {

		List<String> markers() {
			return List.of(this.account.getName(), this.lineItem.getActivationId(), this.device.device().getDeviceId(),
					this.user.getEmail(), this.transferNumber);
		}

	}

	/** A viewer, with the accounts that are its own, related to it, and foreign to it. */
	record Viewer(String label, PortalUser user, String token, Data own, Data related, boolean seesRelated, Data foreign) {

		boolean administrator() {
			return this.label.endsWith("Administrator");
		}

	}

	/**
	 * What an administrators' action acts on, fresh for every request: an account, an invited user of it (not the
	 * viewer), and, for the device routes, a device with two channels of a line item of the account.
	 */
	record Target(Account account, PortalUser user, UserType userType, Activation device) {

		String accountId() {
			return String.valueOf(this.account.getId());
		}

		String path(Route route) {
			String path = route.pattern().replace("{userId}", String.valueOf(this.user.getId()))
				.replace("{accountId}", accountId());
			if (this.device != null) {
				path = path.replace("{deviceId}", this.device.device().getDeviceId())
					.replace("{activationId}", this.device.grants().get(0).lineItem().getActivationId());
			}
			return path;
		}

	}

	/**
	 * An action only administrators may take: the parameters an administrator sends, and whether it changes the
	 * portal's data (the forms and the first step of Create only show something).
	 */
	record AdminAction(boolean changes, BiConsumer<MockHttpServletRequestBuilder, Target> parameters) {
	}

	/** A viewer acting on one account's data. */
	record Seat(Viewer viewer, Account account) {

		@Override
		public String toString() {
			return this.viewer.label() + " on " + this.account.getName();
		}

	}

	/** What one request of an administrators' action did: its status, a refusal it showed, whether data changed. */
	record Outcome(int status, Object refusal, boolean changed) {

		@Override
		public String toString() {
			return this.status + (this.refusal == null ? "" : " (" + this.refusal + ")")
					+ (this.changed ? ", data changed" : ", nothing changed");
		}

	}

	private final List<Viewer> viewers = new ArrayList<>();

	@BeforeAll
	void buildTheWorld() {
		this.fixtures = new LicenseFixtures(this.context);
		this.product = this.fixtures.product("ISO");
		Account customer = this.fixtures.customer(LicenseFixtures.unique("Iso Customer"));
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Iso Partner"), customer);
		Account foreignCustomer = this.fixtures.customer(LicenseFixtures.unique("Iso Foreign Customer"));
		Account foreignPartner = this.fixtures.partnerOf(LicenseFixtures.unique("Iso Foreign Partner"), foreignCustomer);
		// Every account transfers a channel to one outside account, whose name a requester may of course see.
		Account outside = this.fixtures.customer(LicenseFixtures.unique("Iso Transfer Target"));
		List.of(partner, customer, foreignPartner, foreignCustomer, outside).forEach(a -> this.worldAccounts.add(a.getId()));
		Data partnerData = data(partner, this.product, UserType.PARTNER_USER, outside);
		Data customerData = data(customer, this.product, UserType.CUSTOMER_USER, outside);
		Data foreignPartnerData = data(foreignPartner, this.product, UserType.PARTNER_USER, outside);
		Data foreignCustomerData = data(foreignCustomer, this.product, UserType.CUSTOMER_USER, outside);

		viewer("Partner Administrator", partner, UserType.PARTNER_ADMINISTRATOR, partnerData, customerData, true, foreignCustomerData);
		viewer("Partner User", partner, UserType.PARTNER_USER, partnerData, customerData, true, foreignPartnerData);
		viewer("Customer Administrator", customer, UserType.CUSTOMER_ADMINISTRATOR, customerData, partnerData, false,
				foreignCustomerData);
		viewer("Customer User", customer, UserType.CUSTOMER_USER, customerData, partnerData, false, foreignPartnerData);
	}

	/** The invitations of the users made here would otherwise wait for a later test's jobs. */
	@AfterAll
	void endTheInvitations() {
		for (String email : this.createdEmails) {
			this.users.findByEmail(email)
				.ifPresent(user -> ProcessJobs.endRunning(this.runtime, InvitationProcess.PROCESS_KEY,
						String.valueOf(user.getId())));
		}
	}

	@Test
	void everyRouteAnswers404ForAnotherAccountsData() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Route route : routes()) {
			if (route.variables().isEmpty()) {
				continue;
			}
			for (Viewer viewer : this.viewers) {
				List<Data> hidden = viewer.seesRelated() ? List.of(viewer.foreign()) : List.of(viewer.foreign(), viewer.related());
				for (Data data : hidden) {
					MvcResult result = perform(route, viewer, data);
					checked++;
					if (result.getResponse().getStatus() != 404) {
						failures.add(route + " as " + viewer.label() + " on " + data.account().getName() + " answered "
								+ result.getResponse().getStatus());
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(checked).as("requests made").isGreaterThan(40);
		log.info("Isolation matrix, foreign data: {} requests, all 404", checked);
	}

	@Test
	void listsAndExportsNeverShowAnotherAccountsData() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Route route : routes()) {
			if (!route.variables().isEmpty() || route.method() != HttpMethod.GET) {
				continue;
			}
			for (Viewer viewer : this.viewers) {
				String body = perform(route, viewer, viewer.own()).getResponse().getContentAsString();
				checked++;
				List<Data> hidden = viewer.seesRelated() ? List.of(viewer.foreign()) : List.of(viewer.foreign(), viewer.related());
				for (Data data : hidden) {
					for (String marker : data.markers()) {
						if (body.contains(marker)) {
							failures.add(route + " as " + viewer.label() + " shows " + marker);
						}
					}
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(checked).as("pages read").isGreaterThan(20);
		log.info("Isolation matrix, lists and exports: {} pages read, 0 leaked", checked);
	}

	@Test
	void theMatrixSeesWhatItShouldSee() throws Exception {
		// The 404s above mean something only if the same routes answer for the viewer's own data.
		for (Viewer viewer : this.viewers) {
			assertThat(status(HttpMethod.GET, "/entitlements/" + viewer.own().lineItem().getActivationId(), viewer))
				.as("own line item for %s", viewer.label())
				.isEqualTo(200);
			assertThat(status(HttpMethod.GET, "/devices/" + viewer.own().device().device().getDeviceId(), viewer)).isEqualTo(200);
			String list = perform(new Route(HttpMethod.GET, "/entitlements"), viewer, viewer.own()).getResponse()
				.getContentAsString();
			assertThat(list).contains(viewer.own().lineItem().getActivationId());
			if (viewer.seesRelated()) {
				assertThat(list).contains(viewer.related().lineItem().getActivationId());
				assertThat(status(HttpMethod.GET, "/entitlements/" + viewer.related().lineItem().getActivationId(), viewer))
					.isEqualTo(200);
			}
		}
	}

	@Test
	void everyPathVariableIsKnown() {
		for (Route route : routes()) {
			for (String variable : route.variables()) {
				assertThat(resolver(route, variable))
					.as("the isolation matrix does not know {%s} of %s: add it to VARIABLES", variable, route)
					.isNotNull();
			}
		}
	}

	@Test
	void everyRouteThatChangesSomethingSaysWhoMayUseIt() {
		List<String> routes = Routes.of(this.mappings).stream().map(Route::toString).toList();
		for (Route mutating : Routes.of(this.mappings).stream().filter(Route::mutating).toList()) {
			String route = mutating.toString();
			if (isBackOffice(mutating) && !FOR_ANYONE.contains(route)) {
				continue;
			}
			long classes = (FOR_ANYONE.contains(route) ? 1 : 0) + (FOR_EVERY_USER.contains(route) ? 1 : 0)
					+ (FOR_THE_ORDER_SYSTEM.contains(route) ? 1 : 0)
					+ (this.forAdministrators.containsKey(route) ? 1 : 0);
			assertThat(classes).as("%s changes something: add it to FOR_ANYONE, FOR_EVERY_USER, FOR_THE_ORDER_SYSTEM or administratorsActions()",
					route)
				.isEqualTo(1);
		}
		// And nothing classified is stale: a renamed route must be classified again.
		for (String classified : union(FOR_ANYONE, FOR_EVERY_USER, FOR_THE_ORDER_SYSTEM, this.forAdministrators.keySet())) {
			assertThat(routes).as("classified route %s no longer exists", classified).contains(classified);
		}
		long mutating = Routes.of(this.mappings).stream().filter(Route::mutating)
			.filter(route -> !isBackOffice(route) || FOR_ANYONE.contains(route.toString()))
			.count();
		log.info("Isolation matrix: {} routes, {} of them change something: {} for anyone, {} for every user, {} for "
				+ "the order system, {} for administrators only", routes.size(), mutating, FOR_ANYONE.size(),
				FOR_EVERY_USER.size(), FOR_THE_ORDER_SYSTEM.size(),
				mutating - FOR_ANYONE.size() - FOR_EVERY_USER.size() - FOR_THE_ORDER_SYSTEM.size());
	}

	@Test
	void nonAdministratorsNeverReachAnAdministratorsAction() throws Exception {
		Viewer partnerAdmin = viewer("Partner Administrator");
		Viewer partnerUser = viewer("Partner User");
		Viewer customerAdmin = viewer("Customer Administrator");
		Viewer customerUser = viewer("Customer User");
		List<String> failures = new ArrayList<>();
		int denied = 0;
		int allowed = 0;
		List<Seat> nonAdministrators = List.of(new Seat(partnerUser, partnerUser.own().account()),
				new Seat(partnerUser, partnerUser.related().account()), new Seat(customerUser, customerUser.own().account()));
		List<Seat> administrators = List.of(new Seat(partnerAdmin, partnerAdmin.own().account()),
				new Seat(partnerAdmin, partnerAdmin.related().account()), new Seat(customerAdmin, customerAdmin.own().account()));
		for (Map.Entry<String, AdminAction> entry : this.forAdministrators.entrySet()) {
			Route route = route(entry.getKey());
			AdminAction action = entry.getValue();
			// A Partner User on the partner and on its customer, a Customer User on their own account: 404, unchanged.
			for (Seat seat : nonAdministrators) {
				Outcome outcome = act(route, action, seat);
				denied++;
				if (outcome.status() != 404 || outcome.changed()) {
					failures.add(route + " as " + seat + " answered " + outcome);
				}
			}
			// The same request from an administrator of the account gets it done: the 404s above mean something.
			for (Seat seat : administrators) {
				Outcome outcome = act(route, action, seat);
				allowed++;
				if (outcome.status() >= 400 || outcome.refusal() != null || outcome.changed() != action.changes()) {
					failures.add(route + " as " + seat + " answered " + outcome);
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(denied).isEqualTo(3 * this.forAdministrators.size());
		log.info("Isolation matrix, administrators' actions: {} routes × 3 non-administrator viewer-accounts = {} requests "
				+ "answered 404 with nothing changed; the same {} routes × 3 administrator viewer-accounts = {} requests done",
				this.forAdministrators.size(), denied, this.forAdministrators.size(), allowed);
	}

	@Test
	void aUserPageOffersNonAdministratorsNothingToChange() throws Exception {
		for (Viewer viewer : this.viewers) {
			String page = this.mvc
				.perform(get("/users/" + viewer.own().user().getId()).with(LicenseFixtures.as(viewer.user())))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (viewer.administrator()) {
				assertThat(page).as(viewer.label()).contains("id=\"save\"", "id=\"actions\"");
			}
			else {
				assertThat(page).as(viewer.label())
					.contains(viewer.own().user().getEmail())
					.doesNotContain("id=\"save\"", "id=\"actions\"", "name=\"account\"");
			}
		}
	}

	private Map<String, AdminAction> administratorsActions() {
		Map<String, AdminAction> actions = new LinkedHashMap<>();
		actions.put("GET /users/new", shows((request, target) -> {
		}));
		actions.put("POST /users/new", shows((request, target) -> newUser(request)));
		actions.put("POST /users/new/accounts", changes((request, target) -> newUser(request).param("account", target.accountId())
			.param("roles-" + target.accountId(), Role.END_USER.name())));
		actions.put("GET /users/{userId}/accounts", shows((request, target) -> {
		}));
		actions.put("POST /users/{userId}/accounts", changes((request, target) -> request.param("account", target.accountId())
			.param("roles-" + target.accountId(), Role.END_USER_ADMIN.name(), Role.END_USER.name())));
		actions.put("POST /users/{userId}", changes((request, target) -> request.param("firstName", "Renamed")
			.param("lastName", "By An Administrator")
			.param("account", target.accountId())
			.param("roles-" + target.accountId(), target.userType().roles().stream().map(Role::name).toArray(String[]::new))));
		actions.put("POST /users/{userId}/invitation", changes((request, target) -> {
		}));
		actions.put("GET /users/delete", shows((request, target) -> request.param("ids", String.valueOf(target.user().getId()))));
		actions.put("POST /users/delete", changes((request, target) -> request.param("ids", String.valueOf(target.user().getId()))));
		actions.put("POST /devices/{deviceId}/deactivate", changes((request, target) -> request
			.param("activationId", target.device().grants().get(0).lineItem().getActivationId())
			.param("quantity", "1")));
		actions.put("GET /api/v1/accounts/{accountId}/users", shows((request, target) -> {
		}));
		actions.put("POST /api/v1/users", changes((request, target) -> request.contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\":\"" + newEmail() + "\",\"firstName\":\"Nina\",\"lastName\":\"Scripted\",\"accounts\":[{\"accountId\":"
					+ target.accountId() + ",\"roles\":[\"END_USER\"]}]}")));
		actions.put("DELETE /api/v1/users/{userId}", changes((request, target) -> {
		}));
		actions.put("DELETE /api/v1/devices/{deviceId}/licenses/{activationId}",
				changes((request, target) -> request.param("quantity", "1")));
		return actions;
	}

	private static AdminAction shows(BiConsumer<MockHttpServletRequestBuilder, Target> parameters) {
		return new AdminAction(false, parameters);
	}

	private static AdminAction changes(BiConsumer<MockHttpServletRequestBuilder, Target> parameters) {
		return new AdminAction(true, parameters);
	}

	private MockHttpServletRequestBuilder newUser(MockHttpServletRequestBuilder request) {
		return request.param("email", newEmail()).param("firstName", "Nina").param("lastName", "New");
	}

	private String newEmail() {
		String email = "iso-new-" + UUID.randomUUID().toString().substring(0, 8) + "@fixture.example";
		this.createdEmails.add(email);
		return email;
	}

	/** A fresh invited user of the account (and a device for the device routes), as an administrator made them. */
	private Target target(Route route, Account account) {
		UserType type = account.getType() == com.licensingportal.account.AccountType.PARTNER ? UserType.PARTNER_USER
				: UserType.CUSTOMER_USER;
		PortalUser user = this.userService.createAndInvite(new UserProfile(newEmail(), "Ivy", "Invited", null, null, null),
				account.getId(), type, Inviter.ORDER_MANAGEMENT);
		Activation device = null;
		if (route.variables().contains("deviceId")) {
			LineItem item = this.fixtures.lineItem(account, this.product, 2, null);
			device = this.fixtures.activateOnNewDevice(item, 2, LicenseFixtures.unique("ISO-ADMIN-NVR"));
		}
		return new Target(account, user, type, device);
	}

	/**
	 * What administrators govern in this test's accounts, read from the database: the users and their links,
	 * invitation links and processes, devices and their licenses, line items and their event trails, transfers.
	 */
	private List<Object> administeredState() {
		String accounts = this.worldAccounts.stream().map(String::valueOf).collect(Collectors.joining(","));
		String members = "select user_id from account_membership where account_id in (" + accounts + ")";
		List<Object> state = new ArrayList<>();
		List<Map<String, Object>> users = this.jdbc.queryForList("select id, email, first_name, last_name, phone, "
				+ "job_title, address, status, password_hash from portal_user where id in (" + members + ") order by id");
		state.add(users);
		state.add(this.jdbc.queryForList("select user_id, account_id, user_type from account_membership where account_id in ("
				+ accounts + ") order by user_id, account_id"));
		state.add(this.jdbc.queryForList("select user_id, purpose, token_hash, expires_at from link_token where user_id in ("
				+ members + ") order by id"));
		state.add(this.jdbc.queryForList("select d.device_number, d.name, d.account_id, l.line_item_id, l.quantity from device d "
				+ "left join device_license l on l.device_id = d.id where d.account_id in (" + accounts + ") order by d.id, l.id"));
		state.add(this.jdbc.queryForList("select activation_id, owner_account_id, total_quantity, available_quantity, "
				+ "reserved_quantity from line_item where owner_account_id in (" + accounts + ") order by id"));
		state.add(this.jdbc.queryForObject("select count(*) from license_event where line_item_id in (select id from line_item "
				+ "where owner_account_id in (" + accounts + "))", Long.class));
		state.add(this.jdbc.queryForList("select transfer_number, state from channel_transfer where source_account_id in ("
				+ accounts + ") or target_account_id in (" + accounts + ") order by id"));
		state.add(this.jdbc.queryForObject("select count(*) from portal_user", Long.class));
		// The invitation processes of these users (business key: the user's id): their waits and jobs.
		String keys = users.stream().map(user -> "'" + user.get("id") + "'").collect(Collectors.joining(","));
		state.add(this.jdbc.queryForList("select e.BUSINESS_KEY_, j.ID_, j.DUEDATE_ from ACT_RU_EXECUTION e join ACT_RU_JOB j "
				+ "on j.PROCESS_INSTANCE_ID_ = e.ID_ where j.PROCESS_DEF_KEY_ = 'UserInvitation' and e.BUSINESS_KEY_ in ("
				+ (keys.isEmpty() ? "''" : keys) + ") order by e.BUSINESS_KEY_, j.ID_"));
		return state;
	}

	private Route route(String key) {
		return Routes.of(this.mappings)
			.stream()
			.filter(route -> route.toString().equals(key))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No route " + key));
	}

	private Viewer viewer(String label) {
		return this.viewers.stream().filter(viewer -> viewer.label().equals(label)).findFirst().orElseThrow();
	}

	/** The administrators' action as the seat's viewer, on fresh data of the seat's account. */
	private Outcome act(Route route, AdminAction action, Seat seat) throws Exception {
		Target target = target(route, seat.account());
		MockHttpServletRequestBuilder request = request(route.method(), target.path(route));
		action.parameters().accept(request, target);
		List<Object> before = administeredState();
		MvcResult result = this.mvc.perform(authenticated(request, route, seat.viewer())).andReturn();
		Object refusal = result.getFlashMap().getOrDefault("error", result.getFlashMap().get("problem"));
		return new Outcome(result.getResponse().getStatus(), refusal, !administeredState().equals(before));
	}

	private int status(HttpMethod method, String path, Viewer viewer) throws Exception {
		return perform(new Route(method, path), viewer, viewer.own()).getResponse().getStatus();
	}

	private MvcResult perform(Route route, Viewer viewer, Data data) throws Exception {
		String path = route.pattern();
		for (String variable : route.variables()) {
			Function<Data, String> resolver = resolver(route, variable);
			assertThat(resolver).as("unknown path variable {%s} of %s", variable, route).isNotNull();
			path = path.replace("{" + variable + "}", resolver.apply(data));
		}
		return this.mvc.perform(authenticated(request(route.method(), path), route, viewer)).andReturn();
	}

	private static MockHttpServletRequestBuilder authenticated(MockHttpServletRequestBuilder request, Route route,
			Viewer viewer) {
		if (route.isApi()) {
			return request.header("Authorization", "Bearer " + viewer.token());
		}
		return request.with(LicenseFixtures.as(viewer.user())).with(csrf());
	}

	private static Function<Data, String> resolver(Route route, String variable) {
		for (Map.Entry<String, Function<Data, String>> entry : VARIABLES.entrySet()) {
			if (entry.getKey().startsWith("/") && route.pattern().startsWith(entry.getKey())
					&& entry.getKey().endsWith("{" + variable + "}")) {
				return entry.getValue();
			}
		}
		return VARIABLES.get(variable);
	}

	private List<Route> routes() {
		return Routes.of(this.mappings).stream().filter(route -> !isNotAccountData(route.pattern())).toList();
	}

	private static boolean isNotAccountData(String pattern) {
		for (String open : NOT_ACCOUNT_DATA) {
			boolean prefix = open.endsWith("**");
			String stem = prefix ? open.substring(0, open.length() - 2) : open;
			if (prefix ? pattern.startsWith(stem) : pattern.equals(stem)) {
				return true;
			}
		}
		return false;
	}

	@SafeVarargs
	private static Set<String> union(Set<String>... sets) {
		Set<String> all = new java.util.TreeSet<>();
		for (Set<String> set : sets) {
			all.addAll(set);
		}
		return all;
	}

	private Data data(Account account, Product product, UserType userType, Account transferTarget) {
		LineItem lineItem = this.fixtures.lineItem(account, product, 10, null);
		Activation device = this.fixtures.activateOnNewDevice(lineItem, 1, LicenseFixtures.unique("ISO-NVR"));
		PortalUser user = this.fixtures.user("Iso", account, userType);
		Long tokenId = this.tokens.issue(user.getId(), "iso", null).token().getId();
		String transferNumber = this.transfers.request(user.getId(),
				new TransferRequest(lineItem.getActivationId(), 1, transferTarget.getAccountNumber(), null, null, null))
			.transfer()
			.getTransferNumber();
		return new Data(account, lineItem, device, user, tokenId, transferNumber);
	}

	private void viewer(String label, Account account, UserType type, Data own, Data related, boolean seesRelated,
			Data foreign) {
		PortalUser user = this.fixtures.user(label.replace(' ', '-'), account, type);
		String token = this.tokens.issue(user.getId(), "matrix", null).secret();
		this.viewers.add(new Viewer(label, user, token, own, related, seesRelated, foreign));
	}

}
