package com.licensingportal.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.licensingportal.cluster.ClusterDatabase.Channels;

/**
 * Reads the channel invariant twice a second for as long as the cluster test runs, each read one consistent
 * statement: every product keeps the channels it started with (in line items, and on line items plus devices),
 * no line item is overdrawn, every line item adds up. Reads while the database is away are counted, not judged.
 */
final class InvariantWatch implements AutoCloseable {

	private final ClusterDatabase database;

	private final Map<String, Channels> baseline;

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final AtomicLong samples = new AtomicLong();

	private final AtomicLong unreadable = new AtomicLong();

	private final Thread thread;

	private volatile boolean running = true;

	InvariantWatch(ClusterDatabase database, Map<String, Channels> baseline) {
		this.database = database;
		this.baseline = Map.copyOf(baseline);
		this.thread = new Thread(this::watch, "invariant-watch");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void watch() {
		while (this.running) {
			try {
				check(this.database.channels());
				this.samples.incrementAndGet();
			}
			catch (RuntimeException databaseAway) {
				this.unreadable.incrementAndGet();
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	private void check(Map<String, Channels> now) {
		this.baseline.forEach((product, before) -> {
			Channels channels = now.get(product);
			if (channels == null || channels.total() != before.total() || channels.existing() != before.total()
					|| channels.lowestAvailable() < 0 || channels.notAddingUp() != 0) {
				this.violations.add(product + ": " + channels + ", at the start " + before);
			}
		});
	}

	long samples() {
		return this.samples.get();
	}

	long unreadable() {
		return this.unreadable.get();
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.interrupt();
		this.thread.join(10_000);
	}

}
