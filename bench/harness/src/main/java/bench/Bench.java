package bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * bench/run.sh's harness: runs the benchmarks of issue 9 side by side with their baselines on this machine's
 * MariaDB and writes BENCHMARKS.md. See bench/README.md.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Config config = Config.parse(args);
		long started = System.nanoTime();
		String loadBefore = Files.readString(Path.of("/proc/loadavg")).strip();
		List<Result> results = new ArrayList<>();
		Log.info("Benchmarks %s%s, writing %s", config.only, config.quick ? " (quick)" : "", config.out);
		if (config.runs(5)) {
			results.add(measured(5, () -> new StartupBench(config).run()));
		}
		String mariadb = "not asked";
		if (config.runs(1) || config.runs(2) || config.runs(3) || config.runs(4) || config.runs(6) || config.runs(7)) {
			mariadb = onMariaDb(config, results);
		}
		else {
			mariadb = mariaDbVersion(config);
		}
		String loadAfter = Files.readString(Path.of("/proc/loadavg")).strip();
		results.sort((a, b) -> Integer.compare(a.number, b.number));
		String report = Report.markdown(config, results, mariadb, loadBefore, loadAfter,
				Duration.ofNanos(System.nanoTime() - started));
		Files.writeString(config.out, report, StandardCharsets.UTF_8);
		Log.info("Wrote %s in %d s", config.out, Duration.ofNanos(System.nanoTime() - started).toSeconds());
	}

	/** The password of the Camunda administrator the portal on MariaDB starts with (its mysql profile needs one). */
	static final String CAMUNDA_ADMIN_PASSWORD = "bench-admin";

	/** Benchmarks 1–4, 6 and 7: the portal on MariaDB at a fixed heap, with the generated data set. */
	private static String onMariaDb(Config config, List<Result> results) throws Exception {
		String mariadb;
		Path dir = config.work.resolve("portal-mariadb");
		StartupBench.clean(dir);
		Map<String, String> env = Map.of("SPRING_PROFILES_ACTIVE", "mysql", "PORT", Integer.toString(config.portalPort),
				"PORTAL_DB_URL", config.jdbcUrl(config.portalDatabase), "PORTAL_DB_USER", config.dbUser,
				"PORTAL_DB_PASSWORD", config.dbPassword, "PORTAL_BASE_URL", "http://127.0.0.1:" + config.portalPort,
				"PORTAL_MAIL_CAPTURE", "true", "CAMUNDA_ADMIN_PASSWORD", CAMUNDA_ADMIN_PASSWORD, "PORTAL_LICENSE_KEY_GENERATE", "true", "PORTAL_LICENSE_KEY_DIRECTORY",
				dir.resolve("license-signing").toString());
		try (HikariDataSource dataSource = pool(config, config.portalDatabase, 20)) {
			mariadb = version(dataSource);
			Log.info("Starting the portal on %s (Flyway creates its schema, Camunda its tables)", config.portalDatabase);
			List<String> jvm = new ArrayList<>(List.of(config.portalHeap, "-XX:+UseG1GC"));
			if (config.profile) {
				jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve("portal.jfr") + ",settings=profile");
			}
			try (AppProcess portal = AppProcess.start("portal", config.portalJar(), dir, jvm, env)) {
				portal.awaitOk("http://127.0.0.1:" + config.portalPort + "/login", Duration.ofMinutes(8));
				config.dataSet.ensure(dataSource);
				if (config.runs(3)) {
					results.add(measured(3, () -> ListBench.partner(config, dataSource).run()));
					results.add(measured(3, "3b", () -> ListBench.distributor(config, dataSource).run()));
				}
				if (config.runs(4)) {
					results.add(measured(4, () -> new ExportBench(config, dataSource, portal).run()));
				}
				if (config.runs(1)) {
					results.add(measured(1, () -> new ActivationBench(config, dataSource).run()));
				}
				if (config.runs(2)) {
					results.add(measured(2, () -> new TransferBench(config, dataSource).run()));
				}
				if (config.runs(6)) {
					results.add(measured(6, () -> new SalesOrderBench(config, dataSource).run()));
				}
				if (config.runs(7)) {
					results.add(measured(7, () -> new ImportBench(config, dataSource, portal).run()));
				}
			}
		}
		return mariadb;
	}

	private interface Benchmark {

		Result run() throws Exception;

	}

	/**
	 * Runs one benchmark; one that fails is a row of BENCHMARKS.md that says so (a miss), and the others still
	 * run.
	 */
	private static Result measured(int number, Benchmark benchmark) {
		return measured(number, String.valueOf(number), benchmark);
	}

	private static Result measured(int number, String label, Benchmark benchmark) {
		try {
			return benchmark.run();
		}
		catch (Exception | AssertionError ex) {
			Log.info("#%s failed: %s", label, ex);
			ex.printStackTrace();
			return Result.failed(number, label, ex);
		}
	}

	static HikariDataSource pool(Config config, String database, int size) {
		return pool(config, database, size, Map.of());
	}

	/** The harness's pool, with more Connector/J properties (the portal's own, for (b')). */
	static HikariDataSource pool(Config config, String database, int size, Map<String, String> driverProperties) {
		HikariConfig hikari = new HikariConfig();
		driverProperties.forEach(hikari::addDataSourceProperty);
		hikari.setJdbcUrl(config.jdbcUrl(database));
		hikari.setUsername(config.dbUser);
		hikari.setPassword(config.dbPassword);
		hikari.setMaximumPoolSize(size);
		// As the portal's pool: READ COMMITTED, this database only.
		hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
		hikari.addDataSourceProperty("nullDatabaseMeansCurrent", "true");
		return new HikariDataSource(hikari);
	}

	private static String mariaDbVersion(Config config) {
		try (HikariDataSource dataSource = pool(config, config.portalDatabase, 1)) {
			return version(dataSource);
		}
		catch (Exception ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
	}

	private static String version(javax.sql.DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select version()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	static String now() {
		return ZonedDateTime.now().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}

	static String format(String pattern, Object... args) {
		return String.format(Locale.ROOT, pattern, args);
	}

}
