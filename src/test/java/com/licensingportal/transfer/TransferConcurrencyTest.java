package com.licensingportal.transfer;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.device.ActivationService;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.license.LineItem;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.PortalUser;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many users request transfers (a new license for a related customer, added to its license, or to an unrelated
 * account that waits for approval) and activate channels from one bulk license, while Order Management approves
 * and rejects, an administrator cancels, and the engine's jobs run, all at once. Throughout and afterwards: no
 * license is ever overdrawn, every license adds up (total = available + reserved + activated on devices), and the
 * product has exactly the channels its sales orders made. Run it on MariaDB: {@code mvn test -Pmysql}.
 */
class TransferConcurrencyTest extends TransferTestSupport {

	private static final int BULK = 200;

	private static final int EXISTING = 10;

	private static final int REQUESTERS = 6;

	private static final int REQUESTS = 10;

	private static final int ACTIVATORS = 3;

	private static final int ACTIVATIONS = 10;

	@Autowired
	ActivationService activations;

	private final Set<String> numbers = ConcurrentHashMap.newKeySet();

	private final Set<String> processInstances = ConcurrentHashMap.newKeySet();

	private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

	private final AtomicInteger engineDeadlocks = new AtomicInteger();

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TransferConcurrencyTest.class);

	private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();

	@Test
	void racingTransfersActivationsApprovalsAndCancellationsNeitherOverdrawNorCreateNorDestroyChannels() throws Exception {
		LineItem bulk = this.fixtures.lineItem(this.partner, this.product, BULK, null);
		LineItem existing = this.fixtures.lineItem(this.customer, this.product, EXISTING, null);
		String partnerDevice = this.fixtures.activateOnNewDevice(bulk, 1, "LARCH-RACE-NVR").device().getDeviceId();
		String customerDevice = this.fixtures.activateOnNewDevice(existing, 1, "JUNIPER-RACE-NVR").device().getDeviceId();
		long productChannels = productChannels();

		AtomicBoolean racing = new AtomicBoolean(true);
		AtomicInteger lowestAvailable = new AtomicInteger(Integer.MAX_VALUE);
		AtomicInteger requested = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(REQUESTERS + ACTIVATORS + 5);
		List<Future<?>> racers = new ArrayList<>();
		for (int thread = 0; thread < REQUESTERS; thread++) {
			int racer = thread;
			PortalUser requester = racer % 2 == 0 ? this.partnerAdmin : this.partnerUser;
			racers.add(pool.submit(() -> {
				start.await();
				for (int attempt = 0; attempt < REQUESTS; attempt++) {
					int amount = 1 + (racer + attempt) % 4;
					TransferRequest request = switch ((racer + attempt) % 3) {
						case 0 -> request(bulk, amount, this.customer);
						case 1 -> addTo(bulk, amount, this.customer, existing);
						default -> request(bulk, amount, this.unrelated);
					};
					try {
						ChannelTransfer transfer = this.transfers.request(requester.getId(), request).transfer();
						this.processInstances.add(transfer.getProcessInstanceId());
						this.numbers.add(transfer.getTransferNumber());
						requested.incrementAndGet();
					}
					catch (RefusedException expected) {
						refused.incrementAndGet();
						this.refusals.add(expected.getMessage());
					}
					catch (RuntimeException unexpected) {
						this.failures.add(unexpected);
					}
				}
				return null;
			}));
		}
		for (int thread = 0; thread < ACTIVATORS; thread++) {
			boolean onCustomer = thread == ACTIVATORS - 1;
			LineItem item = onCustomer ? existing : bulk;
			Long owner = onCustomer ? this.customer.getId() : this.partner.getId();
			VisibleAccounts accounts = new VisibleAccounts(Set.of(owner), Set.of(owner), false);
			int racer = thread;
			racers.add(pool.submit(() -> {
				start.await();
				for (int attempt = 0; attempt < ACTIVATIONS; attempt++) {
					try {
						this.activations.activate(accounts, DeviceTarget.existing(onCustomer ? customerDevice : partnerDevice),
								Map.of(item.getActivationId(), 1 + (racer + attempt) % 3), "racer-" + racer, null);
					}
					catch (RefusedException expected) {
						refused.incrementAndGet();
						this.refusals.add(expected.getMessage());
					}
					catch (RuntimeException unexpected) {
						this.failures.add(unexpected);
					}
				}
				return null;
			}));
		}
		List<Future<?>> workers = new ArrayList<>();
		workers.add(pool.submit(() -> {
			while (racing.get()) {
				decidePending(0);
				Thread.sleep(20);
			}
			return null;
		}));
		workers.add(pool.submit(() -> {
			while (racing.get()) {
				cancelSome();
				Thread.sleep(20);
			}
			return null;
		}));
		for (int runner = 0; runner < 2; runner++) {
			int partition = runner;
			workers.add(pool.submit(() -> {
				while (racing.get()) {
					runJobs(partition, 2);
					Thread.sleep(10);
				}
				return null;
			}));
		}
		workers.add(pool.submit(() -> {
			while (racing.get()) {
				checkInvariant(productChannels, lowestAvailable);
				Thread.sleep(5);
			}
			return null;
		}));

		start.countDown();
		for (Future<?> racer : racers) {
			racer.get(5, TimeUnit.MINUTES);
		}
		racing.set(false);
		for (Future<?> worker : workers) {
			worker.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		drain();
		// Visible in the test's output: how often the engine had to roll back a command of its own and run it again.
		log.info("Engine deadlocks on Camunda's rows of one process instance, rolled back and run again: {}",
				this.engineDeadlocks.get());

		assertThat(this.failures).isEmpty();
		assertThat(requested.get()).isPositive();
		assertThat(lowestAvailable.get()).isGreaterThanOrEqualTo(0);
		checkInvariant(productChannels, lowestAvailable);
		assertThat(this.failures).isEmpty();
		assertThat(productChannels()).isEqualTo(productChannels);
		int movedOut = 0;
		Map<TransferState, Integer> outcomes = new java.util.EnumMap<>(TransferState.class);
		for (String number : this.numbers) {
			ChannelTransfer transfer = this.transferRows.findByTransferNumber(number).orElseThrow();
			outcomes.merge(transfer.getState(), 1, Integer::sum);
			List<TransferEvent> trail = eventsOf(transfer);
			assertThat(transfer.getState()).isIn(TransferState.COMPLETED, TransferState.REJECTED, TransferState.CANCELLED);
			assertThat(trail.get(0).type()).isEqualTo(com.licensingportal.license.LicenseEventType.RESERVED);
			if (transfer.getState() == TransferState.COMPLETED) {
				movedOut += transfer.getAmount();
				assertThat(trail).extracting(TransferEvent::type).containsExactly(
						com.licensingportal.license.LicenseEventType.RESERVED, com.licensingportal.license.LicenseEventType.TRANSFERRED_OUT,
						com.licensingportal.license.LicenseEventType.TRANSFERRED_IN);
			}
			else {
				assertThat(trail).extracting(TransferEvent::type).containsExactly(
						com.licensingportal.license.LicenseEventType.RESERVED, com.licensingportal.license.LicenseEventType.RELEASED);
			}
		}
		// The race went every way: channels moved, and reservations were given back.
		assertThat(outcomes.getOrDefault(TransferState.COMPLETED, 0)).isPositive();
		assertThat(outcomes.getOrDefault(TransferState.REJECTED, 0) + outcomes.getOrDefault(TransferState.CANCELLED, 0)).isPositive();
		System.out.println("Transfer race: " + requested.get() + " requested, " + refused.get() + " refused, outcomes " + outcomes
				+ ", refusals " + new java.util.TreeSet<>(this.refusals));
		LineItem after = reload(bulk);
		assertThat(after.getReservedQuantity()).isZero();
		assertThat(after.getTotalQuantity()).isEqualTo(BULK - movedOut);
		assertThat(reload(existing).getReservedQuantity()).isZero();
	}

	/** Order Management at work: approves every other pending transfer of this test and rejects the rest. */
	private void decidePending(int round) {
		List<Task> tasks = this.taskService.createTaskQuery().processDefinitionKey(TransferProcess.PROCESS_KEY).list();
		for (Task task : tasks) {
			if (!this.processInstances.contains(task.getProcessInstanceId())) {
				continue;
			}
			boolean approve = (task.getProcessInstanceId().hashCode() + round) % 2 == 0;
			try {
				this.taskService.complete(task.getId(), Map.of("approval", approve ? "approve" : "reject", "approvalReason",
						approve ? "fine" : "not this time"));
			}
			catch (RuntimeException raced) {
				// Cancelled, expired or decided meanwhile: the engine or the transfer's row refused it, as it should.
				failIfDeadlock(raced);
			}
		}
	}

	/** An administrator cancels every third pending transfer. */
	private void cancelSome() {
		for (String number : this.numbers) {
			if (Math.abs(number.hashCode()) % 3 != 0) {
				continue;
			}
			try {
				this.transfers.cancel(this.partnerAdmin.getId(), number);
			}
			catch (RefusedException notPending) {
				// Decided, executed or cancelled already.
			}
			catch (RuntimeException raced) {
				// Approved at the same moment: the engine's optimistic locking let only one of them through.
				failIfDeadlock(raced);
			}
		}
	}

	/** The job executor, one partition of the due jobs of this test's processes. */
	private void runJobs(int partition, int partitions) {
		for (Job job : this.management.createJobQuery().processDefinitionKey(TransferProcess.PROCESS_KEY).executable().list()) {
			if (!this.processInstances.contains(job.getProcessInstanceId()) || Math.abs(job.getId().hashCode()) % partitions != partition) {
				continue;
			}
			try {
				this.management.executeJob(job.getId());
			}
			catch (RuntimeException retried) {
				// The job stays and runs again later, as the engine would retry it; but the lock order rules out deadlocks.
				failIfDeadlock(retried);
			}
		}
	}

	/**
	 * The portal locks its rows in one order (line items by id, then the transfer), so a deadlock on them is a
	 * defect and fails the test. A deadlock that MariaDB reports on a statement of the engine's own (Camunda names
	 * it "Database Operation 'UPDATE MessageEntity[...]'" and the like) is of Camunda's rows of one process
	 * instance, touched by two commands at once, e.g. a mail job while a cancellation terminates the instance: the
	 * losing command is rolled back whole and its job runs again, as the job executor would retry it, which the
	 * checks after the race cover. Those are counted, not failed.
	 */
	private void failIfDeadlock(Throwable failure) {
		boolean deadlock = false;
		boolean engineStatement = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			String message = String.valueOf(cause.getMessage());
			deadlock |= message.toLowerCase(java.util.Locale.ROOT).contains("deadlock");
			engineStatement |= message.contains("ENGINE-03004 Exception while executing Database Operation '");
		}
		if (deadlock && engineStatement) {
			this.engineDeadlocks.incrementAndGet();
		}
		else if (deadlock) {
			this.failures.add(failure);
		}
	}

	/** After the race: every pending transfer decided, every job run (failed ones again), until nothing is left. */
	private void drain() {
		for (int round = 0; round < 30; round++) {
			decidePending(round);
			Set<String> approvalTimers = new java.util.HashSet<>();
			this.management.createJobQuery().processDefinitionKey(TransferProcess.PROCESS_KEY).timers()
				.activityId("ApprovalExpires").list().forEach(timer -> approvalTimers.add(timer.getId()));
			List<Job> left = this.management.createJobQuery().processDefinitionKey(TransferProcess.PROCESS_KEY).list()
				.stream()
				.filter(job -> this.processInstances.contains(job.getProcessInstanceId()) && !approvalTimers.contains(job.getId()))
				.toList();
			long open = this.numbers.stream()
				.map(number -> this.transferRows.findByTransferNumber(number).orElseThrow())
				.filter(transfer -> !transfer.getState().isFinished())
				.count();
			if (left.isEmpty() && open == 0) {
				return;
			}
			for (Job job : left) {
				this.management.setJobRetries(job.getId(), 3);
				this.management.setJobDuedate(job.getId(), new Date());
			}
			runJobs(0, 1);
		}
		throw new AssertionError("Transfers still open after the race: " + this.numbers);
	}

	/** One statement, so one consistent read: every license adds up, none is overdrawn, the product keeps its channels. */
	private void checkInvariant(long productChannels, AtomicInteger lowestAvailable) {
		for (Map<String, Object> row : this.jdbc.queryForList("""
				select li.id, li.total_quantity, li.available_quantity, li.reserved_quantity,
				 (select coalesce(sum(dl.quantity), 0) from device_license dl where dl.line_item_id = li.id) as activated,
				 (select sum(p.total_quantity) from line_item p where p.product_id = li.product_id) as product_total
				 from line_item li where li.product_id = ?""", this.product.getId())) {
			int total = ((Number) row.get("total_quantity")).intValue();
			int available = ((Number) row.get("available_quantity")).intValue();
			int reserved = ((Number) row.get("reserved_quantity")).intValue();
			int activated = ((Number) row.get("activated")).intValue();
			lowestAvailable.accumulateAndGet(available, Math::min);
			if (total != available + reserved + activated || available < 0 || reserved < 0
					|| ((Number) row.get("product_total")).longValue() != productChannels) {
				this.failures.add(new AssertionError("Line item " + row.get("id") + " does not add up: " + row + ", the product had "
						+ productChannels + " channels"));
			}
		}
	}

	private long productChannels() {
		return this.jdbc.queryForObject("select sum(total_quantity) from line_item where product_id = ?", Long.class,
				this.product.getId());
	}

}
