package bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot jar run as its own process (the portal, or the Camunda baseline app): started, waited for
 * until a URL answers 200, inspected with jcmd, and always stopped.
 */
final class AppProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final Process process;

	private final long startedNanos;

	private final Path log;

	private AppProcess(String name, Process process, long startedNanos, Path log) {
		this.name = name;
		this.process = process;
		this.startedNanos = startedNanos;
		this.log = log;
	}

	/** Starts {@code java [jvmArgs] -jar jar} in {@code workDir} with the given environment added. */
	static AppProcess start(String name, Path jar, Path workDir, List<String> jvmArgs, Map<String, String> env)
			throws IOException {
		Files.createDirectories(workDir);
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
		// Nothing of the caller's database settings leaks into the app: it gets exactly what we say.
		builder.environment().keySet().removeIf(key -> key.startsWith("PORTAL_") || key.startsWith("SPRING_"));
		builder.environment().putAll(env);
		Path log = workDir.resolve(name + ".log");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		long started = System.nanoTime();
		return new AppProcess(name, builder.start(), started, log);
	}

	/** Waits until {@code url} answers 200; returns the milliseconds since the process was started. */
	double awaitOk(String url, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped while starting; see " + this.log);
			}
			try {
				HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return (System.nanoTime() - this.startedNanos) / 1e6;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(25);
		}
		throw new IllegalStateException(this.name + " did not answer " + url + " within " + timeout + "; see " + this.log);
	}

	/** Waits until the process ends by itself (a training run); returns its exit code. */
	int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException(this.name + " did not end within " + timeout + "; see " + this.log);
		}
		return this.process.exitValue();
	}

	long pid() {
		return this.process.pid();
	}

	/** CPU seconds (user and system) the process has used so far, from /proc; NaN where there is none. */
	double cpuSeconds() {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of stat(5), 12 and 13 after the command name.
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	Path log() {
		return this.log;
	}

	/** Heap in use right after a full GC, in MiB (jcmd GC.run, then GC.heap_info). */
	double heapUsedAfterGcMiB() {
		Shell.run("jcmd", Long.toString(pid()), "GC.run");
		return heapUsedMiB();
	}

	/** Heap in use now, in MiB, as jcmd GC.heap_info reports it (the sum over the heap's "used" figures). */
	double heapUsedMiB() {
		String info = Shell.run("jcmd", Long.toString(pid()), "GC.heap_info");
		// G1: "garbage-first heap   total 524288K, used 123456K"; Parallel/Serial: per generation lines.
		Matcher g1 = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K").matcher(info);
		if (g1.find()) {
			return Long.parseLong(g1.group(1)) / 1024.0;
		}
		Matcher generations = Pattern.compile("(?:PSYoungGen|ParOldGen|def new generation|tenured generation)\\s+total \\d+K, used (\\d+)K")
			.matcher(info);
		long used = 0;
		boolean found = false;
		while (generations.find()) {
			used += Long.parseLong(generations.group(1));
			found = true;
		}
		if (!found) {
			throw new IllegalStateException("Cannot read the heap of " + this.name + " from jcmd: " + info);
		}
		return used / 1024.0;
	}

	/** Samples the heap in use every {@code intervalMs} with {@code jstat -gc} until closed. */
	HeapSampler sampleHeap(int intervalMs) throws IOException {
		return new HeapSampler(new ProcessBuilder("jstat", "-gc", Long.toString(pid()), Integer.toString(intervalMs))
			.redirectErrorStream(true)
			.start());
	}

	/** The largest heap in use (survivors, eden and old generation, garbage included) that jstat printed. */
	static final class HeapSampler implements AutoCloseable {

		private final Process jstat;

		private final Thread reader;

		private volatile double peakKiB;

		HeapSampler(Process jstat) {
			this.jstat = jstat;
			this.reader = new Thread(this::read, "jstat");
			this.reader.setDaemon(true);
			this.reader.start();
		}

		private void read() {
			try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(this.jstat.getInputStream()))) {
				List<String> header = null;
				String line;
				while ((line = lines.readLine()) != null) {
					List<String> fields = List.of(line.strip().split("\\s+"));
					if (fields.contains("EU")) {
						header = fields;
					}
					else if (header != null && fields.size() == header.size()) {
						double used = 0;
						for (String column : List.of("S0U", "S1U", "EU", "OU")) {
							used += Double.parseDouble(fields.get(header.indexOf(column)));
						}
						this.peakKiB = Math.max(this.peakKiB, used);
					}
				}
			}
			catch (IOException | NumberFormatException ex) {
				// the sampler stops; the peak so far stands
			}
		}

		double peakMiB() {
			return this.peakKiB / 1024.0;
		}

		@Override
		public void close() throws InterruptedException {
			this.jstat.destroy();
			this.jstat.waitFor(10, TimeUnit.SECONDS);
			this.reader.join(5_000);
		}

	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
