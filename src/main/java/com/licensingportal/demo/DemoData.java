package com.licensingportal.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.device.ActivationService;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.salesorder.SalesOrderIntakeProcess;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderRequest;
import com.licensingportal.salesorder.SalesOrderState;
import com.licensingportal.salesorder.SalesOrderView;
import com.licensingportal.salesorder.SalesOrderRequest.Contact;
import com.licensingportal.salesorder.SalesOrderRequest.Line;
import com.licensingportal.salesorder.SalesOrderRequest.SoldTo;
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
 * line items (one expired, one expiring within 30 days), a device, and the Camunda users {@code om} and
 * {@code erp} (the order system). The line items come in as sales orders through the intake, as a vendor's
 * would, so Cockpit shows their SalesOrderIntake instances. Loaded once; a restart on the same database keeps
 * what is there.
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

	public static final String ERP_USER = "erp";

	public static final String ERP_PASSWORD = "erp";

	public static final String PARTNER_CUSTOMER_NUMBER = "P-20001";

	public static final String CUSTOMER_CUSTOMER_NUMBER = "C-10001";

	public static final String OTHER_CUSTOMER_CUSTOMER_NUMBER = "C-10002";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final AccountRepository accounts;

	private final UserRepository users;

	private final SalesOrderIntakeService salesOrders;

	private final SalesOrderIntakeProcess intake;

	private final ActivationService activations;

	private final PasswordEncoder passwordEncoder;

	private final IdentityService identity;

	private final TransactionTemplate transaction;

	DemoData(AccountRepository accounts, UserRepository users, SalesOrderIntakeService salesOrders,
			SalesOrderIntakeProcess intake, ActivationService activations, PasswordEncoder passwordEncoder,
			IdentityService identity, TransactionTemplate transaction) {
		this.accounts = accounts;
		this.users = users;
		this.salesOrders = salesOrders;
		this.intake = intake;
		this.activations = activations;
		this.passwordEncoder = passwordEncoder;
		this.identity = identity;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureCamundaUser(OM_USER, OM_PASSWORD, "Olivia", "Martens", "order-management@licensing.example.com",
				OrderManagementSetup.GROUP);
		ensureCamundaUser(ERP_USER, ERP_PASSWORD, "Order", "System", "erp@licensing.example.com",
				OrderManagementSetup.ORDER_INTAKE_GROUP);
		if (this.accounts.findByName(PARTNER_NAME).isPresent()) {
			return;
		}
		Account[] accounts = this.transaction.execute(status -> loadAccountsAndUsers());
		loadSalesOrders(accounts[0], accounts[1], accounts[2]);
		log.info("Loaded demo data: log in as {} with password {}", PARTNER_ADMIN, PASSWORD);
	}

	/** A Camunda user in one group, made once: {@code om} for Tasklist, {@code erp} for the sales-order intake. */
	private void ensureCamundaUser(String id, String password, String firstName, String lastName, String email,
			String group) {
		if (this.identity.createUserQuery().userId(id).count() == 0) {
			User user = this.identity.newUser(id);
			user.setFirstName(firstName);
			user.setLastName(lastName);
			user.setEmail(email);
			user.setPassword(password);
			this.identity.saveUser(user);
			this.identity.createMembership(id, group);
		}
	}

	private Account[] loadAccountsAndUsers() {
		Account partner = this.accounts.save(account(PARTNER_NAME, AccountType.PARTNER, PARTNER_CUSTOMER_NUMBER));
		Account harbor = this.accounts.save(account(CUSTOMER_NAME, AccountType.CUSTOMER, CUSTOMER_CUSTOMER_NUMBER));
		Account cedar = this.accounts.save(account(OTHER_CUSTOMER_NAME, AccountType.CUSTOMER, OTHER_CUSTOMER_CUSTOMER_NUMBER));
		partner.addRelatedCustomer(harbor);
		partner.addRelatedCustomer(cedar);

		// One hash for the four users of the one published password: each bcrypt costs start-up a tenth of a second.
		String passwordHash = this.passwordEncoder.encode(PASSWORD);
		user(PARTNER_ADMIN, "Paula", "Admin", partner, UserType.PARTNER_ADMINISTRATOR, passwordHash);
		user(PARTNER_USER, "Peter", "User", partner, UserType.PARTNER_USER, passwordHash);
		user(CUSTOMER_ADMIN, "Carla", "Admin", harbor, UserType.CUSTOMER_ADMINISTRATOR, passwordHash);
		user(CUSTOMER_USER, "Chris", "User", harbor, UserType.CUSTOMER_USER, passwordHash);

		return new Account[] { partner, harbor, cedar };
	}

	/** The demo's orders, each entered before the next is sent, whether or not a job executor runs. */
	private void loadSalesOrders(Account partner, Account harbor, Account cedar) {
		LocalDate today = LocalDate.now();
		Contact contact = new Contact("purchasing@northwind.example", "Paula", "Admin");
		// The partner's bulk stock.
		order("SO-DEMO-1001", today, partner, contact, new Line(1, "ACC7-ENT-CH", "7.14", 20, null),
				new Line(2, "ACC7-STD-CH", "7.14", 50, null));
		// Harbor's own orders: a one-year subscription that expires within 30 days, one partly activated on a device.
		order("SO-DEMO-1002", today.plusDays(20).minusMonths(12), harbor, contact,
				new Line(1, "ACC7-STD-CH", "7.14", 16, null), new Line(2, "ACC7-ENT-CH-1Y", "7.14", 8, null));
		String activated = order("SO-DEMO-1003", today, harbor, contact, new Line(1, "ACC7-ENT-CH", "7.12", 12, null));
		// Cedar Valley's expired subscription.
		order("SO-DEMO-1004", today.minusDays(10).minusMonths(12), cedar, contact,
				new Line(1, "ACC7-COR-CH-1Y", "7.10", 4, null));

		VisibleAccounts harborOnly = new VisibleAccounts(Set.of(harbor.getId()), Set.of(harbor.getId()), false);
		this.activations.activate(harborOnly,
				DeviceTarget.newDevice("HARBOR-NVR-01", "4C4C4544-0042-3510-8052-B4C04F4A3332", harbor.getId()),
				Map.of(activated, 10), CUSTOMER_ADMIN, null);
	}

	/** Sends one order through the intake and runs its process until entered; answers the first line's Activation ID. */
	private String order(String orderNumber, LocalDate orderDate, Account soldTo, Contact contact, Line... lines) {
		this.salesOrders.receive(new SalesOrderRequest(orderNumber, orderDate,
				new SoldTo(soldTo.getCustomerNumber(), soldTo.getName(), soldTo.getType(), null), contact, List.of(lines)),
				ERP_USER);
		for (int attempt = 0; attempt < 300; attempt++) {
			this.intake.runDueSteps(orderNumber);
			SalesOrderView order = this.salesOrders.view(orderNumber);
			if (order.state() == SalesOrderState.ENTERED) {
				return order.lines().get(0).activationId();
			}
			try {
				// The job executor has the order's job: give it a moment.
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new IllegalStateException("Demo sales order " + orderNumber + " was not entered");
	}

	private static Account account(String name, AccountType type, String customerNumber) {
		Account account = new Account(name, type);
		account.setCustomerNumber(customerNumber);
		return account;
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
