package bench;

import java.net.http.HttpResponse;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Benchmark 2: channel transfers through the full BPMN on its automatic path (Bench Partner gives 1 channel
 * of one of its line items to a related customer: the decision says automatic, ExecuteTransfer splits the
 * line item, the two emails are queued as jobs and sent to the captured mailbox), counted when every
 * process instance has ended. Baselines in the same run:
 * (a) the same transfer as one hand-written JDBC transaction;
 * (b) a bare Camunda 7.24 engine in this harness, on its own MariaDB database, with a process of the same
 * shape and no portal code: a synchronous decision task, then three asynchronous service tasks (the move,
 * two no-op "emails"), the job executor as Camunda's Spring Boot starter sets it up, full history,
 * rewriteBatchedStatements=true; the reservation and the move are the same hand-written JDBC against the
 * portal's tables. For information, (b') is (b) with the portal's job executor and driver settings.
 */
final class TransferBench {

	static final int CLIENTS = 4;

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final String BARE_PROCESS = "BareTransfer";

	private static final String TUNED_PROCESS = "BareTransferTuned";

	private final Config config;

	private final DataSource dataSource;

	TransferBench(Config config, DataSource dataSource) {
		this.config = config;
		this.dataSource = dataSource;
	}

	Result run() throws Exception {
		Result result = new Result(2, "Channel transfers through the full BPMN (automatic path, emails queued)",
				"≥ 1.0× (b)");
		boolean inBuild = java.nio.file.Files.exists(this.config.repo.resolve("bpmn/channel-transfer.bpmn"))
				&& Features.sourceContains(this.config, "/api/v1/transfers\"");
		PortalClient client = new PortalClient("http://127.0.0.1:" + this.config.portalPort);
		String bearer = inBuild ? token(client) : null;
		List<Long> targets = this.config.dataSet.partnerVisibleAccounts().subList(1, 1 + DataSet.RELATED_TO_PARTNER);
		AtomicInteger next = new AtomicInteger();
		int perPhase = this.config.reps(300, 100);
		int rounds = this.config.reps(3, 2);
		// every side's warm-up and rounds: the portal, (b), (b') and (a)
		List<String> sources = sources(4 * (this.config.reps(40, 20) + rounds * perPhase));
		Stats portalRate = new Stats();
		Stats jdbcRate = new Stats();
		Stats bareRate = new Stats();
		Stats tunedRate = new Stats();
		Stats ratioBare = new Stats();
		Stats ratioJdbc = new Stats();
		JobExecutorSettings defaults = JobExecutorSettings.camundaDefaults();
		JobExecutorSettings portalSettings = JobExecutorSettings.ofPortal(this.config.repo);
		// (b') only when the portal's settings differ from Camunda's: how much of a gain is settings, not code.
		boolean tuned = !portalSettings.equals(defaults);
		Map<String, String> portalDriver = JobExecutorSettings.portalDriverProperties(this.config.repo);
		try (HikariDataSource camundaPool = Bench.pool(this.config, this.config.camundaDatabase, 30);
				HikariDataSource tunedPool = Bench.pool(this.config, this.config.camundaDatabase, 30, portalDriver)) {
			ProcessEngine engine = bareEngine(camundaPool, "bench-bare", BARE_PROCESS, defaults);
			ProcessEngine tunedEngine = tuned ? bareEngine(tunedPool, "bench-bare-tuned", TUNED_PROCESS, portalSettings)
					: null;
			try {
				Transfer portal = inBuild ? (source, target) -> {
					HttpResponse<String> response = client.postJson("/api/v1/transfers", "{\"activationId\":\"" + source
							+ "\",\"amount\":1,\"targetAccountId\":" + target + "}", bearer);
					if (response.statusCode() != 201) {
						throw new IllegalStateException("Transfer API answered " + response.statusCode() + ": " + response.body());
					}
				} : null;
				Transfer jdbc = (source, target) -> jdbcTransfer(source, target);
				Transfer bare = (source, target) -> {
					long lineItem = reserve(source);
					engine.getRuntimeService().startProcessInstanceByKey(BARE_PROCESS,
							Map.of("lineItemId", lineItem, "targetAccountId", target, "amount", 1));
				};
				Transfer bareTuned = tuned ? (source, target) -> {
					long lineItem = reserve(source);
					tunedEngine.getRuntimeService().startProcessInstanceByKey(TUNED_PROCESS,
							Map.of("lineItemId", lineItem, "targetAccountId", target, "amount", 1));
				} : null;
				Running bareRunning = () -> running(engine, BARE_PROCESS);
				Running tunedRunning = () -> running(tunedEngine, TUNED_PROCESS);
				// Warm-up.
				if (portal != null) {
					phase("portal", this.config.reps(40, 20), portal, sources, targets, next, this::portalRunning);
				}
				phase("(b)", this.config.reps(40, 20), bare, sources, targets, next, bareRunning);
				if (tuned) {
					phase("(b')", this.config.reps(40, 20), bareTuned, sources, targets, next, tunedRunning);
				}
				phase("(a)", this.config.reps(40, 20), jdbc, sources, targets, next, () -> 0L);
				for (int round = 1; round <= rounds; round++) {
					double p = Double.NaN;
					double a;
					double b;
					double t = Double.NaN;
					if (round % 2 == 1) {
						a = phase("(a)", perPhase, jdbc, sources, targets, next, () -> 0L);
						b = phase("(b)", perPhase, bare, sources, targets, next, bareRunning);
						if (tuned) {
							t = phase("(b')", perPhase, bareTuned, sources, targets, next, tunedRunning);
						}
						if (portal != null) {
							p = phase("portal", perPhase, portal, sources, targets, next, this::portalRunning);
						}
					}
					else {
						if (portal != null) {
							p = phase("portal", perPhase, portal, sources, targets, next, this::portalRunning);
						}
						if (tuned) {
							t = phase("(b')", perPhase, bareTuned, sources, targets, next, tunedRunning);
						}
						b = phase("(b)", perPhase, bare, sources, targets, next, bareRunning);
						a = phase("(a)", perPhase, jdbc, sources, targets, next, () -> 0L);
					}
					jdbcRate.add(a);
					bareRate.add(b);
					if (tuned) {
						tunedRate.add(t);
					}
					if (portal != null) {
						portalRate.add(p);
						ratioBare.add(p / b);
						ratioJdbc.add(p / a);
					}
					Log.info("#2 round %d: portal %.0f/s, (a) JDBC %.0f/s, (b) bare Camunda %.0f/s, (b') with the portal's"
							+ " job executor settings %.0f/s", round, p, a, b, t);
				}
			}
			finally {
				engine.close();
				if (tunedEngine != null) {
					tunedEngine.close();
				}
			}
		}
		result.baseline = "(a) JDBC " + jdbcRate.format("%.0f") + "/s; (b) bare Camunda " + bareRate.format("%.1f") + "/s"
				+ (tuned ? "; (b') bare Camunda with the portal's job executor and driver settings, for information, "
						+ tunedRate.format("%.1f") + "/s" : "");
		if (inBuild) {
			result.detail(ranEveryTask());
			result.detail("");
			result.subject = portalRate.format("%.1f") + " transfers/s";
			result.ratio = "÷ (b) " + ratioBare.format("%.2f") + "×; ÷ (a) " + ratioJdbc.format("%.2f") + "×";
			result.met = Result.yesNo(ratioBare.median() >= 1.0);
		}
		else {
			result.subject = "not in this build";
			result.detail("**The portal was not measured: this build has no `bpmn/channel-transfer.bpmn` with"
					+ " `POST /api/v1/transfers`.** The baselines ran, so the harness is ready; merge the feature and run"
					+ " `bash bench/run.sh --only 2` (or the whole run).");
			result.detail("");
		}
		result.detail(String.format(Locale.ROOT,
				"%d alternating phases of %d transfers each side after a warm-up, %d client threads. A phase ends when"
						+ " the last of its transfers has ended (portal: no `ChannelTransfer` instance without an end"
						+ " time in `ACT_HI_PROCINST`; (b): no running `%s` instance), so the figure includes the job"
						+ " executor draining every asynchronous task. Subject: `POST /api/v1/transfers`"
						+ " `{\"activationId\":…,\"amount\":1,\"targetAccountId\":…}` as %s (automatic: up to 100 channels to"
						+ " a related customer), a partial transfer, so ExecuteTransfer makes a new entitlement and line"
						+ " item; two emails to the captured mailbox (the target's Customer Administrator; the requester"
						+ " and Bench Partner's administrators). (a): one transaction: lock the source, update it, insert"
						+ " an entitlement, a line item and the TRANSFERRED_OUT and TRANSFERRED_IN events. (b): the same"
						+ " reservation (its own transaction), then a process start event → service task (sync) →"
						+ " 3 async service tasks (the move as in (a), two no-ops standing for the emails) → end, on"
						+ " `%s`, history full, the job executor as Camunda's Spring Boot starter sets it up: %s. (b')"
						+ " is (b) with the portal's job executor settings from its application.yml (%s) and its pool's"
						+ " Connector/J properties from application-mysql.yml (%s), deployment-aware"
						+ " beside (b) on the same database, run only when they differ from (b)'s: it tells how much of"
						+ " the portal's figure is owed to those settings rather than to its code. The portal runs"
						+ " with its own settings; the target is the ratio to (b).",
				rounds, perPhase, CLIENTS, BARE_PROCESS, DataSet.PARTNER_USER, this.config.camundaDatabase,
				defaults.describe(), portalSettings.describe(), portalDriver));
		return result;
	}

