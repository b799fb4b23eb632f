package bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

/**
 * Benchmark 6: sales orders of {@link #LINES} new-license lines sent through {@code POST /api/v1/sales-orders}
 * by {@link #CLIENTS} closed-loop clients (HTTP Basic as a Camunda user of {@code order-intake}), each for the
 * known customer number of its own customer account, a phase counted until every accepted order of it is
 * ENTERED (the SalesOrderIntake process's FindSoldToAccount and EnterSalesOrder jobs have run). Before the
 * next phase starts, the phase's processes are left to end (their SendLicenses job: the entitlement email), so
 * that no phase works off another's jobs. Baseline in the same run, alternating: the same inserts (entitlement
 * with its number, 10 line items, their CREATED events, the sales order and its 10 lines) as one hand-written
 * JDBC transaction per order, from as many threads.
 */
final class SalesOrderBench {

	static final String WHAT = "Sales orders of 10 new-license lines through `POST /api/v1/sales-orders`, until entered";

	static final String TARGET = "≥ 0.2× baseline";

	static final int CLIENTS = 8;

	static final int LINES = 10;

	static final int QUANTITY = 16;

	/** Customers 200–207: their own client each, used by no other benchmark (1 and 2 use 3–102). */
	static final long FIRST_ACCOUNT = 200;

	/** The order system's Camunda user the harness makes (the mysql profile has no demo user erp). */
	static final String INTAKE_USER = "benchintake";

	static final String INTAKE_PASSWORD = "Bench-Erp-2026";

	private static final String PROCESS = "SalesOrderIntake";

	private static final String ACTOR = "sales-order:" + INTAKE_USER;

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final Config config;

	private final DataSource dataSource;

	/** This run's order numbers start with it, so that a run with --reuse-data never sends an earlier number. */
	private final String prefix = "B6-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

	private final AtomicInteger phases = new AtomicInteger();

	/** The portal's orders in the measured phases: taken (202) and refused (anything else). */
	private final AtomicLong refused = new AtomicLong();

	private final AtomicLong accepted = new AtomicLong();

	/** The orders of the running phase that were not taken (portal) or failed (baseline). */
	private final AtomicLong phaseFailures = new AtomicLong();

	SalesOrderBench(Config config, DataSource dataSource) {
		this.config = config;
		this.dataSource = dataSource;
	}

