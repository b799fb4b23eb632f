package bench;

import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.HdrHistogram.Histogram;

/**
 * Benchmark 1: online activation through {@code POST /api/v1/activations} at 16 concurrent clients (closed
 * loop: each client sends its next request when the last one is answered), one channel of one line item
 * onto the client's own existing device per request. Baseline: the same row changes as one hand-written
 * JDBC transaction (lock the line item, read the device, update the counts, insert or update the device's
 * license, insert the ACTIVATED event, commit), 16 threads with a connection each. The phases alternate.
 * Each client works in three customer accounts of Bench Partner of its own, on those accounts' unexpired line
 * items, so clients race only as much as real customers would.
 */
final class ActivationBench {

	static final int CLIENTS = 16;

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private final Config config;

	private final DataSource dataSource;

	ActivationBench(Config config, DataSource dataSource) {
		this.config = config;
		this.dataSource = dataSource;
	}

	Result run() throws Exception {
		Result result = new Result(1, "Online activation over the REST API (`POST /api/v1/activations`), 16 concurrent clients",
				"≥ 300 activations/s, p99 < 100 ms, ≥ 0.3× baseline");
		if (!Features.sourceContains(this.config, "/api/v1/activations\"")) {
			return baselineOnly(result);
		}
		PortalClient client = new PortalClient("http://127.0.0.1:" + this.config.portalPort);
		HttpResponse<String> tokenResponse = client.postJson("/api/v1/auth/token", "{\"email\":\"" + DataSet.PARTNER_USER
				+ "\",\"password\":\"" + DataSet.PASSWORD + "\",\"name\":\"bench " + Instant.now() + "\"}", null);
		Matcher token = TOKEN.matcher(tokenResponse.body());
		if (!token.find()) {
			throw new IllegalStateException("No API token: " + tokenResponse.statusCode() + " " + tokenResponse.body());
		}
		String bearer = token.group(1);
		// Customer accounts 3..50 for the API's clients, 51..98 for the baseline's: all related to Bench Partner.
		List<Lane> api = lanes(3);
		List<Lane> jdbc = lanes(3 + CLIENTS * ACCOUNTS_PER_CLIENT);
		int seconds = this.config.reps(20, 8);
		int rounds = this.config.reps(3, 2);
		// Warm-up of both paths (JIT, pools, the buffer pool for these rows).
		phase(api, this.config.reps(8, 4), lane -> apiActivation(client, bearer, lane));
		phase(jdbc, this.config.reps(8, 4), this::jdbcActivation);
		Stats apiRate = new Stats();
		Stats apiP99 = new Stats();
		Stats apiP50 = new Stats();
		Stats jdbcRate = new Stats();
		Stats jdbcP99 = new Stats();
		Stats ratio = new Stats();
		long refused = 0;
		long answered = 0;
		for (int round = 1; round <= rounds; round++) {
			Phase a;
			Phase b;
			if (round % 2 == 1) {
				b = phase(jdbc, seconds, this::jdbcActivation);
				a = phase(api, seconds, lane -> apiActivation(client, bearer, lane));
			}
			else {
				a = phase(api, seconds, lane -> apiActivation(client, bearer, lane));
				b = phase(jdbc, seconds, this::jdbcActivation);
			}
			refused += a.failures;
			answered += a.count;
			apiRate.add(a.rate());
			apiP99.add(a.percentileMs(99));
			apiP50.add(a.percentileMs(50));
			jdbcRate.add(b.rate());
			jdbcP99.add(b.percentileMs(99));
			ratio.add(a.rate() / b.rate());
			Log.info("#1 round %d: API %.0f/s p99 %.1f ms (%d refused), JDBC %.0f/s p99 %.1f ms", round, a.rate(),
					a.percentileMs(99), a.failures, b.rate(), b.percentileMs(99));
		}
		result.subject = apiRate.format("%.0f") + " activations/s, p99 " + apiP99.format("%.1f") + " ms (p50 "
				+ apiP50.format("%.1f") + " ms)";
		result.baseline = jdbcRate.format("%.0f") + " transactions/s, p99 " + jdbcP99.format("%.1f") + " ms";
		result.ratio = ratio.format("%.2f") + "×";
		List<String> missed = new ArrayList<>();
		if (apiRate.median() < 300) {
			missed.add("fewer than 300/s");
		}
		if (apiP99.median() >= 100) {
			missed.add("p99 ≥ 100 ms");
		}
		if (ratio.median() < 0.3) {
			missed.add("below 0.3× baseline");
		}
		result.met = Result.met(missed);
		result.detail(String.format(Locale.ROOT,
				"%d alternating phases of %d s each side after a warm-up, %d closed-loop clients each. Subject: the"
						+ " API as %s with a personal access token, body `{\"deviceId\":…,\"licenses\":[{\"activationId\":…,"
						+ "\"quantity\":1}]}`, answered 201. Baseline: `select … for update` of the line item, the device,"
						+ " `update line_item` (counts and lock version), insert or update `device_license`, insert the"
						+ " `license_event`, commit; READ COMMITTED as the portal's pool. Each client has three customer"
						+ " accounts of its own, a device in each and their unexpired line items, taken in turn, topped up to %,d channels before the run so that no client runs dry however fast the machine. Latency percentiles"
						+ " from HdrHistogram over each phase; throughput = answered requests ÷ phase time. Requests"
						+ " answered with anything but 201 are not counted (a phase with more than 1 %% of them fails the"
						+ " benchmark): %,d of %,d in the measured phases.",
				rounds, seconds, CLIENTS, DataSet.PARTNER_USER, STOCK_PER_CLIENT, refused, refused + answered));
		return result;
	}