	private static String token(PortalClient client) throws Exception {
		HttpResponse<String> response = client.postJson("/api/v1/auth/token", "{\"email\":\"" + DataSet.PARTNER_USER
				+ "\",\"password\":\"" + DataSet.PASSWORD + "\",\"name\":\"bench transfers " + Instant.now() + "\"}", null);
		Matcher token = TOKEN.matcher(response.body());
		if (!token.find()) {
			throw new IllegalStateException("No API token: " + response.statusCode() + " " + response.body());
		}
		return token.group(1);
	}

	private interface Transfer {

		void from(String activationId, long targetAccountId) throws Exception;

	}

	private interface Running {

		long count() throws Exception;

	}

	/** Runs {@code count} transfers from {@link #CLIENTS} threads and waits until all have ended; transfers/s. */
	private double phase(String name, int count, Transfer transfer, List<String> sources, List<Long> targets,
			AtomicInteger next, Running running) throws Exception {
		AtomicInteger left = new AtomicInteger(count);
		AtomicLong failures = new AtomicLong();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		long start = System.nanoTime();
		List<Future<?>> futures = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			futures.add(pool.submit(() -> {
				while (left.getAndDecrement() > 0) {
					int n = next.getAndIncrement();
					try {
						transfer.from(sources.get(n % sources.size()), targets.get(n % targets.size()));
					}
					catch (Exception ex) {
						if (failures.incrementAndGet() == 1) {
							Log.info("#2 %s first failure: %s", name, ex.getMessage());
						}
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (running.count() > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(name + ": transfers still running after 5 minutes");
			}
			Thread.sleep(50);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (failures.get() > 0) {
			throw new IllegalStateException(name + ": " + failures + " of " + count + " transfers failed");
		}
		return count / seconds;
	}

	/**
	 * The portal's transfers took the same path as (b): each ended COMPLETED after ExecuteTransfer and both
	 * emails. Otherwise the comparison would not be of the same work, and the benchmark fails.
	 */
	private String ranEveryTask() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select (select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ ="
						+ " 'ChannelTransfer'), (select count(*) from channel_transfer where state = 'COMPLETED'),"
						+ " (select count(*) from ACT_HI_ACTINST where ACT_ID_ = 'ExecuteTransfer' and END_TIME_ is not null),"
						+ " (select count(*) from ACT_HI_ACTINST where ACT_ID_ = 'SendChannelsReceived' and END_TIME_ is not null),"
						+ " (select count(*) from ACT_HI_ACTINST where ACT_ID_ = 'SendTransferCompleted' and END_TIME_ is not null)")) {
			rs.next();
			long started = rs.getLong(1);
			for (int column = 2; column <= 5; column++) {
				if (rs.getLong(column) != started) {
					throw new IllegalStateException("Of " + started + " ChannelTransfer instances " + rs.getLong(2)
							+ " transfers completed, " + rs.getLong(3) + " ran ExecuteTransfer, " + rs.getLong(4)
							+ " SendChannelsReceived, " + rs.getLong(5) + " SendTransferCompleted: not the same work as (b)");
				}
			}
			return String.format(Locale.ROOT, "Checked after the run: each of the portal's %,d transfers ended COMPLETED"
					+ " after ExecuteTransfer, SendChannelsReceived and SendTransferCompleted (the same three asynchronous"
					+ " tasks as (b)).", started);
		}
	}

	private long portalRunning() throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'ChannelTransfer' and END_TIME_ is null")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static long running(ProcessEngine engine, String processKey) {
		return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).count();
	}

	/**
	 * Bench Partner's own unexpired line items with more than 40 channels to give, each as often as its
	 * available channels allow (one entry per 20), in a seeded random order; the transfers take them in turn.
	 * So every line item gives about the same share of its channels, none runs out, and none moves whole (which
	 * would make later transfers from it a customer's transfer to an unrelated account, waiting for approval):
	 * with round robin over the line items, the small ones ran out in a full run.
	 */
	private List<String> sources(int planned) throws SQLException {
		List<String> ids = new ArrayList<>();
		long channels = 0;
		try (Connection connection = this.dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
				"select activation_id, available_quantity from line_item where owner_account_id = ? and available_quantity > 40"
						+ " and (expires_on is null or expires_on >= ?) order by id")) {
			select.setLong(1, DataSet.PARTNER_ID);
			select.setDate(2, Date.valueOf(LocalDate.now()));
			try (ResultSet rs = select.executeQuery()) {
				while (rs.next()) {
					int available = rs.getInt(2);
					channels += available;
					for (int i = 0; i < available / 20; i++) {
						ids.add(rs.getString(1));
					}
				}
			}
		}
		// Each entry is taken about planned / entries times, 20 × that many channels of a line item with at least
		// 20 per entry: at most half of them for as long as planned ≤ 10 × entries.
		if (ids.isEmpty() || planned > 10L * ids.size()) {
			throw new IllegalStateException("Bench Partner's line items have " + channels + " channels to give in "
					+ ids.size() + " shares of 20, too few for " + planned + " transfers (at most 10 per share); run without"
					+ " --reuse-data for a fresh data set");
		}
		java.util.Collections.shuffle(ids, new java.util.Random(20261127L));
		return ids;
	}

