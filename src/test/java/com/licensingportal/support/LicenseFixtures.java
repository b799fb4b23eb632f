package com.licensingportal.support;

import java.time.Duration;
import java.time.LocalDate;
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
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/**
 * Accounts, users, products and line items for license tests, each with a unique name so that tests never
 * see each other's data (the MariaDB database keeps it between runs). Channels come only from sales orders.
 */
public final class LicenseFixtures {

	/** Every fixture user's password, for tests that log in through the login page or a browser. */
	public static final String PASSWORD = "Fixture-" + UUID.randomUUID();

	private final AccountRepository accounts;

	private final UserRepository users;

	private final ProductRepository products;

	private final SalesOrderService salesOrders;

	private final LineItemRepository lineItems;

	private final ActivationService activations;

	private final AccountVisibility visibility;

	private final TransactionTemplate transaction;

	private final PersonalAccessTokenService tokens;

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

	/** A personal access token of a demo user, by email. */
	public String apiToken(String email) {
		return apiToken(this.users.findByEmail(email).orElseThrow());
	}

	public VisibleAccounts visibleTo(PortalUser user) {
		return this.visibility.forUser(user.getId());
	}

	/** Logs MockMvc requests in as the user, through the portal's own principal. */
	public static RequestPostProcessor as(PortalUser user) {
		return SecurityMockMvcRequestPostProcessors.user(new PortalUserPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), user.getPasswordHash(), true));
	}

}