	/** No API in this build: the baseline alone, so that the harness is known to work. */
	private Result baselineOnly(Result result) throws Exception {
		List<Lane> jdbc = lanes(3 + CLIENTS * ACCOUNTS_PER_CLIENT);
		phase(jdbc, this.config.reps(8, 4), this::jdbcActivation);
		Stats jdbcRate = new Stats();
		Stats jdbcP99 = new Stats();
		for (int round = 1; round <= this.config.reps(3, 2); round++) {
			Phase b = phase(jdbc, this.config.reps(20, 8), this::jdbcActivation);
			jdbcRate.add(b.rate());
			jdbcP99.add(b.percentileMs(99));
			Log.info("#1 round %d: JDBC %.0f/s p99 %.1f ms (no API in this build)", round, b.rate(), b.percentileMs(99));
		}
		result.subject = "not in this build";
		result.baseline = jdbcRate.format("%.0f") + " transactions/s, p99 " + jdbcP99.format("%.1f") + " ms";
		result.detail("**The portal was not measured: this build has no `POST /api/v1/activations`.** The baseline ran,"
				+ " so the harness is ready; merge the feature and run `bash bench/run.sh --only 1` (or the whole run).");
		return result;
	}

	/** Accounts per client: each with its own device. */
	static final int ACCOUNTS_PER_CLIENT = 3;

	/**
	 * Channels each client can take in one run, whatever the machine's speed: far more than the fastest side can
	 * activate in the warm-up and all rounds (16 clients × 100,000 = 1.6 million, against ~25,000 per client at
	 * 5,000/s). The harness adds what is missing to the first line item of each client's first account before
	 * the run (total and available alike, so the line item's invariant holds), instead of depending on a slow
	 * machine not reaching the end of the data set.
	 */
	static final int STOCK_PER_CLIENT = 100_000;

	/** A client reached the end of its channels: the data set was too small, not the portal refusing. */
	private static final class OutOfStock extends RuntimeException {

		OutOfStock() {
			super("A client has used up every channel of its accounts", null, false, false);
		}

	}

	/** One line item a client activates from, on the device of the line item's account. */
	private static final class Slot {

		final long deviceId;

		final String deviceNumber;

		final String activationId;

		int remaining;

		Slot(long deviceId, String deviceNumber, String activationId, int remaining) {
			this.deviceId = deviceId;
			this.deviceNumber = deviceNumber;
			this.activationId = activationId;
			this.remaining = remaining;
		}

	}

	/** One client's accounts, their devices and line items, taken in turn while they have channels left. */
	private static final class Lane {

		final List<Slot> slots;

		int next;

		Lane(List<Slot> slots) {
			this.slots = slots;
		}

		Slot nextSlot() {
			for (int tried = 0; tried < this.slots.size(); tried++) {
				Slot slot = this.slots.get(this.next);
				this.next = (this.next + 1) % this.slots.size();
				if (slot.remaining > 0) {
					slot.remaining--;
					return slot;
				}
			}
			throw new OutOfStock();
		}

	}