	/**
	 * A bare engine on (b)'s database with the given job executor settings. Deployment-aware, so that two of
	 * them on one database each run only their own process's jobs.
	 */
	private ProcessEngine bareEngine(DataSource camundaPool, String name, String processKey, JobExecutorSettings settings) {
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setJobExecutorDeploymentAware(true);
		configuration.setDataSource(camundaPool);
		configuration.setDatabaseType("mysql");
		configuration.setDatabaseSchemaUpdate("true");
		configuration.setHistory("full");
		configuration.setEnforceHistoryTimeToLive(false);
		configuration.setJobExecutorActivate(true);
		DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
		jobExecutor.setCorePoolSize(settings.corePoolSize());
		jobExecutor.setMaxPoolSize(settings.maxPoolSize());
		jobExecutor.setQueueSize(settings.queueCapacity());
		jobExecutor.setMaxJobsPerAcquisition(settings.maxJobsPerAcquisition());
		jobExecutor.setLockTimeInMillis(300_000);
		jobExecutor.setWaitTimeInMillis(settings.waitTimeInMillis());
		jobExecutor.setMaxWait(60_000);
		configuration.setJobExecutor(jobExecutor);
		configuration.setBeans(Map.of("moveChannels", (JavaDelegate) execution -> move(
				(Long) execution.getVariable("lineItemId"), (Long) execution.getVariable("targetAccountId"),
				(Integer) execution.getVariable("amount"), false), "sendMail", (JavaDelegate) execution -> {
					// An email queued and sent: nothing here, the portal's rendering is the portal's own cost.
				}));
		ProcessEngine engine = configuration.buildProcessEngine();
		BpmnModelInstance model = Bpmn.createExecutableProcess(processKey)
			.camundaHistoryTimeToLive(180)
			.startEvent("ChannelsReserved")
			.serviceTask("DecideApproval").camundaExpression("${false}").camundaResultVariable("approvalRequired")
			.serviceTask("ExecuteTransfer").camundaAsyncBefore().camundaDelegateExpression("${moveChannels}")
			.serviceTask("SendChannelsReceived").camundaAsyncBefore().camundaDelegateExpression("${sendMail}")
			.serviceTask("SendTransferCompleted").camundaAsyncBefore().camundaDelegateExpression("${sendMail}")
			.endEvent("TransferCompleted")
			.done();
		String deployment = engine.getRepositoryService().createDeployment().name(processKey)
			.addModelInstance(processKey + ".bpmn", model)
			.enableDuplicateFiltering(false)
			.deploy()
			.getId();
		engine.getManagementService().registerDeploymentForJobExecutor(deployment);
		return engine;
	}

