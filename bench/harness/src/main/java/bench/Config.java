package bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What bench/run.sh passes: where things are, how much to repeat, which benchmarks to run. */
final class Config {

	final Path repo;

	final Path work;

	final Path out;

	final boolean quick;

	final boolean reuseData;

	/** Records the MariaDB portal's run with JFR into bench/target/work/portal-mariadb/portal.jfr. */
	final boolean profile;

	final Set<Integer> only;

	final String mysqlHost = "127.0.0.1:3306";

	/** BENCH_DB_PREFIX (default licensing_bench) names the databases, so that two runs on one MariaDB do not share them. */
	final String portalDatabase = databasePrefix() + "_portal";

	final String camundaDatabase = databasePrefix() + "_camunda";

	final String jdbcParameters = "sendFractionalSeconds=false&rewriteBatchedStatements=true&useSSL=false"
			+ "&allowPublicKeyRetrieval=true&characterEncoding=UTF-8";

	final String dbUser = "portal";

	final String dbPassword = "portal";

	/** The portal on MariaDB (benchmarks 1–4): a free port, never a fixed one (the machine is shared). */
	final int portalPort = freePort();

	/** Benchmark 5: the portal on its embedded default, and the Camunda webapp baseline. */
	final int startupPortalPort = freePort();

	final int startupBaselinePort = freePort();

	/** The fixed heap of the portal on MariaDB, so that a leak in the export would show. */
	final String portalHeap = "-Xmx512m";

	/**
	 * The data set: 1,000,000 line items for benchmarks 1–4; a run of 6 alone (with 5 or not) needs only the
	 * accounts, their customer numbers and the catalogue, so it gets a small one (1,000 accounts, 10,000 line
	 * items) and is ready in seconds.
	 */
	final DataSet dataSet;

	private Config(Path repo, Path out, boolean quick, boolean reuseData, boolean profile, Set<Integer> only) {
		this.repo = repo;
		this.work = repo.resolve("bench/target/work");
		this.out = out;
		this.quick = quick;
		this.reuseData = reuseData;
		this.profile = profile;
		this.only = only;
		boolean large = only.stream().anyMatch(n -> n >= 1 && n <= 4);
		this.dataSet = large ? new DataSet(10_000, 100, 20261127L) : new DataSet(1_000, 10, 20261127L);
	}

	private static String databasePrefix() {
		String prefix = System.getenv("BENCH_DB_PREFIX");
		return prefix == null || prefix.isBlank() ? "licensing_bench" : prefix;
	}

	static Config parse(String[] args) {
		Path repo = Path.of(".").toAbsolutePath().normalize();
		Path out = null;
		boolean quick = false;
		boolean reuse = false;
		boolean profile = false;
		Set<Integer> only = new HashSet<>(List.of(1, 2, 3, 4, 5, 6, 7));
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
				case "--out" -> out = Path.of(args[++i]).toAbsolutePath().normalize();
				case "--quick" -> quick = true;
				case "--reuse-data" -> reuse = true;
				case "--profile" -> profile = true;
				case "--only" -> only = Arrays.stream(args[++i].split(",")).map(String::strip).map(Integer::valueOf)
					.collect(Collectors.toSet());
				default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
			}
		}
		return new Config(repo, out == null ? repo.resolve("BENCHMARKS.md") : out, quick, reuse, profile, only);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free port on the loopback", ex);
		}
	}

	String jdbcUrl(String database) {
		return "jdbc:mysql://" + this.mysqlHost + "/" + database + "?" + this.jdbcParameters;
	}

	Path portalJar() {
		try (Stream<Path> jars = Files.list(this.repo.resolve("target"))) {
			return jars.filter(p -> p.getFileName().toString().matches("licensing-portal-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No portal jar in target/: run mvn package first"));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No target/ folder: run mvn package first", ex);
		}
	}

	Path baselineJar() {
		return this.repo.resolve("bench/camunda-baseline/target/camunda-baseline.jar");
	}

	/** Repetitions: the full run's number, or the quick one's. */
	int reps(int full, int quick) {
		return this.quick ? quick : full;
	}

	boolean runs(int benchmark) {
		return this.only.contains(benchmark);
	}

}
