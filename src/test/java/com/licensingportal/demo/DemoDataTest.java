package com.licensingportal.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.device.Device;
import com.licensingportal.device.DeviceRepository;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.salesorder.SalesOrderIntakeProcess;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderState;
import com.licensingportal.salesorder.SalesOrderView;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo of the embedded default, as README's "What to open" promises it. The suite runs with demo data off
 * (every other test builds its own data with {@code support/LicenseFixtures}), so this test loads the demo itself,
 * in the shared context: it makes the {@link DemoData} runner from the context's beans (the bean exists only where
 * {@code portal.demo.enabled} is on) and runs it as start-up would, twice, since a restart keeps what is there.
 * On a database an earlier run left the demo in (MariaDB), the demo's dates count from the day it was loaded.
 * Runs after every other test but {@code ProcessCoverageTest}, so that on a fresh database no test can lean on the
 * demo it leaves.
 */
@Order(Integer.MAX_VALUE - 1)
class DemoDataTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Autowired
	UserRepository users;

	@Autowired
	LineItemRepository lineItems;

	@Autowired
	DeviceRepository devices;

	@Autowired
	SalesOrderIntakeService salesOrders;

	@Autowired
	IdentityService identity;

	@Autowired
	HistoryService history;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void theDemoHasWhatReadmePromisesAndASecondStartKeepsIt() {
		boolean loadedBefore = this.accounts.findByName(DemoData.PARTNER_NAME).isPresent();

		load();
		load();

		LocalDate loaded = this.jdbc.queryForObject("select order_date from sales_order where order_number = ?",
				LocalDate.class, "SO-DEMO-1001");
		if (!loadedBefore) {
			assertThat(loaded).as("loaded by this test").isEqualTo(LocalDate.now());
		}
		Account northwind = account(DemoData.PARTNER_NAME, AccountType.PARTNER, "P-20001");
		Account harbor = account(DemoData.CUSTOMER_NAME, AccountType.CUSTOMER, "C-10001");
		Account cedar = account(DemoData.OTHER_CUSTOMER_NAME, AccountType.CUSTOMER, "C-10002");
		assertThat(this.accounts.findRelatedCustomerIds(List.of(northwind.getId())))
			.containsExactlyInAnyOrder(harbor.getId(), cedar.getId());

		assertUser("partner.admin@northwind.example", northwind, UserType.PARTNER_ADMINISTRATOR);
		assertUser("partner.user@northwind.example", northwind, UserType.PARTNER_USER);
		assertUser("customer.admin@harbor.example", harbor, UserType.CUSTOMER_ADMINISTRATOR);
		assertUser("customer.user@harbor.example", harbor, UserType.CUSTOMER_USER);
		assertCamundaUser("om", "om", OrderManagementSetup.GROUP);
		assertCamundaUser("erp", "erp", OrderManagementSetup.ORDER_INTAKE_GROUP);

		Map<String, Account> soldTo = Map.of("SO-DEMO-1001", northwind, "SO-DEMO-1002", harbor, "SO-DEMO-1003", harbor,
				"SO-DEMO-1004", cedar);
		soldTo.forEach((number, account) -> {
			SalesOrderView order = this.salesOrders.view(number);
			assertThat(order.state()).as(number).isEqualTo(SalesOrderState.ENTERED);
			assertThat(order.account().customerNumber()).as(number).isEqualTo(account.getCustomerNumber());
			assertThat(this.history.createHistoricProcessInstanceQuery()
				.processDefinitionKey(SalesOrderIntakeProcess.PROCESS_KEY)
				.processInstanceBusinessKey(number)
				.finished()
				.count()).as("Cockpit shows the intake of %s", number).isEqualTo(1);
		});

		LineItem expiring = lineItemOf("SO-DEMO-1002", 2);
		assertThat(expiring.getOwner().getId()).isEqualTo(harbor.getId());
		assertThat(expiring.getExpiresOn()).as("expires within 30 days").isAfter(loaded).isBefore(loaded.plusDays(31));
		LineItem expired = lineItemOf("SO-DEMO-1004", 1);
		assertThat(expired.getOwner().getId()).isEqualTo(cedar.getId());
		assertThat(expired.isExpiredOn(loaded)).as("expired").isTrue();

		LineItem activated = lineItemOf("SO-DEMO-1003", 1);
		this.transaction.executeWithoutResult(status -> {
			List<Device> nvr = this.devices.findByAccounts(List.of(harbor.getId()))
				.stream()
				.filter(device -> device.getName().equals("HARBOR-NVR-01"))
				.toList();
			assertThat(nvr).singleElement().satisfies(device -> assertThat(device.getChannelCount()).isEqualTo(10));
		});
		assertThat(this.lineItems.findById(activated.getId()).orElseThrow().getActivatedQuantity()).isEqualTo(10);
	}

	/** What start-up does where {@code portal.demo.enabled} is on. */
	private void load() {
		this.context.getAutowireCapableBeanFactory().createBean(DemoData.class).run(null);
	}

	/** The one account of the name: loading twice made no second. */
	private Account account(String name, AccountType type, String customerNumber) {
		Account account = this.accounts.findByName(name).orElseThrow();
		assertThat(account.getType()).isEqualTo(type);
		assertThat(account.getCustomerNumber()).isEqualTo(customerNumber);
		return account;
	}

	/** A user of the type on the account, who logs in with the published password. */
	private void assertUser(String email, Account account, UserType type) {
		PortalUser user = this.users.findWithMembershipsById(this.users.findByEmail(email).orElseThrow().getId())
			.orElseThrow();
		assertThat(user.getMemberships()).singleElement().satisfies(membership -> {
			assertThat(membership.getAccount().getId()).isEqualTo(account.getId());
			assertThat(membership.getUserType()).isEqualTo(type);
		});
		assertThat(new HttpBrowser(baseUrl()).logIn(email, DemoData.PASSWORD).redirectPath()).as(email)
			.isEqualTo("/entitlements");
	}

	private void assertCamundaUser(String id, String password, String group) {
		assertThat(this.identity.createUserQuery().userId(id).memberOfGroup(group).count()).as(id).isEqualTo(1);
		assertThat(this.identity.checkPassword(id, password)).as(id).isTrue();
	}

	private LineItem lineItemOf(String orderNumber, int lineNumber) {
		String activationId = this.salesOrders.view(orderNumber)
			.lines()
			.stream()
			.filter(line -> line.lineNumber() == lineNumber)
			.findFirst()
			.orElseThrow()
			.activationId();
		return this.lineItems.findWithDetailsByActivationId(activationId).orElseThrow();
	}

}
