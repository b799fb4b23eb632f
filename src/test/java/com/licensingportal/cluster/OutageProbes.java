package com.licensingportal.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.licensingportal.support.HttpBrowser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What users get while the database is away: every second, on every node, a page that reads the database (List
 * Entitlements, logged in on that node) and an API call that does ({@code GET /api/v1/entitlements}), each
 * answer kept with its status, content type and body.
 */
final class OutageProbes {

	/** Words that only a stack trace or a raw database error would show a user. */
	private static final Pattern RAW_ERROR = Pattern.compile(
			"Exception|\\tat |\\bat (com|org|java|jakarta)\\.|SQLState|SQL state|Hikari|JDBC|jdbc:|Communications link",
			Pattern.CASE_INSENSITIVE);

	/** One answer during the outage. */
	record Answer(String node, String what, int status, String contentType, String body) {
	}

	private final List<PortalNode> nodes;

	private final String token;

	private final Map<String, HttpBrowser> browsers;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final List<Answer> answers = new CopyOnWriteArrayList<>();

	private final ExecutorService pool = Executors.newCachedThreadPool();

	private Thread ticker;

	private volatile boolean probing;

	/** Logs a browser in on each node, while the database is still there. */
	OutageProbes(List<PortalNode> nodes, String token, String email, String password) {
		this.nodes = List.copyOf(nodes);
		this.token = token;
		Map<String, HttpBrowser> browsers = new LinkedHashMap<>();
		for (PortalNode node : nodes) {
			HttpBrowser browser = new HttpBrowser(node.url(""));
			assertThat(browser.logIn(email, password).redirectPath()).as("logging in on " + node.name())
				.isEqualTo("/entitlements");
			browsers.put(node.name(), browser);
		}
		this.browsers = browsers;
	}

	void start() {
		this.probing = true;
		this.ticker = new Thread(() -> {
			while (this.probing) {
				for (PortalNode node : this.nodes) {
					this.pool.submit(() -> page(node));
					this.pool.submit(() -> api(node));
				}
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "outage-probes");
		this.ticker.start();
	}

	/** Sends no more probes; the ones under way still finish. */
	void stop() throws InterruptedException {
		this.probing = false;
		this.ticker.interrupt();
		this.ticker.join();
	}

	/** Every answer, once the last probe is answered. */
	List<Answer> answers() throws InterruptedException {
		this.pool.shutdown();
		if (!this.pool.awaitTermination(2, TimeUnit.MINUTES)) {
			throw new AssertionError("Probes still unanswered 2 minutes after the outage");
		}
		return new ArrayList<>(this.answers);
	}

	private void page(PortalNode node) {
		try {
			keep(node, "GET /entitlements", this.browsers.get(node.name()).get("/entitlements").response());
		}
		catch (IllegalStateException noAnswer) {
			this.answers.add(new Answer(node.name(), "GET /entitlements", -1, null, noAnswer.toString()));
		}
	}

	private void api(PortalNode node) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(node.url("/api/v1/entitlements?size=10")))
			.timeout(Duration.ofSeconds(90))
			.header("Authorization", "Bearer " + this.token)
			.build();
		try {
			keep(node, "GET /api/v1/entitlements", this.http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException | InterruptedException ex) {
			this.answers.add(new Answer(node.name(), "GET /api/v1/entitlements", -1, null, ex.toString()));
		}
	}

	private void keep(PortalNode node, String what, HttpResponse<String> answer) {
		this.answers.add(new Answer(node.name(), what, answer.statusCode(),
				answer.headers().firstValue("Content-Type").orElse(""), answer.body()));
	}

	/**
	 * An answer a user can read: never a 500, never a stack trace or a raw database error; while the database is
	 * away a 503 as a page or, for the API, as problem+json.
	 */
	static void assertFriendly(Answer answer) {
		if (answer.status() < 0) {
			return;
		}
		assertThat(answer.body()).as("%s on %s answered %d", answer.what(), answer.node(), answer.status())
			.doesNotContainPattern(RAW_ERROR);
		assertThat(answer.status()).as("%s on %s: %s", answer.what(), answer.node(), answer.body()).isNotEqualTo(500);
		if (answer.status() == 503) {
			assertThat(answer.contentType()).as("content type of %s's 503 to %s", answer.node(), answer.what())
				.startsWith(answer.what().contains("/api/") ? "application/problem+json" : "text/html");
		}
	}

}