	Result run() throws Exception {
		Result result = new Result(6, WHAT + ", " + CLIENTS + " clients", TARGET);
		boolean inBuild = Files.exists(this.config.repo.resolve("bpmn/sales-order-intake.bpmn"))
				&& Features.sourceContains(this.config, "/api/v1/sales-orders\"");
		PortalClient client = new PortalClient("http://127.0.0.1:" + this.config.portalPort);
		if (inBuild) {
			createIntakeUser(client);
		}
		Map<String, Long> products = products();
		int perPhase = this.config.reps(200, 60);
		// The baseline is far quicker: five times the orders, so that its phase is not over in a blink.
		int perJdbcPhase = 5 * perPhase;
		int rounds = this.config.reps(3, 2);
		String basic = PortalClient.basic(INTAKE_USER, INTAKE_PASSWORD);
		Order portal = (orderNumber, account) -> apiOrder(client, basic, orderNumber, account);
		Order jdbc = (orderNumber, account) -> jdbcOrder(orderNumber, account, products);
		// Warm-up of both paths (JIT, pools, the job executor, the buffer pool).
		if (inBuild) {
			portalPhase(this.config.reps(40, 16), portal);
		}
		jdbcPhase(this.config.reps(40, 16) * 5, jdbc);
		this.refused.set(0);
		this.accepted.set(0);
		Stats portalRate = new Stats();
		Stats endedRate = new Stats();
		Stats jdbcRate = new Stats();
		Stats ratio = new Stats();
		for (int round = 1; round <= rounds; round++) {
			double[] p = { Double.NaN, Double.NaN };
			double b;
			if (round % 2 == 1) {
				b = jdbcPhase(perJdbcPhase, jdbc);
				if (inBuild) {
					p = portalPhase(perPhase, portal);
				}
			}
			else {
				if (inBuild) {
					p = portalPhase(perPhase, portal);
				}
				b = jdbcPhase(perJdbcPhase, jdbc);
			}
			jdbcRate.add(b);
			if (inBuild) {
				portalRate.add(p[0]);
				endedRate.add(p[1]);
				ratio.add(p[0] / b);
			}
			Log.info("#6 round %d: portal %.1f orders/s entered (%.1f/s with the email sent), JDBC %.0f orders/s", round,
					p[0], p[1], b);
		}
		result.baseline = jdbcRate.format("%.0f") + " orders/s (×10 lines/s)";
		if (!inBuild) {
			result.subject = "not in this build";
			result.detail("**The portal was not measured: this build has no `bpmn/sales-order-intake.bpmn` with"
					+ " `POST /api/v1/sales-orders`.** The baseline ran, so the harness is ready.");
			result.detail("");
		}
		else {
			long sent = this.accepted.get() + this.refused.get();
			result.subject = portalRate.format("%.1f") + " orders/s entered (" + lines(portalRate) + " lines/s); "
					+ String.format(Locale.ROOT, "%,d of %,d refused", this.refused.get(), sent);
			result.ratio = ratio.format("%.2f") + "×";
			List<String> missed = new ArrayList<>();
			if (ratio.median() < 0.2) {
				missed.add("below 0.2× baseline");
			}
			if (this.refused.get() > sent / 100) {
				missed.add("more than 1 % of the orders refused");
			}
			result.met = Result.met(missed);
			result.detail(ranEveryStep());
			result.detail("");
			result.detail("Until the entitlement email of every order was sent as well (its SendLicenses job):"
					+ " " + endedRate.format("%.1f") + " orders/s.");
			result.detail("");
		}
		result.detail(String.format(Locale.ROOT,
				"%d alternating phases after a warm-up: %d orders each for the portal, %d for the baseline (it is far"
						+ " quicker), %d closed-loop clients or threads, each for the known customer number of its own"
						+ " customer account (%s … %s). Subject: `POST /api/v1/sales-orders` with HTTP Basic as the Camunda"
						+ " user `%s` of the group `order-intake` (the harness makes it through `/engine-rest` as the"
						+ " Camunda administrator), %d new-license lines of %d channels each (part numbers of the data"
						+ " set's permanent products, version 7.14), answered 202; a phase ends when every accepted order"
						+ " of it is `ENTERED` in `sales_order` (polled every 50 ms), that is, when the SalesOrderIntake"
						+ " process's asynchronous FindSoldToAccount and EnterSalesOrder jobs have run on the portal's job"
						+ " executor; orders/s = accepted orders ÷ time from the first request to the last order entered."
						+ " Then the phase's instances are left to end (SendLicenses: the entitlement email to the"
						+ " order's contact, captured) before the next phase. Any answer but 202 is a refused order:"
						+ " counted apart, never as work (more than 1 %% is a miss). Baseline: one transaction per order"
						+ " on the harness's pool (READ COMMITTED as the portal's): insert into `entitlement_sequence` for"
						+ " the Entitlement ID, the `entitlement`, the 10 `line_item`s (one by one, for their keys), their"
						+ " 10 CREATED `license_event`s (batched), the `sales_order` (ENTERED) and its 10"
						+ " `sales_order_line`s (batched), commit.",
				rounds, perPhase, perJdbcPhase, CLIENTS, DataSet.customerNumber(FIRST_ACCOUNT),
				DataSet.customerNumber(FIRST_ACCOUNT + CLIENTS - 1), INTAKE_USER, LINES, QUANTITY));
		return result;
	}

