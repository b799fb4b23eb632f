package com.licensingportal.license;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.device.Device;
import com.licensingportal.device.DeviceLicense;
import com.licensingportal.device.DeviceRepository;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sales orders, line items, devices and the event trail on the real database. */
class LicenseDataTest extends PortalIntegrationTest {

	@Autowired
	SalesOrderService salesOrders;

	@Autowired
	AccountRepository accounts;

	@Autowired
	ProductRepository products;

	@Autowired
	LineItemRepository lineItems;

	@Autowired
	LicenseEventRepository events;

	@Autowired
	DeviceRepository devices;

	@Autowired
	EntitlementIdGenerator entitlementIds;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSalesOrderCreatesAnEntitlementWithItsLineItemsAndTheirCreatedEvents() {
		Account customer = this.accounts.save(new Account("Orders " + UUID.randomUUID(), AccountType.CUSTOMER));
		Product product = product();

		List<LineItem> items = this.salesOrders.enter(customer,
				List.of(new OrderLine(product, "7.14", 25, null), new OrderLine(product, "7.14", 5, LocalDate.of(2030, 1, 31))),
				"system");

		assertThat(items).hasSize(2);
		assertThat(items.get(0).getEntitlement().getEntitlementId()).isEqualTo(items.get(1).getEntitlement().getEntitlementId())
			.matches("E-\\d{8}-\\d{4,}");
		LineItem first = this.lineItems.findByActivationId(items.get(0).getActivationId()).orElseThrow();
		assertThat(first.getOwner().getId()).isEqualTo(customer.getId());
		assertThat(first.getSoldTo().getId()).isEqualTo(customer.getId());
		assertThat(first.getAvailableQuantity()).isEqualTo(25);
		assertThat(first.isPermanent()).isTrue();
		assertThat(this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(first.getId()))
			.singleElement()
			.satisfies(event -> {
				assertThat(event.getType()).isEqualTo(LicenseEventType.CREATED);
				assertThat(event.getQuantity()).isEqualTo(25);
			});
		assertThat(items.get(1).getExpiresOn()).isEqualTo(LocalDate.of(2030, 1, 31));
	}

	@Test
	void theDatabaseNeverHoldsANegativeOrOverdrawnCount() {
		LineItem item = order(10);

		assertThatThrownBy(() -> this.jdbc.update("update line_item set available_quantity = -1 where id = ?", item.getId()))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update(
				"update line_item set available_quantity = 8, reserved_quantity = 3 where id = ?", item.getId()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aLineItemRefusesCountsThatBreakTheInvariant() {
		LineItem item = order(10);

		assertThatThrownBy(() -> item.deactivate(1)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> item.activate(11)).isInstanceOf(IllegalStateException.class);
		item.reserve(3);
		item.activate(1);
		assertThat(item.getAvailableQuantity()).isEqualTo(6);
		assertThat(item.getActivatedQuantity()).isEqualTo(1);
	}

	@Test
	void activationIdsAreUniqueAndCarryEightyRandomBits() {
		ActivationIdGenerator generator = new ActivationIdGenerator();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = generator.next();
			assertThat(id).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
		assertThat(com.licensingportal.base.ReadableCode.entropyBits(ActivationIdGenerator.GROUPS)).isGreaterThanOrEqualTo(60);
	}

	@Test
	void theDatabaseRefusesADuplicateActivationId() {
		LineItem item = order(2);

		assertThatThrownBy(() -> this.jdbc.update(
				"update line_item set activation_id = (select x.activation_id from (select activation_id from line_item where id <> ? order by id limit 1) x) where id = ?",
				item.getId(), item.getId()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void entitlementIdsStayUniqueUnderConcurrency() throws Exception {
		Set<String> ids = ConcurrentHashMap.newKeySet();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new java.util.ArrayList<>();
			for (int thread = 0; thread < 8; thread++) {
				work.add(pool.submit(() -> {
					for (int i = 0; i < 25; i++) {
						ids.add(this.entitlementIds.next());
					}
				}));
			}
			for (Future<?> done : work) {
				done.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(ids).hasSize(200);
	}

	@Test
	void aDeviceHoldsChannelsOfLineItems() {
		LineItem item = order(12);
		Device device = new Device("NVR " + UUID.randomUUID(), "HOST-" + UUID.randomUUID(), item.getOwner());
		new DeviceLicense(device, item, 4, "someone@example.com");
		this.devices.save(device);

		Device loaded = this.devices.findByDeviceId(device.getDeviceId()).orElseThrow();
		assertThat(loaded.getDeviceId()).matches("D-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		assertThat(this.jdbc.queryForObject("select sum(quantity) from device_license where line_item_id = ?", Integer.class,
				item.getId()))
			.isEqualTo(4);
	}

	private LineItem order(int quantity) {
		Account customer = this.accounts.save(new Account("Orders " + UUID.randomUUID(), AccountType.CUSTOMER));
		return this.salesOrders.enter(customer, List.of(new OrderLine(product(), "7.14", quantity, null)), "system").get(0);
	}

	private Product product() {
		return this.products.save(new Product("TEST-" + UUID.randomUUID().toString().substring(0, 18), "Test product", "Test"));
	}

}
