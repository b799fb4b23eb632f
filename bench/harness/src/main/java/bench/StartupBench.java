package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark 5: the portal's default profile (H2 in ./data, demo data, captured mail) from process start to
 * the first 200 on /login, against Camunda's bare webapp starter app on H2 to its first 200 on the
 * webapps' welcome page. Each start is cold: a fresh working folder, so both create their database. The
 * two alternate, and each pair gives one ratio.
 */
final class StartupBench {

	/** The same JVM flags for both (the portal adds its CDS archive). */
	private static final List<String> JVM = List.of("-Xmx512m");

	private final Config config;

	StartupBench(Config config) {
		this.config = config;
	}

	Result run() throws Exception {
		Result result = new Result(5, "Start-up of the default profile to the first answered /login",
				"≤ 1.3× baseline");
		int rounds = this.config.reps(5, 2);
		Cds cds = trainCds();
		Stats portal = new Stats();
		Stats baseline = new Stats();
		Stats ratio = new Stats();
		Stats portalCpu = new Stats();
		Stats baselineCpu = new Stats();
		Stats cpuRatio = new Stats();
		for (int round = 1; round <= rounds; round++) {
			Started p;
			Started b;
			if (round % 2 == 1) {
				b = startBaseline(round);
				p = startPortal(round, cds);
			}
			else {
				p = startPortal(round, cds);
				b = startBaseline(round);
			}
			portal.add(p.millis / 1000);
			baseline.add(b.millis / 1000);
			ratio.add(p.millis / b.millis);
			portalCpu.add(p.cpuSeconds);
			baselineCpu.add(b.cpuSeconds);
			cpuRatio.add(p.cpuSeconds / b.cpuSeconds);
			Log.info("#5 round %d: portal %.1f s (%.1f s CPU), baseline %.1f s (%.1f s CPU)", round, p.millis / 1000,
					p.cpuSeconds, b.millis / 1000, b.cpuSeconds);
		}
		result.subject = portal.format("%.1f") + " s";
		result.baseline = baseline.format("%.1f") + " s";
		result.ratio = ratio.format("%.2f") + "×";
		result.met = Result.yesNo(ratio.median() <= 1.3);
		result.detail(String.format(Locale.ROOT,
				"%d alternating cold starts each (fresh working folder, so both create their H2 database), JVM `%s`."
						+ " Subject: the portal jar as README's \"Starting faster\" runs it, extracted"
						+ " (`java -Djarmode=tools -jar target/licensing-portal-*.jar extract`) and with the class data"
						+ " sharing archive of a training run made once before the rounds (`-XX:ArchiveClassesAtExit`,"
						+ " `-Dspring.context.exit=onRefresh`, not timed), `java -XX:SharedArchiveFile=portal.jsa -jar`"
						+ " (embedded default: H2 file, demo data, captured mail), until `GET /login` answers 200."
						+ " Baseline: `bench/camunda-baseline` as a user runs it, plain `java -jar`"
						+ " (Spring Boot 3.5.7 + camunda-bpm-spring-boot-starter-webapp 7.24 on an H2 file, admin user,"
						+ " full history, job executor on) until `GET /camunda/app/welcome/default/` answers 200."
						+ " Ratio = portal ÷ baseline of the same round. For information, the CPU time each process had"
						+ " used when it answered (user and system, /proc), which depends less on what else the machine"
						+ " runs: portal %s s, baseline %s s, ratio %s×.",
				rounds, String.join(" ", JVM), portalCpu.format("%.1f"), baselineCpu.format("%.1f"),
				cpuRatio.format("%.2f")));
		return result;
	}

	/** Milliseconds from launch to the first 200, and the CPU seconds used by then. */
	private record Started(double millis, double cpuSeconds) {
	}

	/** The extracted portal jar and its class data sharing archive. */
	private record Cds(Path jar, Path archive) {
	}

	/**
	 * Spring Boot's CDS support (README: Starting faster): the jar extracted, then a training run in a folder of
	 * its own that makes the context and exits ({@code spring.context.exit=onRefresh}), writing the archive of the
	 * classes it loaded. Once, before the rounds, and not timed: a user makes the archive once per build.
	 */
	private Cds trainCds() throws Exception {
		Path dir = this.config.work.resolve("startup/portal-cds");
		clean(dir);
		Path jar = this.config.portalJar();
		String extracted = Shell.run(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
				dir.resolve("app").toString());
		Path app = dir.resolve("app").resolve(jar.getFileName());
		if (!Files.isRegularFile(app)) {
			throw new IllegalStateException("Could not extract the portal jar: " + extracted);
		}
		Path archive = dir.resolve("portal.jsa");
		Path training = dir.resolve("training");
		Files.createDirectories(training);
		List<String> jvm = new java.util.ArrayList<>(JVM);
		jvm.add("-XX:ArchiveClassesAtExit=" + archive);
		jvm.add("-Dspring.context.exit=onRefresh");
		try (AppProcess run = AppProcess.start("portal-training", app, training, jvm,
				Map.of("PORT", Integer.toString(this.config.startupPortalPort)))) {
			// As long as a start may take (6 minutes) and its exit after the refresh: at loads of 20-30 a training run
			// took more than 6 minutes.
			int exit = run.awaitExit(Duration.ofMinutes(15));
			if (exit != 0 || !Files.isRegularFile(archive)) {
				throw new IllegalStateException("The CDS training run ended with " + exit + " and no archive; see " + run.log());
			}
		}
		Log.info("#5 CDS archive of the portal: %.0f MiB", Files.size(archive) / 1048576.0);
		return new Cds(app, archive);
	}

	private Started startPortal(int round, Cds cds) throws Exception {
		Path dir = this.config.work.resolve("startup/portal-" + round);
		clean(dir);
		List<String> jvm = new java.util.ArrayList<>(JVM);
		jvm.add("-XX:SharedArchiveFile=" + cds.archive());
		try (AppProcess app = AppProcess.start("portal", cds.jar(), dir, jvm,
				Map.of("PORT", Integer.toString(this.config.startupPortalPort)))) {
			double millis = app.awaitOk("http://127.0.0.1:" + this.config.startupPortalPort + "/login", Duration.ofMinutes(6));
			return new Started(millis, app.cpuSeconds());
		}
	}

	private Started startBaseline(int round) throws Exception {
		Path dir = this.config.work.resolve("startup/baseline-" + round);
		clean(dir);
		try (AppProcess app = AppProcess.start("camunda-baseline", this.config.baselineJar(), dir, JVM,
				Map.of("PORT", Integer.toString(this.config.startupBaselinePort)))) {
			double millis = app.awaitOk("http://127.0.0.1:" + this.config.startupBaselinePort
					+ "/camunda/app/welcome/default/", Duration.ofMinutes(6));
			return new Started(millis, app.cpuSeconds());
		}
	}

	static void clean(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (Stream<Path> paths = Files.walk(dir)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
		Files.createDirectories(dir);
	}

}