	/** (b)'s reservation: lock the source, available down and reserved up, a RESERVED event. */
	private long reserve(String activationId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				long[] item = lock(connection, activationId);
				try (PreparedStatement update = connection.prepareStatement("update line_item set available_quantity ="
						+ " available_quantity - 1, reserved_quantity = reserved_quantity + 1, lock_version = lock_version + 1"
						+ " where id = ?")) {
					update.setLong(1, item[0]);
					update.executeUpdate();
				}
				event(connection, item[0], "RESERVED", null);
				connection.commit();
				return item[0];
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	/** (a): the whole transfer in one transaction. */
	private void jdbcTransfer(String activationId, long targetAccountId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				long[] item = lock(connection, activationId);
				moveLocked(connection, item, targetAccountId, 1, true);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	/** (b)'s ExecuteTransfer: the reserved channels leave the source for a new line item of the target. */
	private void move(long lineItemId, long targetAccountId, int amount, boolean fromAvailable) throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				long[] item;
				try (PreparedStatement lock = connection.prepareStatement(
						"select id, entitlement_id, product_id from line_item where id = ? for update")) {
					lock.setLong(1, lineItemId);
					try (ResultSet rs = lock.executeQuery()) {
						rs.next();
						item = new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
					}
				}
				moveLocked(connection, item, targetAccountId, amount, fromAvailable);
				connection.commit();
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	private static long[] lock(Connection connection, String activationId) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement(
				"select id, entitlement_id, product_id from line_item where activation_id = ? for update")) {
			lock.setString(1, activationId);
			try (ResultSet rs = lock.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("No line item " + activationId);
				}
				return new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) };
			}
		}
	}

	private static void moveLocked(Connection connection, long[] item, long targetAccountId, int amount,
			boolean fromAvailable) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement("update line_item set total_quantity = total_quantity - ?, "
				+ (fromAvailable ? "available_quantity = available_quantity - ?" : "reserved_quantity = reserved_quantity - ?")
				+ ", lock_version = lock_version + 1 where id = ?")) {
			update.setInt(1, amount);
			update.setInt(2, amount);
			update.setLong(3, item[0]);
			update.executeUpdate();
		}
		Timestamp now = Timestamp.from(Instant.now());
		long entitlementId;
		try (PreparedStatement insert = connection.prepareStatement("insert into entitlement (entitlement_number,"
				+ " sold_to_account_id, created_at) values (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, "E-BENCH-" + DataSet.code(new java.util.Random(), 4));
			insert.setLong(2, targetAccountId);
			insert.setTimestamp(3, now);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				entitlementId = keys.getLong(1);
			}
		}
		long newItem;
		try (PreparedStatement insert = connection.prepareStatement("insert into line_item (activation_id, entitlement_id,"
				+ " owner_account_id, sold_to_account_id, product_id, product_version, total_quantity, available_quantity,"
				+ " reserved_quantity, expires_on, created_at, lock_version) select ?, ?, ?, ?, product_id, product_version,"
				+ " ?, ?, 0, expires_on, ?, 0 from line_item where id = ?", Statement.RETURN_GENERATED_KEYS)) {
			insert.setString(1, DataSet.code(new java.util.Random(), 4));
			insert.setLong(2, entitlementId);
			insert.setLong(3, targetAccountId);
			insert.setLong(4, targetAccountId);
			insert.setInt(5, amount);
			insert.setInt(6, amount);
			insert.setTimestamp(7, now);
			insert.setLong(8, item[0]);
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				newItem = keys.getLong(1);
			}
		}
		event(connection, item[0], "TRANSFERRED_OUT", newItem);
		event(connection, newItem, "TRANSFERRED_IN", item[0]);
	}

	private static void event(Connection connection, long lineItemId, String type, Long related) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("insert into license_event (line_item_id, event_type,"
				+ " quantity, actor, occurred_at, related_line_item_id) values (?, ?, 1, ?, ?, ?)")) {
			insert.setLong(1, lineItemId);
			insert.setString(2, type);
			insert.setString(3, DataSet.PARTNER_USER);
			insert.setTimestamp(4, Timestamp.from(Instant.now()));
			insert.setObject(5, related);
			insert.executeUpdate();
		}
	}

}
