package com.licensingportal.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.licensingportal.cluster.ClusterDatabase.Channels;
import com.licensingportal.cluster.TransferLoad.Attempt;
import com.licensingportal.cluster.TransferLoad.Outcome;
import com.licensingportal.cluster.TransferLoad.Planned;
import com.licensingportal.mail.MailReader;
import com.licensingportal.offline.LicenseKeys;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.TestMailServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two portal nodes (the built jar, {@code mysql} profile, job executor on, one license-signing key pair) on one
 * MariaDB database of their own, sending email to a GreenMail server in this JVM. In order, on the same two nodes:
 * a session made on one node used on the other; 1,000 transfers through both nodes, each executed once with each
 * email once; the database restarted under load; a node killed under load; and the expiry reminder timer, which
 * fired throughout, once per due time. Every figure is printed at the end (and written to
 * {@code target/cluster/figures.txt}) and goes into the README's "Reliability" section.
 * <p>
 * Run by Failsafe in {@code mvn verify -Pmysql}; alone: {@code mvn verify -Pmysql -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	static final String BASE_URL = "http://portal.cluster.test";

	static final int TRANSFERS = Integer.getInteger("portal.cluster.transfers", 1000);

	static final int FAULT_TRANSFERS = Integer.getInteger("portal.cluster.fault-transfers", 200);

	static final int CLIENTS = Integer.getInteger("portal.cluster.clients", 16);

	static final int LOCK_TIME_MILLIS = Integer.getInteger("portal.cluster.lock-time-millis", 30_000);

	static final int OUTAGE_SECONDS = Integer.getInteger("portal.cluster.outage-seconds", 8);

	static final String REMINDER_CYCLE = System.getProperty("portal.cluster.reminder-cycle", "0/15 * * * * ?");

	static final Path WORK = Path.of(System.getProperty("portal.cluster.work-dir", "target/cluster"));

	private static final List<String> FIGURES = new ArrayList<>();

	private static ClusterDatabase database;

	private static DatabaseRestart restart;

	private static PortalNode nodeA;

	private static PortalNode nodeB;

	private static ClusterDatabase.Seeded seeded;

	private static Map<String, Channels> baseline;

	private static InvariantWatch watch;

	private static String adminToken;

	private static String userToken;

	private static final Map<String, Set<String>> expectedMail = new HashMap<>();

	@BeforeAll
	static void startTwoNodes() throws Exception {
		Files.createDirectories(WORK);
		database = ClusterDatabase.fromEnvironment();
		database.recreate();
		restart = DatabaseRestart.fromSystemProperties(database.host(), database.port());
		GreenMail greenMail = TestMailServer.greenMail();
		KeyPair keys = KeyPairGenerator.getInstance(LicenseKeys.ALGORITHM).generateKeyPair();

		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("SPRING_PROFILES_ACTIVE", "mysql");
		environment.put("PORTAL_DB_URL", database.urlThrough(restart.nodeAddress()));
		environment.put("PORTAL_DB_USER", database.user());
		environment.put("PORTAL_DB_PASSWORD", database.password());
		environment.put("PORTAL_BASE_URL", BASE_URL);
		environment.put("PORTAL_DEMO_DATA", "false");
		environment.put("CAMUNDA_ADMIN_PASSWORD", "cluster-admin");
		environment.put("PORTAL_LICENSE_PRIVATE_KEY", LicenseKeys.toPem(keys.getPrivate()));
		environment.put("PORTAL_LICENSE_PUBLIC_KEY", LicenseKeys.toPem(keys.getPublic()));
		environment.put("SMTP_HOST", "127.0.0.1");
		environment.put("SMTP_PORT", Integer.toString(TestMailServer.port()));
		environment.put("PORTAL_EXPIRY_REMINDER_CYCLE", REMINDER_CYCLE);
		environment.put("PORTAL_JOB_LOCK_TIME_MILLIS", Integer.toString(LOCK_TIME_MILLIS));

		Path jar = Path.of(System.getProperty("portal.cluster.jar", "target/licensing-portal-0.1.0-SNAPSHOT.jar"));
		// One after the other: the first makes the schema (Flyway, Camunda) and the deployment, the second finds them.
		nodeA = PortalNode.start("node-a", jar, WORK, environment);
		double upA = nodeA.awaitUp(Duration.ofMinutes(6));
		seeded = database.seed("{bcrypt}" + new BCryptPasswordEncoder().encode(ClusterDatabase.PASSWORD));
		nodeB = PortalNode.start("node-b", jar, WORK, environment);
		double upB = nodeB.awaitUp(Duration.ofMinutes(6));
		figure("Nodes: node-a up in %.0f s on an empty database (schema and deployment), node-b in %.0f s; database outage"
				+ " mode: %s; job lock time %d s; expiry reminder cycle '%s'", upA, upB, restart.describe(),
				LOCK_TIME_MILLIS / 1000, REMINDER_CYCLE);

		baseline = database.channels();
		assertThat(baseline).hasSize(2);
		baseline.values().forEach(channels -> assertThat(channels.existing()).isEqualTo(channels.total()));
		watch = new InvariantWatch(database, baseline);
		adminToken = new ApiClient(nodeA.url("")).token(ClusterDatabase.PARTNER_ADMIN, ClusterDatabase.PASSWORD);
		userToken = new ApiClient(nodeB.url("")).token(ClusterDatabase.PARTNER_USER, ClusterDatabase.PASSWORD);
		assertThat(greenMail.isRunning()).isTrue();

		// The same key pair on both nodes: both publish the public key they were given, so a license file signed by
		// either verifies with it.
		String published = LicenseKeys.toPem(keys.getPublic()).strip();
		for (PortalNode node : List.of(nodeA, nodeB)) {
			assertThat(new ApiClient(node.url("")).get("/.well-known/licensing-public-key", null).body().strip())
				.as("the public key %s publishes", node.name())
				.isEqualTo(published);
		}
	}

	@AfterAll
	static void stopTheNodes() throws Exception {
		try {
			if (watch != null) {
				watch.close();
				figure("Invariant: %,d consistent reads while everything ran, %d violations (%,d reads failed while the"
						+ " database was away)", watch.samples(), watch.violations().size(), watch.unreadable());
			}
			String text = "Cluster test figures\n" + String.join("\n", FIGURES) + "\n";
			System.out.println("\n" + text);
			Files.writeString(WORK.resolve("figures.txt"), text, StandardCharsets.UTF_8);
		}
		finally {
			for (PortalNode node : new PortalNode[] { nodeA, nodeB }) {
				if (node != null) {
					node.close();
				}
			}
			if (restart != null) {
				restart.close();
			}
		}
		if (watch != null) {
			assertThat(watch.violations()).as("invariant violations seen while everything ran").isEmpty();
		}
	}

	@Test
	@Order(1)
	void aLoginOnOneNodeIsALoginOnTheOtherAndAPasswordResetOnOneEndsItOnBoth() throws Exception {
		HttpBrowser onA = new HttpBrowser(nodeA.url(""));
		assertThat(onA.logIn(ClusterDatabase.SESSION_USER, ClusterDatabase.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		HttpBrowser secondOnB = new HttpBrowser(nodeB.url(""));
		assertThat(secondOnB.logIn(ClusterDatabase.SESSION_USER, ClusterDatabase.PASSWORD).redirectPath())
			.isEqualTo("/entitlements");

		// The session cookie node-a gave, used on node-b (and the other way round), as behind a load balancer.
		HttpBrowser onB = new HttpBrowser(nodeB.url(""));
		onB.useSessionCookie(onA.sessionCookie());
		HttpBrowser secondOnA = new HttpBrowser(nodeA.url(""));
		secondOnA.useSessionCookie(secondOnB.sessionCookie());
		HttpBrowser.Page page = onB.get("/entitlements");

		assertThat(page.status()).as("node-b's answer to node-a's session").isEqualTo(200);
		assertThat(page.body()).contains("Sam Cluster").contains(ClusterDatabase.customerName(ClusterDatabase.CUSTOMERS));
		assertThat(secondOnA.get("/entitlements").status()).as("node-a's answer to node-b's session").isEqualTo(200);

		// Forgot Password? on node-b, the emailed link followed on node-a.
		HttpBrowser forgot = new HttpBrowser(nodeB.url(""));
		forgot.get("/forgot-password");
		assertThat(forgot.post("/forgot-password", Map.of("email", ClusterDatabase.SESSION_USER)).status()).isEqualTo(200);
		String link = MailReader.link(awaitMail(ClusterDatabase.SESSION_USER, "Reset your Licensing Portal password"),
				"/password-reset/");
		assertThat(link).startsWith(BASE_URL + "/password-reset/");
		String path = link.substring(BASE_URL.length());
		String newPassword = "Moved-Between-Nodes-2027";
		HttpBrowser reset = new HttpBrowser(nodeA.url(""));
		reset.get(path);
		assertThat(reset.post(path, Map.of("password", newPassword, "repeatPassword", newPassword)).status())
			.as("setting the new password on node-a")
			.isEqualTo(200);

		// Both sessions end, on whichever node they are used next.
		assertThat(onB.get("/entitlements").redirectPath()).as("node-a's session on node-b").startsWith("/login");
		assertThat(secondOnA.get("/entitlements").redirectPath()).as("node-b's session on node-a").startsWith("/login");
		assertThat(new HttpBrowser(nodeB.url("")).logIn(ClusterDatabase.SESSION_USER, newPassword).redirectPath())
			.isEqualTo("/entitlements");
		figure("Sessions: a login through the form on node-a opened List Entitlements on node-b as that user (and one made"
				+ " on node-b on node-a); a password reset asked for on node-b and set on node-a ended both sessions on"
				+ " the other node");
	}

	@Test
	@Order(1)
	void aRelationMadeInTheBackOfficeOnOneNodeIsSeenOnTheOtherAtOnce() throws Exception {
		// An Order Management user, made through /engine-rest as Camunda's administrator, as an operator would (a
		// Camunda user id has letters and digits only).
		String om = "omcluster";
		String omPassword = "Cluster-Order-Management-2026";
		assertThat(basic(nodeA, "POST", "/engine-rest/user/create", "admin", "cluster-admin",
				"{\"profile\": {\"id\": \"" + om + "\", \"firstName\": \"Olga\", \"lastName\": \"Cluster\","
						+ " \"email\": \"om@cluster.example\"}, \"credentials\": {\"password\": \"" + omPassword + "\"}}")
			.statusCode()).isEqualTo(204);
		assertThat(basic(nodeA, "PUT", "/engine-rest/group/order-management/members/" + om, "admin", "cluster-admin", "")
			.statusCode()).isEqualTo(204);

		String suffix = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
		java.net.http.HttpResponse<String> created = basic(nodeA, "POST", "/api/v1/back-office/accounts", om, omPassword,
				"{\"name\": \"Late Customer " + suffix + "\", \"type\": \"CUSTOMER\", \"customerNumber\": \"C-LATE-" + suffix
						+ "\"}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String customer = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).path("accountNumber").asText();
		ApiClient partnerOnB = new ApiClient(nodeB.url(""));
		ApiClient partnerOnA = new ApiClient(nodeA.url(""));
		assertThat(partnerOnB.get("/api/v1/accounts", userToken).body()).doesNotContain(customer);

		// Related on node-a: the partner's next request on node-b sees the customer; removed on node-b: gone on node-a.
		String relation = "/api/v1/back-office/relations/" + seeded.partnerNumber() + "/customers/" + customer;
		assertThat(basic(nodeA, "PUT", relation, om, omPassword, "").statusCode()).isEqualTo(204);
		assertThat(partnerOnB.get("/api/v1/accounts", userToken).body()).as("node-b, right after node-a related them")
			.contains(customer);
		assertThat(basic(nodeB, "DELETE", relation, om, omPassword, "").statusCode()).isEqualTo(204);
		assertThat(partnerOnA.get("/api/v1/accounts", adminToken).body()).as("node-a, right after node-b removed it")
			.doesNotContain(customer);
		figure("Back office: a customer related to the partner on node-a was in the partner's accounts on node-b at the next"
				+ " request, and gone on node-a at the next request after node-b removed the relation (no cache to wait for)");
	}

	/** A request with HTTP Basic credentials (Camunda's REST API, the back-office API). */
	private static java.net.http.HttpResponse<String> basic(PortalNode node, String method, String path, String user,
			String password, String json) throws Exception {
		String credentials = java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url(path)))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30));
		if (json.isEmpty()) {
			request.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json));
		}
		return java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	/** The first email to the recipient with this subject, waiting up to a minute (a job sends it). */
	private static MimeMessage awaitMail(String recipient, String subject) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : MailReader.to(TestMailServer.greenMail(), recipient)) {
				if (subject.equals(message.getSubject())) {
					return message;
				}
			}
			Thread.sleep(250);
		}
		throw new AssertionError("No \"" + subject + "\" to " + recipient + " within a minute");
	}

	@Test
	@Order(2)
	void thousandTransfersThroughBothNodesRunOnceEachWithEveryEmailOnce() throws Exception {
		List<Planned> plans = plan("load", TRANSFERS);
		TransferLoad load = new TransferLoad(List.of(nodeA, nodeB), CLIENTS, Duration.ofMinutes(2));
		long started = System.nanoTime();
		load.start(plans);
		List<Outcome> outcomes = load.finish(Duration.ofMinutes(15));
		double requestSeconds = (System.nanoTime() - started) / 1e9;
		awaitEnded("load", Duration.ofMinutes(5));
		double endSeconds = (System.nanoTime() - started) / 1e9;

		assertThat(outcomes).hasSize(TRANSFERS);
		assertThat(outcomes).as("refused transfers").allMatch(Outcome::accepted);
		Checked checked = checkTransfers("load", outcomes);
		assertThat(checked.jobsByNode()).as("successful jobs per node").containsOnlyKeys("node-a", "node-b");
		assertThat(checked.jobsByNode().values()).allMatch(jobs -> jobs > 0);
		assertThat(checked.lostMail()).as("emails lost").isEmpty();
		assertThat(checked.duplicated()).as("emails delivered more than once").isEmpty();
		checkChannels("after the load");

		Map<String, Long> answeredBy = outcomes.stream()
			.collect(Collectors.groupingBy(outcome -> outcome.last().node(), TreeMap::new, Collectors.counting()));
		figure("Load: %,d transfers (1 channel each, to related customers, automatic) by %d API clients alternating"
				+ " node-a/node-b: %,d accepted (%s), %,d of them at a second attempt; requests took %.0f s (%s), all"
				+ " ended after %.0f s", TRANSFERS, CLIENTS, outcomes.size(), answeredBy, retried(outcomes), requestSeconds,
				latency(outcomes), endSeconds);
		figure("Load: %d lost, %d half-done, %d executed twice: each transfer completed once (one process instance,"
				+ " ExecuteTransfer once in ACT_HI_ACTINST, RESERVED/TRANSFERRED_OUT/TRANSFERRED_IN once each); %,d jobs,"
				+ " each successful once: %s; %d failed runs retried", checked.lost(), checked.halfDone(), checked.twice(),
				checked.jobs(), checked.jobsByNode(), checked.failedJobRuns());
		figure("Load: %,d emails expected, %,d delivered once, %d lost, %d duplicated", checked.expectedMails(),
				checked.expectedMails() - checked.lostMail().size(), checked.lostMail().size(), checked.duplicated().size());
	}

	@Test
	@Order(3)
	void theDatabaseGoingAwayUnderLoadLosesNoAcceptedTransfer() throws Exception {
		TransferLoad load = loadUnderWay("outage");

		OutageProbes probes = new OutageProbes(List.of(nodeA, nodeB), adminToken, ClusterDatabase.PARTNER_ADMIN,
				ClusterDatabase.PASSWORD);
		long began = System.currentTimeMillis();
		restart.stop();
		probes.start();
		long stopped = System.currentTimeMillis();
		Thread.sleep(Math.max(0, OUTAGE_SECONDS * 1000L - (stopped - began)));
		probes.stop();
		restart.start(database::answers);
		long ended = System.currentTimeMillis();
		List<Outcome> outcomes = load.finish(Duration.ofMinutes(10));
		long afterRequests = System.currentTimeMillis();
		awaitEnded("outage", Duration.ofMinutes(5));
		double recovered = (System.currentTimeMillis() - ended) / 1000.0;

		List<Outcome> accepted = outcomes.stream().filter(Outcome::accepted).toList();
		assertThat(accepted).as("transfers accepted despite the outage (the clients retry)").hasSize(FAULT_TRANSFERS);
		Checked checked = checkTransfers("outage", outcomes);
		checkChannels("after the database outage");
		for (PortalNode node : List.of(nodeA, nodeB)) {
			assertThat(node.isAlive()).as(node.name() + " still running").isTrue();
			assertThat(new ApiClient(node.url("")).get("/api/v1/entitlements?size=10", adminToken).status())
				.as(node.name() + " reads the database again without a restart")
				.isEqualTo(200);
		}

		List<Attempt> duringOutage = outcomes.stream()
			.flatMap(outcome -> outcome.attempts().stream())
			.filter(attempt -> attempt.endedAt() >= began && attempt.startedAt() <= ended)
			.toList();
		List<OutageProbes.Answer> answers = new ArrayList<>(probes.answers());
		duringOutage.stream()
			.filter(Attempt::answered)
			.forEach(attempt -> answers.add(new OutageProbes.Answer(attempt.node(), "POST /api/v1/transfers",
					attempt.status(), attempt.contentType(), attempt.body())));
		Map<String, Long> statuses = answers.stream()
			.collect(Collectors.groupingBy(answer -> answer.what() + " " + answer.status(), TreeMap::new,
					Collectors.counting()));
		long dropped = duringOutage.stream().filter(attempt -> !attempt.answered()).count();
		figure("Database outage: %s for %.1f s (stop took %.1f s) while %,d transfers ran through both nodes; %,d requests"
				+ " in flight or sent meanwhile answered %s, %d without an answer; both nodes"
				+ " served again without a restart; all %,d accepted transfers ended %.0f s after the database was back"
				+ " (failed jobs retried after 1 minute, locked ones after the lock time)", restart.describe(),
				(ended - began) / 1000.0, (stopped - began) / 1000.0, FAULT_TRANSFERS, answers.size(), statuses, dropped,
				accepted.size(), recovered);
		figure("Database outage: %d lost, %d executed twice, %d half-done transfers, %d replayed by idempotency key after"
				+ " a lost answer; requests finished %.0f s after it; emails: %d lost, %d second copies (of mail jobs that"
				+ " ran to the end only after the database went)", checked.lost(), checked.twice(), checked.halfDone(),
				accepted.stream().filter(Outcome::replayed).count(),
				(afterRequests - ended) / 1000.0, checked.lostMail().size(), checked.duplicated().size());
		// A mail job under way when the database went may have sent and lost its commit: it ran to the end later.
		assertOnlyInterruptedMailRepeated(checked, mailTask -> succeededAfter(mailTask, began));
		answers.forEach(OutageProbes::assertFriendly);
	}

	@Test
	@Order(4)
	void aNodeKilledUnderLoadLosesNoAcceptedTransferAndTheOtherNodeFinishesItsJobs() throws Exception {
		TransferLoad load = loadUnderWay("kill");

		long killedAt = System.currentTimeMillis();
		nodeB.kill();
		List<Map<String, Object>> lockedAtKill = database.rows("""
				select j.ID_ as id, j.LOCK_OWNER_ as owner, j.LOCK_EXP_TIME_ as expires, j.PROCESS_INSTANCE_ID_ as process,
				 d.ACT_ID_ as activity from ACT_RU_JOB j left join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_
				 where j.LOCK_OWNER_ is not null""");
		// Node-a's jobs finish within a moment; what node-b held stays locked until its lock time runs out.
		Thread.sleep(5000);
		Set<String> stillLocked = database.rows("select ID_ as id, LOCK_OWNER_ as owner from ACT_RU_JOB where LOCK_OWNER_ is not null")
			.stream()
			.map(row -> row.get("id") + "/" + row.get("owner"))
			.collect(Collectors.toSet());
		List<Map<String, Object>> orphans = lockedAtKill.stream()
			.filter(row -> stillLocked.contains(row.get("id") + "/" + row.get("owner")))
			.toList();
		List<Outcome> outcomes = load.finish(Duration.ofMinutes(10));
		awaitEnded("kill", Duration.ofMinutes(5));
		double allEnded = (System.currentTimeMillis() - killedAt) / 1000.0;

		List<Outcome> accepted = outcomes.stream().filter(Outcome::accepted).toList();
		assertThat(accepted).as("transfers accepted (the clients move on to node-a)").hasSize(FAULT_TRANSFERS);
		Checked checked = checkTransfers("kill", outcomes);
		checkChannels("after the kill");

		// Each job node-b held at its death ran afterwards, on node-a, once its lock had expired.
		List<String> late = new ArrayList<>();
		double firstTakeover = Double.MAX_VALUE;
		double lastTakeover = 0;
		for (Map<String, Object> orphan : orphans) {
			List<Map<String, Object>> runs = database.rows("select HOSTNAME_ as node, TIMESTAMP_ as at from ACT_HI_JOB_LOG"
					+ " where JOB_ID_ = ? and JOB_STATE_ = 2", orphan.get("id"));
			assertThat(runs).as("successful runs of job %s that node-b held", orphan.get("id")).hasSize(1);
			assertThat(runs.get(0).get("node")).isEqualTo("node-a");
			Instant ran = timestamp(runs.get(0).get("at"));
			if (ran.isBefore(timestamp(orphan.get("expires")).minusSeconds(1))) {
				late.add(orphan.get("id") + " ran at " + ran + ", its lock expired at " + orphan.get("expires"));
			}
			double after = (ran.toEpochMilli() - killedAt) / 1000.0;
			firstTakeover = Math.min(firstTakeover, after);
			lastTakeover = Math.max(lastTakeover, after);
		}
		assertThat(late).as("jobs taken from node-b before their lock expired").isEmpty();

		// Emails: none lost; a second copy only where node-b may have sent one and died before it could commit.
		Set<String> held = orphans.stream()
			.map(orphan -> orphan.get("process") + "/" + orphan.get("activity"))
			.collect(Collectors.toSet());
		assertOnlyInterruptedMailRepeated(checked, held::contains);

		// Requests in flight on node-b when it died: each either had made its transfer whole (then node-a answered
		// the retry with it, 200) or had changed nothing (then node-a made it, 201).
		List<Outcome> inFlight = outcomes.stream()
			.filter(outcome -> outcome.attempts()
				.stream()
				.anyMatch(attempt -> attempt.node().equals("node-b") && !attempt.answered()
						&& attempt.startedAt() <= killedAt + 200 && attempt.endedAt() >= killedAt))
			.toList();
		long madeBeforeDeath = inFlight.stream().filter(Outcome::replayed).count();
		figure("Node kill: node-b SIGKILLed after %,d of %,d transfers were accepted; %d requests in flight on it: %d had"
				+ " committed (answer lost, node-a answered the retry with the same transfer), %d had changed nothing"
				+ " (node-a made them); all %,d accepted transfers complete, %d lost, %d executed twice, %d half-done",
				FAULT_TRANSFERS / 3, FAULT_TRANSFERS, inFlight.size(), madeBeforeDeath, inFlight.size() - madeBeforeDeath,
				accepted.size(), checked.lost(), checked.twice(), checked.halfDone());
		figure("Node kill: node-b held %d jobs at its death; node-a ran each once after its lock expired (%s); all"
				+ " transfers ended %.0f s after the kill; emails: %d lost, %d second copies (of jobs node-b held)",
				orphans.size(), orphans.isEmpty() ? "none to take over"
						: String.format(Locale.ROOT, "%.0f-%.0f s after the kill", firstTakeover, lastTakeover),
				allEnded, checked.lostMail().size(), checked.duplicated().size());
	}

	@Test
	@Order(5)
	void theExpiryReminderTimerFiredOncePerDueTimeOnEitherNodeAndEachDigestWentOutOnce() throws Exception {
		List<Map<String, Object>> fires = database.rows("""
				select JOB_DUEDATE_ as due, HOSTNAME_ as node, count(*) as runs from ACT_HI_JOB_LOG
				 where JOB_DEF_TYPE_ = 'timer-start-event' and PROCESS_DEF_KEY_ = 'license-expiry-reminder' and JOB_STATE_ = 2
				 group by JOB_DUEDATE_, HOSTNAME_ order by JOB_DUEDATE_""");
		Map<Object, Long> runsPerDueTime = fires.stream()
			.collect(Collectors.groupingBy(row -> row.get("due"), Collectors.summingLong(row -> ((Number) row.get("runs")).longValue())));
		Map<Object, Long> byNode = fires.stream()
			.collect(Collectors.groupingBy(row -> row.get("node"), TreeMap::new,
					Collectors.summingLong(row -> ((Number) row.get("runs")).longValue())));
		long instances = database.count("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'license-expiry-reminder'");

		assertThat(runsPerDueTime).as("due times the timer fired at").hasSizeGreaterThanOrEqualTo(3);
		assertThat(runsPerDueTime.values()).as("fires per due time").allMatch(runs -> runs == 1);
		assertThat(instances).as("reminder process instances, one per fire").isEqualTo(runsPerDueTime.size());

		Map<String, Integer> mail = SentMail.count(TestMailServer.greenMail(), BASE_URL);
		String account = ClusterDatabase.customerName(1);
		for (String administrator : List.of(ClusterDatabase.customerAdmin(1), ClusterDatabase.SECOND_CUSTOMER_ADMIN)) {
			assertThat(mail.get(SentMail.digest(administrator, account))).as("digests to " + administrator).isEqualTo(1);
		}
		long digests = mail.keySet().stream().filter(key -> key.startsWith("digest|")).count();
		assertThat(digests).as("digests in all").isEqualTo(2);
		figure("Expiry reminders: timer '%s' fired at %d due times, once each (%s), %d process instances; 2 digests"
				+ " (one per administrator of the account with an expiring license), none doubled", REMINDER_CYCLE,
				runsPerDueTime.size(), byNode, instances);
	}

	/** Transfers of 1 channel from the partner's licenses to its customers, a third added to a license they have. */
	private static List<Planned> plan(String phase, int count) {
		List<Planned> plans = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String source = seeded.bulk().get(i % seeded.bulk().size());
			String target = seeded.customerNumbers().get((i / seeded.bulk().size()) % ClusterDatabase.CUSTOMERS);
			String addTo = i % 3 == 0 ? seeded.addTo().get(target + "/" + seeded.productOf().get(source)) : null;
			String json = "{\"activationId\":\"" + source + "\",\"amount\":1,\"targetAccountNumber\":\"" + target + "\""
					+ (addTo == null ? "" : ",\"addToActivationId\":\"" + addTo + "\"") + "}";
			plans.add(new Planned(i, "cluster-" + phase + "-" + i, (i / 2) % 2 == 0 ? adminToken : userToken, json));
		}
		return plans;
	}

	/** {@value #FAULT_TRANSFERS} transfers through both nodes, a third of them accepted already: time for a fault. */
	private static TransferLoad loadUnderWay(String phase) throws InterruptedException {
		TransferLoad load = new TransferLoad(List.of(nodeA, nodeB), CLIENTS, Duration.ofMinutes(3));
		load.start(plan(phase, FAULT_TRANSFERS));
		load.awaitAccepted(FAULT_TRANSFERS / 3, Duration.ofMinutes(5));
		return load;
	}

	/** Waits until every transfer of the phase has ended and its process instance with it. */
	private static void awaitEnded(String phase, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long lastReport = 0;
		while (true) {
			long open = database.count("select count(*) from channel_transfer where idempotency_key like ? and state not in"
					+ " ('COMPLETED', 'REJECTED', 'EXPIRED', 'CANCELLED')", "cluster-" + phase + "-%");
			long running = database.count("select count(*) from ACT_RU_EXECUTION e join channel_transfer t on"
					+ " t.process_instance_id = e.PROC_INST_ID_ where t.idempotency_key like ?", "cluster-" + phase + "-%");
			if (open == 0 && running == 0) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(open + " transfers of '" + phase + "' still open, " + running
						+ " executions running after " + timeout + "\nnode-a:\n" + nodeA.logTail(40) + "\nnode-b:\n"
						+ nodeB.logTail(40));
			}
			if (System.nanoTime() - lastReport > 15e9) {
				System.out.printf("[cluster] %s: %d transfers open, %d executions running%n", phase, open, running);
				lastReport = System.nanoTime();
			}
			Thread.sleep(500);
		}
	}

	/**
	 * What the database and the mailboxes say about a phase's transfers: how many there are (and how many of those
	 * no client heard of), lost, half-done and done twice; the jobs and who ran them; the emails.
	 */
	record Checked(long transfers, long unanswered, long lost, long halfDone, long twice, long jobs,
			Map<String, Long> jobsByNode, long failedJobRuns, int expectedMails, List<String> lostMail,
			List<String> duplicated, Map<String, String> mailTaskOf) {
	}

	/**
	 * Every accepted transfer of the phase is there once and complete; no transfer of the phase is half-done, none
	 * ran twice; every job ran successfully once; every email its process sent arrived, and how often.
	 */
	private static Checked checkTransfers(String phase, List<Outcome> outcomes) throws Exception {
		String keys = "cluster-" + phase + "-%";
		Map<String, Map<String, Object>> rows = database.rows("""
				select transfer_number, idempotency_key, state, executed_at, result_line_item_id, process_instance_id
				 from channel_transfer where idempotency_key like ?""", keys)
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("idempotency_key"), row -> row));
		// Lost: accepted (2xx), but not there as the transfer the answer named.
		List<String> lost = outcomes.stream()
			.filter(Outcome::accepted)
			.filter(outcome -> !rows.containsKey(outcome.planned().key())
					|| !rows.get(outcome.planned().key()).get("transfer_number").equals(outcome.transferNumber()))
			.map(outcome -> outcome.planned().key() + " answered " + outcome.transferNumber())
			.toList();

		// Half-done: not completed, or its line items' history or its process not exactly what one transfer leaves.
		Map<String, Map<String, Long>> events = new HashMap<>();
		for (Map<String, Object> row : database.rows("""
				select t.transfer_number, e.event_type, count(*) as events from license_event e
				 join channel_transfer t on e.reference = t.transfer_number where t.idempotency_key like ?
				 group by t.transfer_number, e.event_type""", keys)) {
			events.computeIfAbsent((String) row.get("transfer_number"), number -> new TreeMap<>())
				.put((String) row.get("event_type"), ((Number) row.get("events")).longValue());
		}
		Map<String, Long> once = Map.of("RESERVED", 1L, "TRANSFERRED_OUT", 1L, "TRANSFERRED_IN", 1L);
		List<String> halfDone = new ArrayList<>();
		for (Map<String, Object> row : rows.values()) {
			Object number = row.get("transfer_number");
			if (!"COMPLETED".equals(row.get("state")) || row.get("executed_at") == null
					|| row.get("result_line_item_id") == null || !once.equals(events.get(number))) {
				halfDone.add(number + ": " + row.get("state") + ", history " + events.get(number));
			}
		}
		database.rows("""
				select t.transfer_number, count(p.ID_) as instances,
				 sum(case when p.END_ACT_ID_ = 'TransferCompleted' then 1 else 0 end) as completed
				 from channel_transfer t left join ACT_HI_PROCINST p
				  on p.BUSINESS_KEY_ = t.transfer_number and p.PROC_DEF_KEY_ = 'ChannelTransfer'
				 where t.idempotency_key like ? group by t.transfer_number
				 having count(p.ID_) <> 1 or sum(case when p.END_ACT_ID_ = 'TransferCompleted' then 1 else 0 end) <> 1""", keys)
			.forEach(row -> halfDone.add(row.get("transfer_number") + ": " + row.get("instances")
					+ " process instances, " + row.get("completed") + " completed"));
		database.rows("""
				select p.BUSINESS_KEY_ as number from ACT_HI_PROCINST p where p.PROC_DEF_KEY_ = 'ChannelTransfer'
				 and not exists (select 1 from channel_transfer t where t.transfer_number = p.BUSINESS_KEY_)""")
			.forEach(row -> halfDone.add("a process for " + row.get("number") + " without its transfer"));

		// Twice: a step of the transfer recorded more than once.
		List<String> twice = database.rows("""
				select t.transfer_number, a.ACT_ID_ as activity, count(*) as runs from ACT_HI_ACTINST a
				 join channel_transfer t on t.process_instance_id = a.PROC_INST_ID_
				 where t.idempotency_key like ?
				  and a.ACT_ID_ in ('ExecuteTransfer', 'SendChannelsReceived', 'SendTransferCompleted')
				 group by t.transfer_number, a.ACT_ID_ having count(*) <> 1""", keys)
			.stream()
			.map(row -> row.get("transfer_number") + " " + row.get("activity") + " " + row.get("runs") + " times")
			.collect(Collectors.toCollection(ArrayList::new));
		assertThat(lost).as("accepted transfers lost").isEmpty();
		assertThat(halfDone).as("half-done transfers").isEmpty();
		assertThat(twice).as("transfer steps that did not run exactly once").isEmpty();

		List<Map<String, Object>> jobRuns = database.rows("""
				select j.JOB_ID_ as job, j.HOSTNAME_ as node, j.JOB_STATE_ as state from ACT_HI_JOB_LOG j
				 join channel_transfer t on t.process_instance_id = j.PROCESS_INSTANCE_ID_
				 where t.idempotency_key like ? and j.JOB_STATE_ in (1, 2)""", keys);
		Map<Object, Long> successesPerJob = jobRuns.stream()
			.filter(run -> ((Number) run.get("state")).intValue() == 2)
			.collect(Collectors.groupingBy(run -> run.get("job"), Collectors.counting()));
		successesPerJob.forEach((job, runs) -> {
			if (runs != 1) {
				twice.add("job " + job + " successful " + runs + " times");
			}
		});
		assertThat(twice).as("jobs successful more than once").isEmpty();
		Map<String, Long> jobsByNode = jobRuns.stream()
			.filter(run -> ((Number) run.get("state")).intValue() == 2)
			.collect(Collectors.groupingBy(run -> (String) run.get("node"), TreeMap::new, Collectors.counting()));
		long failedRuns = jobRuns.stream().filter(run -> ((Number) run.get("state")).intValue() == 1).count();

		// The emails each process sent, by the recipients it named, against what GreenMail received.
		Map<String, String> mailTaskOf = new HashMap<>();
		Map<String, Map<String, Object>> variables = new HashMap<>();
		for (Map<String, Object> row : database.rows("""
				select t.transfer_number, t.process_instance_id, v.NAME_ as name, v.TEXT_ as text, v.LONG_ as number
				 from channel_transfer t join ACT_HI_VARINST v on v.PROC_INST_ID_ = t.process_instance_id
				 where t.idempotency_key like ? and v.NAME_ in
				  ('receivedMailTo', 'completedMailTo', 'receivedActivationId', 'receivedTotal')""", keys)) {
			Map<String, Object> of = variables.computeIfAbsent((String) row.get("transfer_number"), number -> new HashMap<>());
			of.put("process", row.get("process_instance_id"));
			of.put((String) row.get("name"), row.get("number") != null ? row.get("number") : row.get("text"));
		}
		Set<String> expected = new HashSet<>();
		variables.forEach((number, of) -> {
			for (String recipient : recipients(of.get("completedMailTo"))) {
				String key = SentMail.completed(recipient, number);
				expected.add(key);
				mailTaskOf.put(key, of.get("process") + "/SendTransferCompleted");
			}
			for (String recipient : recipients(of.get("receivedMailTo"))) {
				String key = SentMail.received(recipient, (String) of.get("receivedActivationId"),
						((Number) of.get("receivedTotal")).longValue());
				expected.add(key);
				mailTaskOf.put(key, of.get("process") + "/SendChannelsReceived");
			}
		});
		assertThat(variables).as("transfers with their email variables").hasSize(rows.size());
		expectedMail.put(phase, expected);
		Map<String, Integer> delivered = SentMail.count(TestMailServer.greenMail(), BASE_URL);
		List<String> lostMail = expected.stream().filter(key -> !delivered.containsKey(key)).sorted().toList();
		List<String> duplicated = expected.stream().filter(key -> delivered.getOrDefault(key, 0) > 1).sorted().toList();
		Set<String> allExpected = expectedMail.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
		List<String> unexpected = delivered.keySet()
			.stream()
			.filter(key -> key.startsWith("completed|") || key.startsWith("received|"))
			.filter(key -> !allExpected.contains(key))
			.toList();
		assertThat(unexpected).as("transfer emails no process sent").isEmpty();
		long unanswered = rows.keySet()
			.stream()
			.filter(key -> outcomes.stream().noneMatch(outcome -> outcome.accepted() && outcome.planned().key().equals(key)))
			.count();
		return new Checked(rows.size(), unanswered, lost.size(), halfDone.size(), twice.size(), successesPerJob.size(),
				jobsByNode, failedRuns, expected.size(), lostMail, duplicated, mailTaskOf);
	}

	/** Whether the mail task ({@code processInstanceId/activityId}) ran to the end at or after {@code epochMillis}. */
	private static boolean succeededAfter(String mailTask, long epochMillis) {
		String[] task = mailTask.split("/");
		return database.rows("select TIMESTAMP_ as at from ACT_HI_JOB_LOG where PROCESS_INSTANCE_ID_ = ? and ACT_ID_ = ?"
				+ " and JOB_STATE_ = 2", task[0], task[1])
			.stream()
			// The job log keeps whole seconds.
			.anyMatch(run -> !timestamp(run.get("at")).isBefore(Instant.ofEpochMilli(epochMillis).minusSeconds(1)));
	}

	/**
	 * No email lost; a second copy only of an email whose job the fault interrupted: it had sent the email and could
	 * not commit, so the engine ran it again. SMTP is not part of the database transaction: the portal sends at
	 * least once.
	 */
	private static void assertOnlyInterruptedMailRepeated(Checked checked, Predicate<String> interrupted) {
		assertThat(checked.lostMail()).as("emails lost").isEmpty();
		for (String key : checked.duplicated()) {
			assertThat(interrupted.test(checked.mailTaskOf().get(key)))
				.as("a second copy of %s, whose mail job %s the fault did not interrupt", key, checked.mailTaskOf().get(key))
				.isTrue();
		}
	}

	/** The invariant right now: every product has the channels it started with, all accounted for, none reserved. */
	private static void checkChannels(String when) {
		Map<String, Channels> now = database.channels();
		baseline.forEach((product, before) -> {
			Channels after = now.get(product);
			assertThat(after.total()).as(product + " channels in line items " + when).isEqualTo(before.total());
			assertThat(after.existing()).as(product + " available + reserved + on devices " + when).isEqualTo(before.total());
			assertThat(after.reserved()).as(product + " channels still reserved " + when).isZero();
			assertThat(after.lowestAvailable()).as(product + " lowest available " + when).isNotNegative();
			assertThat(after.notAddingUp()).as(product + " line items that do not add up " + when).isZero();
		});
		figure("Channels %s: %s", when, now.entrySet()
			.stream()
			.map(entry -> String.format(Locale.ROOT, "%s %,d (was %,d) on %,d line items, %d on devices",
					entry.getKey(), entry.getValue().total(), baseline.get(entry.getKey()).total(),
					entry.getValue().lineItems(), entry.getValue().onDevices()))
			.collect(Collectors.joining("; ")));
	}

	private static List<String> recipients(Object list) {
		if (list == null || list.toString().isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(list.toString().split(",")).map(String::strip).map(String::toLowerCase).toList();
	}

	/** Median and 95th percentile of the answered attempts' durations. */
	private static String latency(List<Outcome> outcomes) {
		long[] millis = outcomes.stream()
			.flatMap(outcome -> outcome.attempts().stream())
			.filter(Attempt::answered)
			.mapToLong(attempt -> attempt.endedAt() - attempt.startedAt())
			.sorted()
			.toArray();
		return String.format(Locale.ROOT, "p50 %d ms, p95 %d ms per request", millis[millis.length / 2],
				millis[(int) (millis.length * 0.95)]);
	}

	private static long retried(List<Outcome> outcomes) {
		return outcomes.stream().filter(outcome -> outcome.attempts().size() > 1).count();
	}

	private static Instant timestamp(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.LocalDateTime local) {
			return local.toInstant(java.time.ZoneOffset.UTC);
		}
		throw new IllegalArgumentException("Not a time: " + value);
	}

	static void figure(String format, Object... arguments) {
		String line = String.format(Locale.ROOT, format, arguments);
		FIGURES.add("- " + line);
		System.out.println("[cluster] " + line);
	}

}
