package com.licensingportal.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.account.VisibleAccounts;
import com.licensingportal.device.ActivationService;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.license.ProductRepository;
import com.licensingportal.license.SalesOrderService;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default's demo: a partner with two related customers, a user of each of the four types,
 * line items (one expired, one expiring within 30 days), a device, and the Camunda user {@code om}.
 * Loaded once; a restart on the same database keeps what is there.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "portal.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

	public static final String PASSWORD = "Demo-Portal-2026";

	public static final String PARTNER_NAME = "Northwind Security";

	public static final String CUSTOMER_NAME = "Harbor Logistics";

	public static final String OTHER_CUSTOMER_NAME = "Cedar Valley Schools";

	public static final String PARTNER_ADMIN = "partner.admin@northwind.example";

	public static final String PARTNER_USER = "partner.user@northwind.example";

	public static final String CUSTOMER_ADMIN = "customer.admin@harbor.example";

	public static final String CUSTOMER_USER = "customer.user@harbor.example";

	public static final String OM_USER = "om";

	public static final String OM_PASSWORD = "om";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AccountRepository accounts;

	private final UserRepository users;

	private final ProductRepository products;

	private final SalesOrderService salesOrders;

	private final ActivationService activations;

	private final PasswordEncoder passwordEncoder;

	private final IdentityService identity;

	private final TransactionTemplate transaction;

	DemoData(AccountRepository accounts, UserRepository users, ProductRepository products,
			SalesOrderService salesOrders, ActivationService activations, PasswordEncoder passwordEncoder, IdentityService identity, TransactionTemplate transaction) {
		this.accounts = accounts;
		this.users = users;
		this.products = products;
		this.salesOrders = salesOrders;
		this.activations = activations;
		this.passwordEncoder = passwordEncoder;
		this.identity = identity;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureOrderManagementUser();
		if (this.accounts.findByName(PARTNER_NAME).isPresent()) {
			return;
		}
		this.transaction.executeWithoutResult(status -> loadPortalData());
		log.info("Loaded demo data: log in as {} with password {}", PARTNER_ADMIN, PASSWORD);
	}

	private void ensureOrderManagementUser() {
		if (this.identity.createUserQuery().userId(OM_USER).count() == 0) {
			User om = this.identity.newUser(OM_USER);
			om.setFirstName("Olivia");
			om.setLastName("Martens");
			om.setEmail("order-management@licensing.example.com");
			om.setPassword(OM_PASSWORD);
			this.identity.saveUser(om);
			this.identity.createMembership(OM_USER, OrderManagementSetup.GROUP);
		}
	}

	private void loadPortalData() {
		Account partner = this.accounts.save(new Account(PARTNER_NAME, AccountType.PARTNER));
		Account harbor = this.accounts.save(new Account(CUSTOMER_NAME, AccountType.CUSTOMER));
		Account cedar = this.accounts.save(new Account(OTHER_CUSTOMER_NAME, AccountType.CUSTOMER));
		partner.addRelatedCustomer(harbor);
		partner.addRelatedCustomer(cedar);

		// One hash for the four users of the one published password: each bcrypt costs start-up a tenth of a second.
		String passwordHash = this.passwordEncoder.encode(PASSWORD);
		user(PARTNER_ADMIN, "Paula", "Admin", partner, UserType.PARTNER_ADMINISTRATOR, passwordHash);
		user(PARTNER_USER, "Peter", "User", partner, UserType.PARTNER_USER, passwordHash);
		user(CUSTOMER_ADMIN, "Carla", "Admin", harbor, UserType.CUSTOMER_ADMINISTRATOR, passwordHash);
		user(CUSTOMER_USER, "Chris", "User", harbor, UserType.CUSTOMER_USER, passwordHash);

		Product enterprise = this.products.save(new Product("ACC7-ENT-CH", "ACC 7 Enterprise camera channel", "ACC Enterprise"));
		Product standard = this.products.save(new Product("ACC7-STD-CH", "ACC 7 Standard camera channel", "ACC Standard"));
		Product core = this.products.save(new Product("ACC7-COR-CH", "ACC 7 Core camera channel", "ACC Core"));

		LocalDate today = LocalDate.now();
		String actor = "system";
		// The partner's bulk stock.
		this.salesOrders.enter(partner, List.of(new OrderLine(enterprise, "7.14", 20, null),
				new OrderLine(standard, "7.14", 50, null)), actor);
		// Harbor's own orders: one expiring within 30 days, one partly activated on a device.
		this.salesOrders.enter(harbor, List.of(new OrderLine(standard, "7.14", 16, null),
				new OrderLine(enterprise, "7.14", 8, today.plusDays(20))), actor);
		LineItem activated = this.salesOrders.enter(harbor, List.of(new OrderLine(enterprise, "7.12", 12, null)), actor).get(0);
		// Cedar Valley's expired licenses.
		this.salesOrders.enter(cedar, List.of(new OrderLine(core, "7.10", 4, today.minusDays(10))), actor);

		VisibleAccounts harborOnly = new VisibleAccounts(Set.of(harbor.getId()), Set.of(harbor.getId()), false);
		this.activations.activate(harborOnly,
				DeviceTarget.newDevice("HARBOR-NVR-01", "4C4C4544-0042-3510-8052-B4C04F4A3332", harbor.getId()),
				Map.of(activated.getActivationId(), 10), CUSTOMER_ADMIN, null);
	}

	private void user(String email, String firstName, String lastName, Account account, UserType type,
			String passwordHash) {
		PortalUser user = new PortalUser(email, firstName, lastName);
		user.setPhone("+1 604 555 0100");
		user.activate(passwordHash);
		user.link(account, type);
		this.users.save(user);
	}

}
