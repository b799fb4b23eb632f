package com.licensingportal.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The database restarted under the portal nodes: gone, then back. Two ways, chosen by the system property
 * {@code portal.cluster.database-outage} or the environment variable {@code PORTAL_CLUSTER_DATABASE_OUTAGE}:
 * <ul>
 * <li>{@code restart} (CI, {@code .ci/run}): a real MariaDB restart with {@code portal.cluster.database-stop}
 * (default {@code mysqladmin -uroot shutdown}) and {@code portal.cluster.database-start} (default
 * {@code start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd}). It stops the whole server,
 * so only where nothing else uses it.</li>
 * <li>{@code proxy} (the default, for a shared machine): the nodes reach MariaDB through a {@link DatabaseProxy}
 * in the test JVM, which drops and refuses their connections.</li>
 * </ul>
 */
abstract class DatabaseRestart implements AutoCloseable {

	static final String MODE = "portal.cluster.database-outage";

	static DatabaseRestart fromSystemProperties(String host, int port) throws IOException {
		String mode = System.getProperty(MODE, System.getenv().getOrDefault("PORTAL_CLUSTER_DATABASE_OUTAGE", "proxy"));
		return switch (mode) {
			case "proxy" -> new Proxied(new DatabaseProxy(host, port));
			case "restart" -> new Restart(host, port,
					System.getProperty("portal.cluster.database-stop", "mysqladmin -uroot shutdown"),
					System.getProperty("portal.cluster.database-start",
							"start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd"));
			default -> throw new IllegalArgumentException(MODE + " is 'proxy' or 'restart', not '" + mode + "'");
		};
	}

	/** Where the nodes connect to ({@code host:port}). */
	abstract String nodeAddress();

	/** Takes the database away from the nodes; returns once it is gone. */
	abstract void stop() throws Exception;

	/** Brings it back; returns once {@code answering} says it answers again. */
	abstract void start(BooleanSupplier answering) throws Exception;

	abstract String describe();

	@Override
	public void close() throws Exception {
	}

	static void awaitAnswering(BooleanSupplier answering, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!answering.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The database did not answer within " + timeout + " of its restart");
			}
			Thread.sleep(200);
		}
	}

	private static final class Proxied extends DatabaseRestart {

		private final DatabaseProxy proxy;

		Proxied(DatabaseProxy proxy) {
			this.proxy = proxy;
		}

		@Override
		String nodeAddress() {
			return "127.0.0.1:" + this.proxy.port();
		}

		@Override
		void stop() {
			this.proxy.cut();
		}

		@Override
		void start(BooleanSupplier answering) throws InterruptedException {
			this.proxy.restore();
			awaitAnswering(answering, Duration.ofSeconds(30));
		}

		@Override
		String describe() {
			return "connections dropped and refused by a TCP proxy in front of MariaDB";
		}

		@Override
		public void close() throws IOException {
			this.proxy.close();
		}

	}

	private static final class Restart extends DatabaseRestart {

		private final String host;

		private final int port;

		private final String stop;

		private final String start;

		Restart(String host, int port, String stop, String start) {
			this.host = host;
			this.port = port;
			this.stop = stop;
			this.start = start;
		}

		@Override
		String nodeAddress() {
			return this.host + ":" + this.port;
		}

		@Override
		void stop() throws IOException, InterruptedException {
			run(this.stop);
		}

		@Override
		void start(BooleanSupplier answering) throws IOException, InterruptedException {
			run(this.start);
			awaitAnswering(answering, Duration.ofSeconds(120));
		}

		@Override
		String describe() {
			return "MariaDB restarted (" + this.stop + "; " + this.start + ")";
		}

		private static void run(String command) throws IOException, InterruptedException {
			// Output to a file, not a pipe: a daemon started in the background must not hold our end open.
			Path output = Files.createTempFile("database-command", ".log");
			Process process = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("'" + command + "' did not finish within 2 minutes");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("'" + command + "' failed with exit code " + process.exitValue() + ": "
						+ Files.readString(output, StandardCharsets.UTF_8));
			}
			Files.delete(output);
		}

	}

}