	private List<Lane> lanes(long firstAccount) throws SQLException {
		SecureRandom random = new SecureRandom();
		List<Lane> lanes = new ArrayList<>();
		try (Connection connection = this.dataSource.getConnection()) {
			long account = firstAccount;
			for (int client = 0; client < CLIENTS; client++) {
				List<Slot> slots = new ArrayList<>();
				for (int a = 0; a < ACCOUNTS_PER_CLIENT; a++, account++) {
					String number = "D-" + DataSet.code(new java.util.Random(random.nextLong()), 2);
					long deviceId;
					try (PreparedStatement insert = connection.prepareStatement(
							"insert into device (device_number, name, host_id, account_id, activated_at) values (?, ?, ?, ?, ?)",
							Statement.RETURN_GENERATED_KEYS)) {
						insert.setString(1, number);
						insert.setString(2, "BENCH-NVR-" + number);
						insert.setString(3, "BENCH-HOST-" + number);
						insert.setLong(4, account);
						insert.setTimestamp(5, Timestamp.from(Instant.now()));
						insert.executeUpdate();
						try (ResultSet keys = insert.getGeneratedKeys()) {
							keys.next();
							deviceId = keys.getLong(1);
						}
					}
					try (PreparedStatement select = connection.prepareStatement("select activation_id, available_quantity"
							+ " from line_item where owner_account_id = ? and available_quantity > 0"
							+ " and (expires_on is null or expires_on >= ?) order by id")) {
						select.setLong(1, account);
						select.setDate(2, Date.valueOf(LocalDate.now()));
						try (ResultSet rs = select.executeQuery()) {
							while (rs.next()) {
								slots.add(new Slot(deviceId, number, rs.getString(1), rs.getInt(2)));
							}
						}
					}
				}
				replenish(connection, slots);
				lanes.add(new Lane(slots));
			}
		}
		return lanes;
	}

	/** Tops the client's channels up to {@link #STOCK_PER_CLIENT} on its first line item. */
	private static void replenish(Connection connection, List<Slot> slots) throws SQLException {
		if (slots.isEmpty()) {
			throw new IllegalStateException("A client has no unexpired line item with channels in its accounts");
		}
		int stock = slots.stream().mapToInt(slot -> slot.remaining).sum();
		if (stock >= STOCK_PER_CLIENT) {
			return;
		}
		int missing = STOCK_PER_CLIENT - stock;
		Slot first = slots.get(0);
		try (PreparedStatement update = connection.prepareStatement("update line_item set total_quantity = total_quantity + ?,"
				+ " available_quantity = available_quantity + ?, lock_version = lock_version + 1 where activation_id = ?")) {
			update.setInt(1, missing);
			update.setInt(2, missing);
			update.setString(3, first.activationId);
			update.executeUpdate();
		}
		first.remaining += missing;
	}

	private interface Call {

		void on(Lane lane) throws Exception;

	}

	private record Phase(long count, long failures, double seconds, Histogram histogram) {

		double rate() {
			return this.count / this.seconds;
		}

		double percentileMs(double p) {
			return this.histogram.getValueAtPercentile(p) / 1000.0;
		}

	}

