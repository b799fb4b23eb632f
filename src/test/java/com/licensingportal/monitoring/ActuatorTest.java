package com.licensingportal.monitoring;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.transfer.ChannelTransferRepository;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator's probes and Prometheus see, over real HTTP: liveness and readiness for anyone (status only),
 * details and metrics for the management credential, readiness DOWN while the database is away, the portal's
 * meters moving with a transfer, an activation and its emails, and the request id of every answer.
 */
class ActuatorTest extends PortalIntegrationTest {

	private static final String MANAGEMENT = "Basic "
			+ Base64.getEncoder().encodeToString("prometheus:test-management".getBytes(StandardCharsets.UTF_8));

	@Autowired
	ApplicationContext context;

	@Autowired
	ManagementService management;

	@Autowired
	ChannelTransferRepository transfers;

	@Autowired
	DataSource dataSource;

	private HttpBrowser http;

	@BeforeEach
	void client() {
		this.http = new HttpBrowser(baseUrl());
	}

	@Test
	void livenessAndReadinessAnswerAnyoneWithTheirStatusAlone() throws Exception {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health" }) {
			HttpBrowser.Page answer = this.http.get(probe);
			assertThat(answer.status()).as(probe).isEqualTo(200);
			assertThat(new ObjectMapper().readTree(answer.body()).properties()).as(probe)
				.extracting(java.util.Map.Entry::getKey)
				.containsAnyOf("status")
				.isSubsetOf("status", "groups");
			assertThat(answer.body()).contains("\"UP\"");
		}
	}

	@Test
	void theManagementCredentialSeesWhatReadinessIsMadeOfAndTheMailServerApart() throws Exception {
		JsonNode readiness = new ObjectMapper()
			.readTree(this.http.get("/actuator/health/readiness", "Authorization", MANAGEMENT).body());
		assertThat(readiness.get("components").properties()).extracting(java.util.Map.Entry::getKey)
			.contains("db", "flyway", "readinessState")
			.doesNotContain("mailServer");
		assertThat(readiness.at("/components/flyway/details/pending").asInt()).isZero();

		JsonNode health = new ObjectMapper().readTree(this.http.get("/actuator/health", "Authorization", MANAGEMENT).body());
		assertThat(health.at("/components/mailServer/status").asText()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asText()).isEqualTo("UP");
	}

	@Test
	void metricsAreForTheManagementCredentialOnly() {
		assertThat(this.http.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(this.http.get("/actuator/prometheus", "Authorization", "Basic "
				+ Base64.getEncoder().encodeToString("prometheus:guess".getBytes(StandardCharsets.UTF_8))).status())
			.isEqualTo(401);
		assertThat(this.http.get("/actuator", "Authorization", "Basic "
				+ Base64.getEncoder().encodeToString("prometheus:guess".getBytes(StandardCharsets.UTF_8))).status())
			.isEqualTo(401);

		HttpBrowser.Page metrics = this.http.get("/actuator/prometheus", "Authorization", MANAGEMENT);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metric("portal_ready{", "application")).isEqualTo(1);
		assertThat(metrics.body()).contains("http_server_requests_seconds_count{", "uri=\"/actuator/prometheus\"",
				"hikaricp_connections_active", "jvm_memory_used_bytes", "portal_transfers{", "state=\"no_longer_possible\"", "portal_sales_orders{", "portal_incidents",
				"portal_jobs_failed", "portal_ready", "portal_registration_requests_waiting", "portal_transfers_approval_oldest_seconds");
	}

	@Test
	void thePortalsMetersMoveWithATransferAnActivationAndTheirEmails() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account customer = fixtures.customer(LicenseFixtures.unique("Metrics customer"));
		Account partner = fixtures.partnerOf(LicenseFixtures.unique("Metrics partner"), customer);
		PortalUser admin = fixtures.user("Metrics", partner, UserType.PARTNER_ADMINISTRATOR);
		fixtures.user("Receiver", customer, UserType.CUSTOMER_ADMINISTRATOR);
		LineItem license = fixtures.lineItem(partner, fixtures.product(LicenseFixtures.unique("MET")), 20, LocalDate.now().plusYears(1));
		double completed = metric("portal_transfers{", "state=\"completed\"");
		double activations = metric("portal_activations_total{", "kind=\"online\"");
		double sent = metric("portal_emails_total{", "outcome=\"sent\"");

		ApiClient api = new ApiClient(baseUrl());
		String token = fixtures.apiToken(admin);
		ApiClient.Answer created = api.postJson("/api/v1/transfers", token, "{\"activationId\": \"" + license.getActivationId()
				+ "\", \"amount\": 3, \"targetAccountNumber\": \"" + customer.getAccountNumber() + "\"}");
		assertThat(created.status()).isEqualTo(201);
		String transferNumber = created.json().get("id").asText();
		ProcessJobs.executeDue(this.management,
				this.transfers.findByTransferNumber(transferNumber).orElseThrow().getProcessInstanceId());
		fixtures.activateOnNewDevice(fixtures.reload(license), 2, LicenseFixtures.unique("METRICS-NVR"));

		// The gauges are read from the database at most every 5 seconds.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (metric("portal_transfers{", "state=\"completed\"") == completed && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		assertThat(metric("portal_transfers{", "state=\"completed\"")).isEqualTo(completed + 1);
		assertThat(metric("portal_activations_total{", "kind=\"online\"")).isEqualTo(activations + 1);
		assertThat(metric("portal_emails_total{", "outcome=\"sent\"")).as("submitted, channels received, completed")
			.isGreaterThanOrEqualTo(sent + 2);
	}

	@Test
	void everyAnswerNamesItsRequestIdAndASaneOneSentByTheLoadBalancerIsKept() {
		String mine = "lb-" + UUID.randomUUID();
		assertThat(this.http.get("/login", "X-Request-Id", mine).header("X-Request-Id")).isEqualTo(mine);
		String generated = this.http.get("/login").header("X-Request-Id");
		assertThat(generated).hasSize(36);
		assertThat(this.http.get("/login", "X-Request-Id", "<script>").header("X-Request-Id")).isNotEqualTo("<script>")
			.hasSize(36);
		assertThat(this.http.get("/no-such-page").header("X-Request-Id")).hasSize(36);
	}

	@Test
	void readinessIsDownWhileTheDatabaseIsAwayAndUpAgainAfterwards() throws Exception {
		assertThat(this.http.get("/actuator/health/readiness").status()).isEqualTo(200);
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		String password = pool.getPassword();
		HttpBrowser.Page down;
		HttpBrowser.Page liveness;
		try {
			pool.getHikariConfigMXBean().setPassword("not-the-password-" + UUID.randomUUID());
			pool.getHikariPoolMXBean().softEvictConnections();
			CompletableFuture<HttpBrowser.Page> probe = CompletableFuture.supplyAsync(() -> this.http.get("/actuator/health/readiness"));
			liveness = this.http.get("/actuator/health/liveness");
			down = probe.get(2, TimeUnit.MINUTES);
		}
		finally {
			pool.getHikariConfigMXBean().setPassword(password);
		}
		assertThat(down.status()).isEqualTo(503);
		assertThat(down.body()).contains("\"DOWN\"").doesNotContainIgnoringCase("hikari").doesNotContainIgnoringCase("sql");
		assertThat(liveness.status()).as("a node without its database is alive: restarting it would not help").isEqualTo(200);
		assertThat(this.http.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void configuredNetworksCountAsTheManagementCredential() {
		ManagementSecurityConfiguration.NetworkAuthentication networks = new ManagementSecurityConfiguration.NetworkAuthentication(
				" 10.0.0.0/8, fd00::/8 ,192.168.1.7/32");
		assertThat(networks.allowed("10.20.30.40")).isTrue();
		assertThat(networks.allowed("192.168.1.7")).isTrue();
		assertThat(networks.allowed("fd12::1")).isTrue();
		assertThat(networks.allowed("192.168.1.8")).isFalse();
		assertThat(networks.allowed("127.0.0.1")).isFalse();
		assertThat(new ManagementSecurityConfiguration.NetworkAuthentication("").allowed("127.0.0.1")).isFalse();
	}

	/** The value of the first sample of this metric whose labels contain {@code label} (0 when there is none yet). */
	private double metric(String nameAndBrace, String label) {
		String text = this.http.get("/actuator/prometheus", "Authorization", MANAGEMENT).body();
		return text.lines()
			.filter(line -> line.startsWith(nameAndBrace) && line.contains(label))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

}
