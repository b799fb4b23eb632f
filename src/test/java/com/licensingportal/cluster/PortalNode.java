package com.licensingportal.cluster;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One portal node: the built jar as its own process on a free port, with its own log file. Started, waited
 * for until {@code /login} answers, and stopped, gently or with SIGKILL.
 */
final class PortalNode implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final Path log;

	private final Process process;

	private final long startedNanos;

	private PortalNode(String name, int port, Path log, Process process) {
		this.name = name;
		this.port = port;
		this.log = log;
		this.process = process;
		this.startedNanos = System.nanoTime();
	}

	/**
	 * Starts {@code java -jar jar} in {@code workDir} on a free port with exactly the given portal settings: no
	 * PORTAL_, SPRING_ or SMTP_ variable of the caller's environment leaks into the node.
	 */
	static PortalNode start(String name, Path jar, Path workDir, Map<String, String> environment) throws IOException {
		Path directory = Files.createDirectories(workDir.resolve(name));
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		command.add("-XX:+UseSerialGC");
		// The quick compiler only: three JVMs and MariaDB share two cores, and the test is about correctness.
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Duser.timezone=UTC");
		command.add("-jar");
		command.add(jar.toAbsolutePath().toString());
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		builder.environment()
			.keySet()
			.removeIf(key -> key.startsWith("PORTAL_") || key.startsWith("SPRING_") || key.startsWith("SMTP_"));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		builder.environment().put("PORTAL_NODE_NAME", name);
		Path log = directory.resolve(name + ".log");
		builder.redirectErrorStream(true).redirectOutput(log.toFile());
		return new PortalNode(name, port, log, builder.start());
	}

	/** Waits until the node answers {@code /login} with 200; answers the seconds it took from the start. */
	double awaitUp(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest login = HttpRequest.newBuilder(URI.create(url("/login"))).timeout(Duration.ofSeconds(5)).build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped while starting:\n" + logTail(60));
			}
			try {
				if (HTTP.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return (System.nanoTime() - this.startedNanos) / 1e9;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException(this.name + " did not answer /login within " + timeout + ":\n" + logTail(60));
	}

	String name() {
		return this.name;
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** SIGKILL: no shutdown hook, no unlocking of jobs, connections dropped mid-request. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.name + " survived SIGKILL");
		}
	}

	/** The last lines of the node's log, for a failure message. */
	String logTail(int lines) {
		try {
			List<String> all = Files.readAllLines(this.log, StandardCharsets.UTF_8);
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.log + ": " + ex.getMessage() + ")";
		}
	}

	/** How often the log says {@code text}, e.g. an exception class name. */
	long logCount(String text) {
		try (var lines = Files.lines(this.log, StandardCharsets.UTF_8)) {
			return lines.filter(line -> line.contains(text)).count();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + this.log, ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
	}

}
