package com.licensingportal.salesorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.device.ActivationService;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cancelling an order line while its channels are being activated and transferred: the cancellation takes only
 * what is available at its moment, nothing is overdrawn, and afterwards every channel the order made is on a
 * device, in a line item, or was cancelled — none made, none lost.
 */
class SalesOrderCancellationRaceTest extends SalesOrderTestSupport {

	private static final int ORDERED = 300;

	@Autowired
	ActivationService activations;

	@Autowired
	TransferService transfers;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aCancellationRacingActivationsAndTransfersKeepsEveryChannelAccountedFor() throws Exception {
		Account partner = accountWithCustomerNumber("Racing Partner", AccountType.PARTNER);
		Account customer = this.fixtures.customer(com.licensingportal.support.LicenseFixtures.unique("Racing Customer"));
		this.transaction.executeWithoutResult(status -> this.accounts.findById(partner.getId())
			.orElseThrow()
			.addRelatedCustomer(this.accounts.findById(customer.getId()).orElseThrow()));
		PortalUser admin = this.fixtures.user("RaceAdmin", partner, UserType.PARTNER_ADMINISTRATOR);
		Product product = this.fixtures.product("CANCELRACE");
		SalesOrderRequest order = order(orderNumber(), partner.getCustomerNumber(), AccountType.PARTNER, "x",
				newLicense(1, product.getPartNumber(), ORDERED));
		SalesOrderView entered = receivedAndRun(order);
		String activationId = entered.lines().get(0).activationId();
		String device = this.fixtures.activateOnNewDevice(lineItem(activationId), 1, "CANCEL-RACE-NVR").device().getDeviceId();
		VisibleAccounts partnerOnly = new VisibleAccounts(Set.of(partner.getId()), Set.of(partner.getId()), false);

		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> processInstances = new ConcurrentLinkedQueue<>();
		AtomicInteger cancelled = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<?>> racers = new ArrayList<>();
		for (int thread = 0; thread < 3; thread++) {
			int racer = thread;
			racers.add(pool.submit(() -> {
				start.await();
				for (int attempt = 0; attempt < 15; attempt++) {
					try {
						this.activations.activate(partnerOnly, DeviceTarget.existing(device),
								Map.of(activationId, 1 + (racer + attempt) % 3), "racer-" + racer, null);
					}
					catch (RefusedException expected) {
						// Nothing left after the cancellation, or the line item is busy: refused, nothing changed.
					}
					catch (RuntimeException unexpected) {
						failures.add(unexpected);
					}
				}
				return null;
			}));
		}
		for (int thread = 0; thread < 2; thread++) {
			int racer = thread;
			racers.add(pool.submit(() -> {
				start.await();
				for (int attempt = 0; attempt < 10; attempt++) {
					try {
						processInstances.add(this.transfers
							.request(admin.getId(), new TransferRequest(activationId, 1 + (racer + attempt) % 4,
									customer.getAccountNumber(), null, null, null))
							.transfer()
							.getProcessInstanceId());
					}
					catch (RefusedException expected) {
						// Nothing left after the cancellation, or the line item is busy.
					}
					catch (RuntimeException unexpected) {
						failures.add(unexpected);
					}
				}
				return null;
			}));
		}
		racers.add(pool.submit(() -> {
			start.await();
			// Midway: once the racers have taken some channels, while they go on taking more.
			while (this.jdbc.queryForObject("select available_quantity from line_item where activation_id = ?",
					Integer.class, activationId) > ORDERED - 40) {
				Thread.sleep(5);
			}
			for (int attempt = 0; attempt < 3; attempt++) {
				cancelled.addAndGet(this.intake.cancelLine(order.orderNumber(), 1, "credit-note").cancelledChannels());
			}
			return null;
		}));
		start.countDown();
		for (Future<?> racer : racers) {
			racer.get(5, TimeUnit.MINUTES);
		}
		pool.shutdown();
		for (String instance : processInstances) {
			ProcessJobs.executeDue(this.management, instance);
		}

		assertThat(failures).isEmpty();
		assertThat(cancelled.get()).isPositive();
		LineItem after = lineItem(activationId);
		assertThat(after.getAvailableQuantity()).isGreaterThanOrEqualTo(0);
		// Every line item of the product: its counts add up to what its devices hold.
		List<Map<String, Object>> items = this.jdbc.queryForList("""
				select li.id, li.total_quantity, li.available_quantity, li.reserved_quantity,
				 (select coalesce(sum(dl.quantity), 0) from device_license dl where dl.line_item_id = li.id) as on_devices
				 from line_item li where li.product_id = ?""", product.getId());
		long total = 0;
		for (Map<String, Object> item : items) {
			int itemTotal = ((Number) item.get("total_quantity")).intValue();
			int available = ((Number) item.get("available_quantity")).intValue();
			int reserved = ((Number) item.get("reserved_quantity")).intValue();
			int onDevices = ((Number) item.get("on_devices")).intValue();
			assertThat(available).isGreaterThanOrEqualTo(0);
			assertThat(reserved).isZero();
			assertThat(itemTotal - available - reserved).as("line item %s", item.get("id")).isEqualTo(onDevices);
			total += itemTotal;
		}
		// None made, none lost: what the order made, less what the credit note took.
		assertThat(total).isEqualTo(ORDERED - cancelled.get());
		org.slf4j.LoggerFactory.getLogger(SalesOrderCancellationRaceTest.class)
			.info("Cancellation race: {} channels ordered, {} cancelled, {} on devices, {} transfers, {} line items; none made or lost",
					ORDERED, cancelled.get(), items.stream().mapToInt(i -> ((Number) i.get("on_devices")).intValue()).sum(),
					processInstances.size(), items.size());
	}

}