	/** Runs one closed-loop phase: every lane's client calls as fast as it is answered, for {@code seconds}. */
	private Phase phase(List<Lane> lanes, int seconds, Call call) throws Exception {
		Histogram histogram = new Histogram(60_000_000L, 3);
		AtomicLong count = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		AtomicLong outOfStock = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(lanes.size());
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		List<Future<?>> futures = new ArrayList<>();
		for (Lane lane : lanes) {
			futures.add(pool.submit(() -> {
				while (System.nanoTime() < end) {
					long t0 = System.nanoTime();
					try {
						call.on(lane);
						long micros = (System.nanoTime() - t0) / 1000;
						synchronized (histogram) {
							histogram.recordValue(Math.min(micros, 60_000_000L));
						}
						count.incrementAndGet();
					}
					catch (OutOfStock ex) {
						// Not a refusal: this client has nothing left to do, so it stops (and the phase is invalid).
						outOfStock.incrementAndGet();
						return null;
					}
					catch (Exception ex) {
						if (failures.incrementAndGet() == 1) {
							Log.info("#1 first failure: %s", ex.getMessage());
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		if (outOfStock.get() > 0) {
			throw new IllegalStateException(outOfStock + " of " + lanes.size() + " clients used up their " + STOCK_PER_CLIENT
					+ " channels after " + count + " activations in this phase: raise ActivationBench.STOCK_PER_CLIENT");
		}
		if (failures.get() > count.get() / 100) {
			throw new IllegalStateException("Too many refused activations: " + failures + " of " + (count.get() + failures.get()));
		}
		return new Phase(count.get(), failures.get(), elapsed, histogram);
	}

	private void apiActivation(PortalClient client, String bearer, Lane lane) throws Exception {
		Slot slot = lane.nextSlot();
		String body = "{\"deviceId\":\"" + slot.deviceNumber + "\",\"licenses\":[{\"activationId\":\""
				+ slot.activationId + "\",\"quantity\":1}]}";
		HttpResponse<String> response = client.postJson("/api/v1/activations", body, bearer);
		if (response.statusCode() != 201) {
			throw new IllegalStateException("API answered " + response.statusCode() + ": " + response.body());
		}
	}

	/** The row changes of ActivationService.activate for one line item and an existing device, by hand. */
	private void jdbcActivation(Lane lane) throws SQLException {
		Slot slot = lane.nextSlot();
		String activationId = slot.activationId;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				long itemId;
				int available;
				long version;
				try (PreparedStatement lock = connection.prepareStatement("select id, owner_account_id, available_quantity,"
						+ " lock_version, expires_on from line_item where activation_id = ? for update")) {
					lock.setString(1, activationId);
					try (ResultSet rs = lock.executeQuery()) {
						if (!rs.next()) {
							throw new IllegalStateException("No line item " + activationId);
						}
						itemId = rs.getLong(1);
						available = rs.getInt(3);
						version = rs.getLong(4);
					}
				}
				try (PreparedStatement device = connection.prepareStatement("select id, account_id from device where device_number = ?")) {
					device.setString(1, slot.deviceNumber);
					try (ResultSet rs = device.executeQuery()) {
						rs.next();
					}
				}
				if (available < 1) {
					throw new IllegalStateException("No channels left of " + activationId);
				}
				try (PreparedStatement update = connection.prepareStatement("update line_item set available_quantity = ?,"
						+ " lock_version = ? where id = ? and lock_version = ?")) {
					update.setInt(1, available - 1);
					update.setLong(2, version + 1);
					update.setLong(3, itemId);
					update.setLong(4, version);
					update.executeUpdate();
				}
				Timestamp now = Timestamp.from(Instant.now());
				Long licenseId = null;
				try (PreparedStatement find = connection.prepareStatement(
						"select id from device_license where device_id = ? and line_item_id = ?")) {
					find.setLong(1, slot.deviceId);
					find.setLong(2, itemId);
					try (ResultSet rs = find.executeQuery()) {
						if (rs.next()) {
							licenseId = rs.getLong(1);
						}
					}
				}
				if (licenseId == null) {
					try (PreparedStatement insert = connection.prepareStatement("insert into device_license (device_id,"
							+ " line_item_id, quantity, activated_at, activated_by) values (?, ?, 1, ?, ?)")) {
						insert.setLong(1, slot.deviceId);
						insert.setLong(2, itemId);
						insert.setTimestamp(3, now);
						insert.setString(4, DataSet.PARTNER_USER);
						insert.executeUpdate();
					}
				}
				else {
					try (PreparedStatement update = connection.prepareStatement("update device_license set quantity ="
							+ " quantity + 1, activated_at = ?, activated_by = ? where id = ?")) {
						update.setTimestamp(1, now);
						update.setString(2, DataSet.PARTNER_USER);
						update.setLong(3, licenseId);
						update.executeUpdate();
					}
				}
				try (PreparedStatement event = connection.prepareStatement("insert into license_event (line_item_id,"
						+ " event_type, quantity, actor, occurred_at, device_id) values (?, 'ACTIVATED', 1, ?, ?, ?)")) {
					event.setLong(1, itemId);
					event.setString(2, DataSet.PARTNER_USER);
					event.setTimestamp(3, now);
					event.setLong(4, slot.deviceId);
					event.executeUpdate();
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

}
