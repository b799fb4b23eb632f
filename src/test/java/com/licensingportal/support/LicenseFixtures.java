package com.licensingportal.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.device.Activation;
import com.licensingportal.device.ActivationService;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.license.Product;
import com.licensingportal.license.ProductRepository;
import com.licensingportal.license.SalesOrderService;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.salesorder.SalesOrderIntakeProcess;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderRequest;
import com.licensingportal.salesorder.SalesOrderState;
import com.licensingportal.salesorder.SalesOrderView;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * The suite's test data: every test builds what it uses here, with unique names, so that tests never see each
 * other's data nor depend on their order (they share one Spring context and one database, and the MariaDB
 * database keeps everything between runs). The demo data is off in the suite (only {@code demo/DemoDataTest}
 * loads it), so a test never logs in as a demo user.
 *
 * <pre>{@code
 * LicenseFixtures fixtures = new LicenseFixtures(context);       // context: the test's ApplicationContext
 * World world = fixtures.world();                                // instead of the demo's accounts and users
 * browser.logIn(world.partnerAdmin().getEmail(), LicenseFixtures.PASSWORD);
 * LineItem item = fixtures.lineItem(world.customer(), fixtures.product("Cam"), 16, null);
 * fixtures.activateOnNewDevice(item, 10, "NVR-01");
 * CamundaUser om = fixtures.orderManager();                      // instead of om / om (Tasklist, /engine-rest)
 * CamundaUser erp = fixtures.orderSystem();                      // instead of erp / erp (the sales-order API)
 * SalesOrderView order = fixtures.enteredSalesOrder(world.customer(), new Line(1, "ACC7-ENT-CH", "7.14", 4, null));
 * }</pre>
 *
 * Replacing the demo: {@code DemoData.PARTNER_ADMIN}, {@code PARTNER_USER}, {@code CUSTOMER_ADMIN},
 * {@code CUSTOMER_USER} become the users of a {@link World}, {@code DemoData.PASSWORD} becomes {@link #PASSWORD},
 * {@code PARTNER_NAME}, {@code CUSTOMER_NAME}, {@code OTHER_CUSTOMER_NAME} and their customer numbers the
 * world's accounts; {@code OM_USER}/{@code OM_PASSWORD} an {@link #orderManager()}, {@code ERP_USER}/
 * {@code ERP_PASSWORD} an {@link #orderSystem()}; a demo order {@code SO-DEMO-*} an {@link #enteredSalesOrder}.
 * Channels come only from sales orders: {@link #order} and {@link #lineItem} through the domain (fast),
 * {@link #enteredSalesOrder} through the sales-order intake and its process (for tests about orders).
 */
public final class LicenseFixtures {

	/**
	 * Every fixture user's password, portal users' and Camunda users', for tests that log in through the login
	 * page, a browser, HTTP Basic or Tasklist.
	 */
	public static final String PASSWORD = "Fixture-" + UUID.randomUUID();

	/**
	 * The demo's shape with names of its own: a partner that sells to two customers, a user of each of the four
	 * types (the partner's administrator and user, the first customer's administrator and user, all with
	 * {@link #PASSWORD}), and a customer number on every account.
	 */
	public record World(Account partner, Account customer, Account otherCustomer, PortalUser partnerAdmin,
			PortalUser partnerUser, PortalUser customerAdmin, PortalUser customerUser) {
	}

	/** A Camunda user of this test, with {@link #PASSWORD}: for Tasklist, Cockpit, /engine-rest or the intake API. */
	public record CamundaUser(String id, String password) {

		/** The value of an {@code Authorization} header that logs in as this user with HTTP Basic. */
		public String basic() {
			return "Basic " + Base64.getEncoder().encodeToString((this.id + ":" + this.password).getBytes(StandardCharsets.UTF_8));
		}

	}

	private final AccountRepository accounts;

	private final UserRepository users;

	private final ProductRepository products;

	private final SalesOrderService salesOrders;

	private final LineItemRepository lineItems;

	private final ActivationService activations;

	private final AccountVisibility visibility;

	private final TransactionTemplate transaction;

	private final PersonalAccessTokenService tokens;

	private final IdentityService identity;

	private final SalesOrderIntakeService intake;

	private final SalesOrderIntakeProcess intakeProcess;

	public LicenseFixtures(ApplicationContext context) {
		this.accounts = context.getBean(AccountRepository.class);
		this.users = context.getBean(UserRepository.class);
		this.products = context.getBean(ProductRepository.class);
		this.salesOrders = context.getBean(SalesOrderService.class);
		this.lineItems = context.getBean(LineItemRepository.class);
		this.activations = context.getBean(ActivationService.class);
		this.visibility = context.getBean(AccountVisibility.class);
		this.transaction = context.getBean(TransactionTemplate.class);
		this.tokens = context.getBean(PersonalAccessTokenService.class);
		this.identity = context.getBean(IdentityService.class);
		this.intake = context.getBean(SalesOrderIntakeService.class);
		this.intakeProcess = context.getBean(SalesOrderIntakeProcess.class);
	}

	public static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	public Account partner(String name) {
		return this.accounts.save(new Account(name, AccountType.PARTNER));
	}

	public Account customer(String name) {
		return this.accounts.save(new Account(name, AccountType.CUSTOMER));
	}

	/** An account with a unique customer number, as the order system knows it (e.g. {@code C-1A2B3C4D}). */
	public Account numbered(String name, AccountType type) {
		Account account = new Account(name, type);
		account.setCustomerNumber(unique(type == AccountType.PARTNER ? "P" : "C"));
		return this.accounts.save(account);
	}

	/** See {@link World}. */
	public World world() {
		Account customer = numbered(unique("Customer"), AccountType.CUSTOMER);
		Account otherCustomer = numbered(unique("Other Customer"), AccountType.CUSTOMER);
		Account partner = this.transaction.execute(status -> {
			Account saved = numbered(unique("Partner"), AccountType.PARTNER);
			saved.addRelatedCustomer(this.accounts.findById(customer.getId()).orElseThrow());
			saved.addRelatedCustomer(this.accounts.findById(otherCustomer.getId()).orElseThrow());
			return saved;
		});
		return new World(partner, customer, otherCustomer, user("Paula", partner, UserType.PARTNER_ADMINISTRATOR),
				user("Peter", partner, UserType.PARTNER_USER), user("Carla", customer, UserType.CUSTOMER_ADMINISTRATOR),
				user("Chris", customer, UserType.CUSTOMER_USER));
	}

	/** A partner and the customers it sells to. */
	public Account partnerOf(String name, Account... customers) {
		return this.transaction.execute(status -> {
			Account partner = this.accounts.save(new Account(name, AccountType.PARTNER));
			for (Account customer : customers) {
				partner.addRelatedCustomer(this.accounts.findById(customer.getId()).orElseThrow());
			}
			return partner;
		});
	}

	/** An active user of the given type on the account, with a unique email built from {@code name}. */
	public PortalUser user(String name, Account account, UserType type) {
		PortalUser user = new PortalUser(unique(name).toLowerCase() + "@fixture.example", name, "Tester");
		user.activate("{noop}" + PASSWORD);
		user.link(account, type);
		return this.users.save(user);
	}

	public Product product(String name) {
		return this.products.save(new Product(unique(name), name + " camera channel", name));
	}

	/** One sales order for {@code soldTo}, which also owns the line items. */
	public List<LineItem> order(Account soldTo, OrderLine... lines) {
		return this.salesOrders.enter(soldTo, List.of(lines), "fixture");
	}

	public LineItem lineItem(Account soldTo, Product product, int channels, LocalDate expiresOn) {
		return order(soldTo, new OrderLine(product, "7.14", channels, expiresOn)).get(0);
	}

	public LineItem reload(LineItem item) {
		return this.lineItems.findById(item.getId()).orElseThrow();
	}

	/** Activates channels on a new device of the line item's owner, as a system actor would. */
	public Activation activateOnNewDevice(LineItem item, int channels, String deviceName) {
		Long owner = item.getOwner().getId();
		return this.activations.activate(new VisibleAccounts(Set.of(owner), Set.of(owner), false),
				DeviceTarget.newDevice(deviceName, unique("HOST"), owner), java.util.Map.of(item.getActivationId(), channels),
				"fixture", null);
	}

	/** A personal access token of the user for {@link ApiClient}, valid for an hour. */
	public String apiToken(PortalUser user) {
		return this.tokens.issue(user.getId(), "test", Duration.ofHours(1)).secret();
	}

	/** A personal access token of a user, by email. */
	public String apiToken(String email) {
		return apiToken(this.users.findByEmail(email).orElseThrow());
	}

	/** A Camunda user of the group {@code order-management}, as {@code om} is in the demo: Tasklist and Cockpit. */
	public CamundaUser orderManager() {
		return camundaUser("om", OrderManagementSetup.GROUP);
	}

	/** A Camunda user of the group {@code order-intake}, as {@code erp} is in the demo: the sales-order API only. */
	public CamundaUser orderSystem() {
		return camundaUser("erp", OrderManagementSetup.ORDER_INTAKE_GROUP);
	}

	/** Camunda's user ids are letters and digits only. */
	private CamundaUser camundaUser(String prefix, String group) {
		String id = unique(prefix).replace("-", "").toLowerCase();
		User user = this.identity.newUser(id);
		user.setFirstName(prefix);
		user.setLastName("Fixture");
		user.setEmail(id + "@fixture.example");
		user.setPassword(PASSWORD);
		this.identity.saveUser(user);
		this.identity.createMembership(id, group);
		return new CamundaUser(id, PASSWORD);
	}

	/**
	 * A sales order for {@code soldTo} (which needs a customer number, see {@link #numbered}) sent through the
	 * intake as the order system sends it, its process run until the order is entered; answers the order. The
	 * order number is unique.
	 */
	public SalesOrderView enteredSalesOrder(Account soldTo, SalesOrderRequest.Line... lines) {
		String orderNumber = unique("SO");
		this.intake.receive(new SalesOrderRequest(orderNumber, LocalDate.now(),
				new SalesOrderRequest.SoldTo(soldTo.getCustomerNumber(), soldTo.getName(), soldTo.getType(), null),
				new SalesOrderRequest.Contact(unique("buyer").toLowerCase() + "@fixture.example", "Bea", "Buyer"),
				List.of(lines)), "fixture");
		this.intakeProcess.runDueSteps(orderNumber);
		SalesOrderView order = this.intake.view(orderNumber);
		if (order.state() != SalesOrderState.ENTERED) {
			throw new IllegalStateException("Fixture sales order " + orderNumber + " was not entered: " + order.state());
		}
		return order;
	}

	public VisibleAccounts visibleTo(PortalUser user) {
		return this.visibility.forUser(user.getId());
	}

	/** Logs MockMvc requests in as the user, through the portal's own principal. */
	public static RequestPostProcessor as(PortalUser user) {
		return SecurityMockMvcRequestPostProcessors.user(new PortalUserPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), user.getPasswordHash(), true));
	}

}