	private static String lines(Stats orders) {
		return String.format(Locale.ROOT, "%.0f", orders.median() * LINES);
	}

	/** The order system's Camunda user in the group order-intake, made once through the engine's REST API. */
	void createIntakeUser(PortalClient client) throws Exception {
		String admin = PortalClient.basic("admin", Bench.CAMUNDA_ADMIN_PASSWORD);
		HttpResponse<String> profile = client.send("GET", "/engine-rest/user/" + INTAKE_USER + "/profile", null, admin);
		if (profile.statusCode() == 404) {
			HttpResponse<String> created = client.send("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\""
					+ INTAKE_USER + "\",\"firstName\":\"Bench\",\"lastName\":\"Order system\",\"email\":\"erp@bench.example\"},"
					+ "\"credentials\":{\"password\":\"" + INTAKE_PASSWORD + "\"}}", admin);
			expect(created, 204, "creating the Camunda user " + INTAKE_USER);
		}
		else {
			expect(profile, 200, "reading the Camunda user " + INTAKE_USER);
		}
		HttpResponse<String> member = client.send("GET", "/engine-rest/group/count?id=order-intake&member=" + INTAKE_USER,
				null, admin);
		expect(member, 200, "reading the group order-intake");
		if (!member.body().replace(" ", "").contains("\"count\":1")) {
			expect(client.send("PUT", "/engine-rest/group/order-intake/members/" + INTAKE_USER, null, admin), 204,
					"adding " + INTAKE_USER + " to order-intake");
		}
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
		}
	}

	/** The data set's first 10 part numbers and their product ids. */
	Map<String, Long> products() throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("select id from product where part_number = ?")) {
			for (String partNumber : DataSet.partNumbers().subList(0, LINES)) {
				select.setString(1, partNumber);
				try (ResultSet rs = select.executeQuery()) {
					if (!rs.next()) {
						throw new IllegalStateException("No product " + partNumber + " in the data set");
					}
					ids.put(partNumber, rs.getLong(1));
				}
			}
		}
		return ids;
	}

	private interface Order {

		/** @return whether the order was taken (false: refused, which is not work) */
		boolean send(String orderNumber, long account) throws Exception;

	}

	/** {@code count} orders from {@link #CLIENTS} clients; the phase's order numbers start with the returned tag. */
	private String send(String name, int count, Order order) throws Exception {
		String tag = this.prefix + "-" + name + this.phases.incrementAndGet() + "-";
		this.phaseFailures.set(0);
		AtomicInteger left = new AtomicInteger(count);
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			long account = FIRST_ACCOUNT + c;
			futures.add(pool.submit(() -> {
				while (left.getAndDecrement() > 0) {
					String orderNumber = tag + next.incrementAndGet();
					boolean taken;
					try {
						taken = order.send(orderNumber, account);
					}
					catch (Exception ex) {
						Log.info("#6 %s: %s", orderNumber, ex.getMessage());
						taken = false;
					}
					if (!taken) {
						this.phaseFailures.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		return tag;
	}

	/** @return orders/s until every accepted order is entered, and until every one's process has ended */
	private double[] portalPhase(int count, Order order) throws Exception {
		long start = System.nanoTime();
		String tag = send("P", count, order);
		long taken = count - this.phaseFailures.get();
		this.refused.addAndGet(this.phaseFailures.get());
		this.accepted.addAndGet(taken);
		await(() -> entered(tag) >= taken, "orders of " + tag + " still not entered");
		double entered = (System.nanoTime() - start) / 1e9;
		await(() -> running() == 0, "SalesOrderIntake instances still running");
		double ended = (System.nanoTime() - start) / 1e9;
		return new double[] { taken / entered, taken / ended };
	}

	private double jdbcPhase(int count, Order order) throws Exception {
		long start = System.nanoTime();
		send("J", count, order);
		double seconds = (System.nanoTime() - start) / 1e9;
		long failed = this.phaseFailures.get();
		if (failed > 0) {
			throw new IllegalStateException("The baseline failed " + failed + " of " + count + " orders");
		}
		return count / seconds;
	}

	private interface Condition {

		boolean holds() throws Exception;

	}

	private static void await(Condition condition, String otherwise) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(otherwise + " after 5 minutes");
			}
			Thread.sleep(50);
		}
	}

	private long entered(String tag) throws SQLException {
		return count("select count(*) from sales_order where order_number like ? and state = 'ENTERED'", tag + "%");
	}

	private long running() throws SQLException {
		return count("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and END_TIME_ is null", PROCESS);
	}

	private long count(String sql, String parameter) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(sql)) {
			select.setString(1, parameter);
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private boolean apiOrder(PortalClient client, String basic, String orderNumber, long account) throws Exception {
		StringBuilder lines = new StringBuilder();
		List<String> parts = DataSet.partNumbers().subList(0, LINES);
		for (int i = 0; i < LINES; i++) {
			lines.append(i == 0 ? "" : ",").append("{\"lineNumber\":").append(i + 1).append(",\"partNumber\":\"")
				.append(parts.get(i)).append("\",\"version\":\"7.14\",\"quantity\":").append(QUANTITY).append('}');
		}
		String body = "{\"orderNumber\":\"" + orderNumber + "\",\"orderDate\":\"" + LocalDate.now(ZoneOffset.UTC)
				+ "\",\"soldTo\":{\"customerNumber\":\"" + DataSet.customerNumber(account) + "\",\"name\":\"Bench customer "
				+ account + "\",\"type\":\"CUSTOMER\"},\"contact\":{\"email\":\"orders." + account
				+ "@bench.example\",\"firstName\":\"Bench\",\"lastName\":\"Buyer\"},\"lines\":[" + lines + "]}";
		HttpResponse<String> response = client.send("POST", "/api/v1/sales-orders", body, basic);
		if (response.statusCode() != 202) {
			if (this.phaseFailures.get() == 0) {
				Log.info("#6 %s refused: %d %s", orderNumber, response.statusCode(), response.body());
			}
			return false;
		}
		return true;
	}

	/** The rows the portal's intake ends up with for one order, as one hand-written transaction. */
	boolean jdbcOrder(String orderNumber, long account, Map<String, Long> products) throws SQLException {
		Instant now = Instant.now();
		Timestamp at = Timestamp.from(now);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				long number = insert(connection, "insert into entitlement_sequence (issued_at) values (?)", at);
				String entitlementNumber = "E-" + LocalDate.now(ZoneOffset.UTC).format(DAY) + "-"
						+ String.format(Locale.ROOT, "%04d", number);
				long entitlement = insert(connection, "insert into entitlement (entitlement_number, sold_to_account_id,"
						+ " created_at) values (?, ?, ?)", entitlementNumber, account, at);
				List<String> parts = DataSet.partNumbers().subList(0, LINES);
				long[] items = new long[LINES];
				for (int i = 0; i < LINES; i++) {
					items[i] = insert(connection, "insert into line_item (activation_id, entitlement_id, owner_account_id,"
							+ " sold_to_account_id, product_id, product_version, total_quantity, available_quantity,"
							+ " reserved_quantity, expires_on, created_at, lock_version) values (?, ?, ?, ?, ?, ?, ?, ?, 0, null, ?, 0)",
							DataSet.code(ThreadLocalRandom.current(), 4), entitlement, account, account,
							products.get(parts.get(i)), "7.14", QUANTITY, QUANTITY, at);
				}
				try (PreparedStatement events = connection.prepareStatement("insert into license_event (line_item_id,"
						+ " event_type, quantity, actor, occurred_at, reference) values (?, 'CREATED', ?, ?, ?, ?)")) {
					for (long item : items) {
						bind(events, item, QUANTITY, ACTOR, at, entitlementNumber);
						events.addBatch();
					}
					events.executeBatch();
				}
				long order = insert(connection, "insert into sales_order (order_number, order_date, customer_number,"
						+ " sold_to_name, sold_to_type, contact_email, contact_first_name, contact_last_name, state,"
						+ " account_id, entitlement_id, received_by, received_at, lock_version)"
						+ " values (?, ?, ?, ?, 'CUSTOMER', ?, 'Bench', 'Buyer', 'ENTERED', ?, ?, ?, ?, 0)", orderNumber,
						Date.valueOf(LocalDate.now(ZoneOffset.UTC)), DataSet.customerNumber(account),
						"Bench customer " + account, "orders." + account + "@bench.example", account, entitlement,
						INTAKE_USER, at);
				try (PreparedStatement lines = connection.prepareStatement("insert into sales_order_line (sales_order_id,"
						+ " line_number, product_id, product_version, quantity, line_item_id) values (?, ?, ?, ?, ?, ?)")) {
					for (int i = 0; i < LINES; i++) {
						bind(lines, order, i + 1, products.get(parts.get(i)), "7.14", QUANTITY, items[i]);
						lines.addBatch();
					}
					lines.executeBatch();
				}
				connection.commit();
				return true;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private static long insert(Connection connection, String sql, Object... values) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
			bind(insert, values);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void bind(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			statement.setObject(i + 1, values[i]);
		}
	}

	/**
	 * Every order the portal took was entered with its 10 line items, and its process ran the same steps: the
	 * three asynchronous jobs, the entitlement email among them. Otherwise it was not the work the baseline did.
	 */
	private String ranEveryStep() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("select"
						+ " (select count(*) from sales_order where order_number like ?),"
						+ " (select count(*) from sales_order where order_number like ? and state = 'ENTERED'),"
						+ " (select count(*) from sales_order_line l join sales_order o on o.id = l.sales_order_id"
						+ "   where o.order_number like ? and l.line_item_id is not null),"
						+ " (select count(*) from ACT_HI_ACTINST a join ACT_HI_PROCINST p on p.ID_ = a.PROC_INST_ID_"
						+ "   where p.BUSINESS_KEY_ like ? and a.ACT_ID_ = 'SendLicenses' and a.END_TIME_ is not null),"
						+ " (select count(*) from ACT_HI_JOB_LOG j join ACT_HI_PROCINST p on p.ID_ = j.PROCESS_INSTANCE_ID_"
						+ "   where p.BUSINESS_KEY_ like ? and j.JOB_STATE_ = 2),"
						+ " (select count(*) from ACT_HI_JOB_LOG j join ACT_HI_PROCINST p on p.ID_ = j.PROCESS_INSTANCE_ID_"
						+ "   where p.BUSINESS_KEY_ like ? and j.JOB_STATE_ = 1)")) {
			String portalOrders = this.prefix + "-P%";
			for (int i = 1; i <= 6; i++) {
				select.setString(i, portalOrders);
			}
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				long orders = rs.getLong(1);
				long entered = rs.getLong(2);
				long lineItems = rs.getLong(3);
				long emails = rs.getLong(4);
				long jobs = rs.getLong(5);
				long failedJobs = rs.getLong(6);
				if (entered != orders || lineItems != orders * LINES || emails != orders) {
					throw new IllegalStateException("Of the portal's " + orders + " orders " + entered + " were entered, with "
							+ lineItems + " line items, and " + emails + " entitlement emails were sent: not the baseline's work");
				}
				return String.format(Locale.ROOT, "Checked after the run: each of the portal's %,d orders (warm-up"
						+ " included) was entered with its %d line items and its entitlement email sent; their processes"
						+ " ran %,d jobs (%.1f per order) and %,d job failures were retried.", orders, LINES, jobs,
						(double) jobs / orders, failedJobs);
			}
		}
	}

}
