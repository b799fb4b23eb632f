package com.licensingportal.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Concurrent API clients requesting transfers ({@code POST /api/v1/transfers}) from the portal nodes, as scripts
 * would: each transfer with its own {@code Idempotency-Key}, its first attempt at node {@code index % nodes}, and
 * on a dropped connection, a 5xx or a lock conflict again with the same key at the next node, until it is answered
 * or {@code giveUpAfter} has passed. Every attempt is recorded with its node, time and answer.
 */
final class TransferLoad {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<PortalNode> nodes;

	private final int clients;

	private final Duration giveUpAfter;

	private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());

	private final AtomicInteger accepted = new AtomicInteger();

	private ExecutorService pool;

	TransferLoad(List<PortalNode> nodes, int clients, Duration giveUpAfter) {
		this.nodes = List.copyOf(nodes);
		this.clients = clients;
		this.giveUpAfter = giveUpAfter;
	}

	/** One transfer to request: the requester's token, the request body, and its idempotency key. */
	record Planned(int index, String key, String token, String json) {
	}

	/** One HTTP attempt: at which node, when (epoch milliseconds), and its answer, or status -1 and why there was none. */
	record Attempt(String node, long startedAt, long endedAt, int status, String failure, String contentType, String body) {

		boolean answered() {
			return this.status > 0;
		}

	}

	/** How one planned transfer ended: its attempts, the last status, and the transfer number when accepted. */
	record Outcome(Planned planned, List<Attempt> attempts, int status, String transferNumber) {

		boolean accepted() {
			return this.status == 200 || this.status == 201;
		}

		/** Answered 200: an earlier attempt had made the transfer, but its answer was lost. */
		boolean replayed() {
			return this.status == 200;
		}

		Attempt last() {
			return this.attempts.get(this.attempts.size() - 1);
		}

	}

	/** Starts the clients in the background. */
	void start(List<Planned> plans) {
		this.pool = Executors.newFixedThreadPool(this.clients);
		AtomicInteger next = new AtomicInteger();
		for (int client = 0; client < this.clients; client++) {
			this.pool.submit(() -> {
				for (int i = next.getAndIncrement(); i < plans.size(); i = next.getAndIncrement()) {
					Outcome outcome = request(plans.get(i));
					this.outcomes.add(outcome);
					if (outcome.accepted()) {
						this.accepted.incrementAndGet();
					}
				}
			});
		}
		this.pool.shutdown();
	}

	int accepted() {
		return this.accepted.get();
	}

	/** Waits until at least {@code count} transfers were accepted. */
	void awaitAccepted(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.accepted.get() < count) {
			if (System.nanoTime() > deadline || this.pool.isTerminated()) {
				throw new AssertionError("Only " + this.accepted.get() + " of " + count + " transfers accepted within " + timeout);
			}
			Thread.sleep(50);
		}
	}

	/** Waits for every client to finish and answers every planned transfer's outcome. */
	List<Outcome> finish(Duration timeout) throws InterruptedException {
		if (!this.pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.pool.shutdownNow();
			throw new AssertionError("The clients did not finish within " + timeout);
		}
		return List.copyOf(this.outcomes);
	}

	private Outcome request(Planned planned) {
		List<Attempt> attempts = new ArrayList<>();
		long giveUp = System.currentTimeMillis() + this.giveUpAfter.toMillis();
		for (int attempt = 0;; attempt++) {
			PortalNode node = this.nodes.get((planned.index() + attempt) % this.nodes.size());
			HttpRequest request = HttpRequest.newBuilder(URI.create(node.url("/api/v1/transfers")))
				.timeout(Duration.ofSeconds(60))
				.header("Authorization", "Bearer " + planned.token())
				.header("Content-Type", "application/json")
				.header("Idempotency-Key", planned.key())
				.POST(HttpRequest.BodyPublishers.ofString(planned.json()))
				.build();
			long started = System.currentTimeMillis();
			Attempt made;
			try {
				HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
				made = new Attempt(node.name(), started, System.currentTimeMillis(), response.statusCode(), null,
						response.headers().firstValue("Content-Type").orElse(""), response.body());
			}
			catch (IOException dropped) {
				made = new Attempt(node.name(), started, System.currentTimeMillis(), -1, dropped.toString(), null, null);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				attempts.add(new Attempt(node.name(), started, System.currentTimeMillis(), -1, "interrupted", null, null));
				return new Outcome(planned, attempts, -1, null);
			}
			attempts.add(made);
			if (made.status() == 200 || made.status() == 201) {
				return new Outcome(planned, attempts, made.status(), transferNumber(made.body()));
			}
			if (!worthRetrying(made) || System.currentTimeMillis() > giveUp) {
				return new Outcome(planned, attempts, made.status(), null);
			}
			try {
				Thread.sleep(Math.min(2000, 100L << Math.min(attempt, 5)));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return new Outcome(planned, attempts, made.status(), null);
			}
		}
	}

	/** No answer, the server's fault, or the license locked by someone else: the same request may succeed again. */
	private static boolean worthRetrying(Attempt attempt) {
		return !attempt.answered() || attempt.status() >= 500
				|| attempt.status() == 409 && attempt.body().contains("being changed by someone else");
	}

	private static String transferNumber(String body) {
		try {
			return JSON.readTree(body).get("id").asText();
		}
		catch (IOException ex) {
			throw new AssertionError("Not a transfer: " + body, ex);
		}
	}

}
