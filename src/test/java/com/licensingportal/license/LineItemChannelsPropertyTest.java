package com.licensingportal.license;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of random sequences of what happens to line items (reservations, releases, transfers, activations,
 * returns, credit notes), each also trying amounts a line item must refuse. After every step each line item keeps
 * {@code total = available + reserved + activated} with no count negative, its reserved channels are those of the
 * transfers still waiting, its activated ones those on devices, and no channel was made or lost: the channels of
 * all line items are those ordered less those credited. Plain JUnit with a seeded random, so a failure names the
 * seed that reproduces it.
 */
class LineItemChannelsPropertyTest {

	private static final int SEQUENCES = 3_000;

	private static final int STEPS = 60;

	private final Account customer = new Account("Customer", AccountType.CUSTOMER);

	private final Account other = new Account("Other", AccountType.CUSTOMER);

	private final Product product = new Product("ACC7-ENT-CH", "ACC Enterprise", "Permanent");

	/** A transfer still waiting: its channels are reserved on the source. */
	private record Pending(LineItem source, LineItem addTo, int amount) {
	}

	/** One random world: its line items, the transfers waiting and the channels on devices. */
	private final class World {

		final Random random;

		final List<LineItem> items = new ArrayList<>();

		final List<Pending> pending = new ArrayList<>();

		final Map<LineItem, Integer> onDevices = new HashMap<>();

		int ordered;

		int credited;

		int next;

		World(long seed) {
			this.random = new Random(seed);
			int lines = 1 + this.random.nextInt(3);
			for (int i = 0; i < lines; i++) {
				order(1 + this.random.nextInt(12));
			}
		}

		LineItem order(int channels) {
			LineItem item = new LineItem("LI-" + this.next++, new Entitlement("E-" + this.next, customer, Instant.now()),
					customer, product, "7.14", channels, null);
			this.items.add(item);
			this.ordered += channels;
			return item;
		}

		LineItem anyItem() {
			return this.items.get(this.random.nextInt(this.items.size()));
		}

		/** Mostly a fitting amount, sometimes one that is too large, zero or negative. */
		int amount(int fitting) {
			return switch (this.random.nextInt(6)) {
				case 0 -> fitting + 1 + this.random.nextInt(3);
				case 1 -> -this.random.nextInt(2);
				default -> fitting < 1 ? 1 + this.random.nextInt(2) : 1 + this.random.nextInt(fitting);
			};
		}

		void step() {
			switch (this.random.nextInt(9)) {
				case 0, 1 -> reserve();
				case 2 -> release();
				case 3, 4 -> execute();
				case 5 -> activate();
				case 6 -> deactivate();
				case 7 -> creditNote();
				default -> order(1 + this.random.nextInt(5));
			}
		}

		void reserve() {
			LineItem source = anyItem();
			int amount = amount(source.getAvailableQuantity());
			if (attempt(source, () -> source.reserve(amount), amount >= 1 && amount <= source.getAvailableQuantity())) {
				LineItem addTo = this.random.nextBoolean() ? null : anyItem();
				this.pending.add(new Pending(source, addTo == source ? null : addTo, amount));
			}
		}

		void release() {
			if (this.pending.isEmpty()) {
				LineItem item = anyItem();
				attempt(item, () -> item.release(1), item.getReservedQuantity() >= 1);
				return;
			}
			Pending transfer = this.pending.remove(this.random.nextInt(this.pending.size()));
			int amount = transfer.amount();
			assertThat(attempt(transfer.source(), () -> transfer.source().release(amount), true)).isTrue();
		}

		/** As {@code TransferExecution} moves a transfer's channels: onto a line item, the whole one, or a new one. */
		void execute() {
			if (this.pending.isEmpty()) {
				LineItem item = anyItem();
				int amount = amount(item.getReservedQuantity());
				attempt(item, () -> item.transferOut(amount), amount >= 1 && amount <= item.getReservedQuantity());
				return;
			}
			Pending transfer = this.pending.remove(this.random.nextInt(this.pending.size()));
			LineItem source = transfer.source();
			int amount = transfer.amount();
			if (transfer.addTo() != null) {
				source.transferOut(amount);
				transfer.addTo().receive(amount);
			}
			else if (source.getTotalQuantity() == amount) {
				source.changeHands(other);
			}
			else {
				LineItem created = new LineItem("LI-" + this.next++, new Entitlement("E-" + this.next, other, Instant.now()),
						other, product, "7.14", amount, null);
				this.items.add(created);
				source.transferOut(amount);
			}
		}

		void activate() {
			LineItem item = anyItem();
			int amount = amount(item.getAvailableQuantity());
			if (attempt(item, () -> item.activate(amount), amount >= 1 && amount <= item.getAvailableQuantity())) {
				this.onDevices.merge(item, amount, Integer::sum);
			}
		}

		void deactivate() {
			LineItem item = anyItem();
			int activated = this.onDevices.getOrDefault(item, 0);
			int amount = amount(activated);
			if (attempt(item, () -> item.deactivate(amount), amount >= 1 && amount <= activated)) {
				this.onDevices.put(item, activated - amount);
			}
		}

		void creditNote() {
			LineItem item = anyItem();
			int available = item.getAvailableQuantity();
			assertThat(item.cancelAvailableChannels()).isEqualTo(available);
			this.credited += available;
		}

		/**
		 * Runs the change; one that must be refused throws (an amount below one as an illegal argument, one the
		 * counts cannot hold as an illegal state) and leaves the line item as it was.
		 * @return whether it was carried out
		 */
		boolean attempt(LineItem item, Runnable change, boolean allowed) {
			int total = item.getTotalQuantity();
			int available = item.getAvailableQuantity();
			int reserved = item.getReservedQuantity();
			if (allowed) {
				change.run();
				return true;
			}
			assertThatThrownBy(change::run).isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
			assertThat(List.of(item.getTotalQuantity(), item.getAvailableQuantity(), item.getReservedQuantity()))
				.isEqualTo(List.of(total, available, reserved));
			return false;
		}

		void check() {
			int channels = 0;
			for (LineItem item : this.items) {
				assertThat(item.getAvailableQuantity()).isNotNegative();
				assertThat(item.getReservedQuantity()).isNotNegative();
				assertThat(item.getActivatedQuantity()).isNotNegative();
				assertThat(item.getAvailableQuantity() + item.getReservedQuantity() + item.getActivatedQuantity())
					.isEqualTo(item.getTotalQuantity());
				assertThat(item.getReservedQuantity()).as("reserved on %s", item.getActivationId())
					.isEqualTo(this.pending.stream().filter(p -> p.source() == item).mapToInt(Pending::amount).sum());
				assertThat(item.getActivatedQuantity()).as("activated on %s", item.getActivationId())
					.isEqualTo(this.onDevices.getOrDefault(item, 0));
				channels += item.getTotalQuantity();
			}
			assertThat(channels).as("channels of all line items").isEqualTo(this.ordered - this.credited);
		}

	}

	@Test
	void randomSequencesKeepTheInvariantAndNeitherMakeNorLoseChannels() {
		long base = new Random().nextLong();
		int steps = 0;
		for (int sequence = 0; sequence < SEQUENCES; sequence++) {
			long seed = base + sequence;
			World world = new World(seed);
			try {
				world.check();
				for (int step = 0; step < STEPS; step++) {
					world.step();
					world.check();
					steps++;
				}
			}
			catch (AssertionError | RuntimeException failure) {
				fail("Sequence with seed " + seed + " broke a channel rule", failure);
			}
		}
		assertThat(steps).isEqualTo(SEQUENCES * STEPS);
	}

}
