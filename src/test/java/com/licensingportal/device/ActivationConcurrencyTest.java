package com.licensingportal.device;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.licensingportal.account.Account;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 users race 50 times each for the channels of one 100-channel line item: exactly 100 are granted,
 * every other attempt is refused with a clear message, the available count never goes below zero, and
 * devices and event trail add up to the line item's counts.
 */
class ActivationConcurrencyTest extends PortalIntegrationTest {

	private static final int THREADS = 32;

	private static final int ATTEMPTS = 50;

	private static final int CHANNELS = 100;

	@Autowired
	ApplicationContext context;

	@Autowired
	ActivationService activations;

	@Autowired
	LicenseEventRepository events;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void racingUsersNeverGetMoreChannelsThanTheLineItemHas() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account customer = fixtures.customer(LicenseFixtures.unique("Race Track"));
		LineItem item = fixtures.lineItem(customer, fixtures.product("RACE"), CHANNELS, null);
		VisibleAccounts accounts = new VisibleAccounts(Set.of(customer.getId()), Set.of(), false);
		// A few devices, so that racers also add to the same device license at the same time.
		List<String> deviceIds = new ArrayList<>();
		LineItem seed = fixtures.lineItem(customer, fixtures.product("SEED"), 4, null);
		for (int i = 0; i < 4; i++) {
			deviceIds.add(fixtures.activateOnNewDevice(seed, 1, "RACE-NVR-" + i).device().getDeviceId());
		}

		AtomicInteger granted = new AtomicInteger();
		AtomicInteger grantedAttempts = new AtomicInteger();
		ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		AtomicBoolean racing = new AtomicBoolean(true);
		AtomicInteger lowestAvailable = new AtomicInteger(CHANNELS);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
		Future<?> watcher = pool.submit(() -> {
			while (racing.get()) {
				Integer available = this.jdbc.queryForObject("select available_quantity from line_item where id = ?",
						Integer.class, item.getId());
				lowestAvailable.accumulateAndGet(available, Math::min);
			}
		});
		List<Future<?>> racers = new ArrayList<>();
		for (int thread = 0; thread < THREADS; thread++) {
			int racer = thread;
			racers.add(pool.submit(() -> {
				start.await();
				for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
					int channels = 1 + (racer + attempt) % 3;
					try {
						this.activations.activate(accounts, DeviceTarget.existing(deviceIds.get((racer + attempt) % 4)),
								Map.of(item.getActivationId(), channels), "racer-" + racer, null);
						granted.addAndGet(channels);
						grantedAttempts.incrementAndGet();
					}
					catch (RefusedException refused) {
						refusals.add(refused.getMessage());
					}
					catch (RuntimeException unexpected) {
						failures.add(unexpected);
					}
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> racer : racers) {
			racer.get(5, TimeUnit.MINUTES);
		}
		racing.set(false);
		watcher.get(1, TimeUnit.MINUTES);
		pool.shutdown();

		assertThat(failures).isEmpty();
		assertThat(granted.get()).isEqualTo(CHANNELS);
		assertThat(grantedAttempts.get() + refusals.size()).isEqualTo(THREADS * ATTEMPTS);
		assertThat(refusals).allSatisfy(message -> assertThat(message).matches(
				"(No channels of .+ are left\\.|Only (1 channel of .+ is|2 channels of .+ are) left, not [23]\\.|These licenses are being changed"
						+ " by someone else right now\\.) Nothing was activated.*"));
		assertThat(lowestAvailable.get()).isGreaterThanOrEqualTo(0);

		LineItem after = fixtures.reload(item);
		assertThat(after.getAvailableQuantity()).isZero();
		assertThat(after.getActivatedQuantity()).isEqualTo(CHANNELS);
		Integer onDevices = this.jdbc.queryForObject("select sum(quantity) from device_license where line_item_id = ?",
				Integer.class, item.getId());
		assertThat(onDevices).isEqualTo(CHANNELS);
		List<LicenseEvent> trail = this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(item.getId());
		assertThat(trail.stream().filter(event -> event.getType() == LicenseEventType.ACTIVATED)).hasSize(grantedAttempts.get())
			.allSatisfy(event -> assertThat(event.getActor()).startsWith("racer-"));
		int created = trail.stream().filter(event -> event.getType() == LicenseEventType.CREATED).mapToInt(LicenseEvent::getQuantity).sum();
		int activated = trail.stream().filter(event -> event.getType() == LicenseEventType.ACTIVATED).mapToInt(LicenseEvent::getQuantity).sum();
		assertThat(created - activated).isEqualTo(after.getAvailableQuantity());
	}

}
