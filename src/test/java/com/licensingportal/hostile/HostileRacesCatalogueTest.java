package com.licensingportal.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import com.licensingportal.account.AccountType;
import com.licensingportal.mail.MailReader;
import com.licensingportal.passwordreset.PasswordResetProcess;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.salesorder.SalesOrderRequest;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hostile-input catalogue's races: the same request many times at the same moment, over real HTTP, from
 * one client address (X-Forwarded-For from the loopback proxy). Every limit holds exactly, every answer is the
 * limit's 429 or the request's own answer, never a 5xx, and the database holds what one request at a time would
 * have left.
 */
class HostileRacesCatalogueTest extends PortalIntegrationTest {

	/** The password of the Camunda user a test makes. */
	private static final String PASSWORD = "Races-Correct-Horse-7";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	IdentityService identity;

	private final List<Long> userIds = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@AfterEach
	void endResets() {
		this.userIds.forEach(id -> ProcessJobs.endRunning(this.runtime, PasswordResetProcess.PROCESS_KEY, String.valueOf(id)));
	}

	@Test
	void fiftyParallelWrongPasswordsForOneEmailFromOneAddressAreCheckedTenTimesAndTheRightOneLastIsRefused() throws Exception {
		PortalUser user = user();
		String address = publicAddress();

		Map<Integer, Integer> statuses = parallel(50, () -> tokenCall(user.getEmail(), "wrong-" + UUID.randomUUID(), address));

		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(401, 10, 429, 40));
		assertThat(tokenCall(user.getEmail(), LicenseFixtures.PASSWORD, address)).isEqualTo(429);
		assertThat(this.jdbc.queryForObject("select count(*) from login_failure where email = ? and client_address = ?",
				Long.class, user.getEmail(), address)).isEqualTo(10);
		// Nobody locks a user out from elsewhere.
		assertThat(tokenCall(user.getEmail(), LicenseFixtures.PASSWORD, publicAddress())).isEqualTo(201);
	}

	@Test
	void twentyParallelForgotPasswordRequestsForOneUserStartOneResetWithOneLiveLink() throws Exception {
		PortalUser user = user();
		String address = publicAddress();
		List<HttpBrowser> browsers = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			HttpBrowser browser = new HttpBrowser(baseUrl());
			browser.get("/forgot-password", "X-Forwarded-For", address);
			browsers.add(browser);
		}
		int[] next = { 0 };

		Map<Integer, Integer> statuses = parallel(20, () -> {
			HttpBrowser browser;
			synchronized (next) {
				browser = browsers.get(next[0]++);
			}
			return browser.post("/forgot-password", Map.of("email", user.getEmail()), "X-Forwarded-For", address).status();
		});

		// 3 per email an hour: exactly 3 asked, the others told to wait; none failed.
		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(200, 3, 429, 17));
		List<String> resets = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PasswordResetProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.list()
			.stream()
			.map(instance -> instance.getId())
			.toList();
		assertThat(resets).hasSize(1);
		ProcessJobs.executeDue(this.management, resets.get(0));
		assertThat(this.jdbc.queryForObject(
				"select count(*) from link_token where user_id = ? and purpose = 'PASSWORD_RESET'", Long.class, user.getId()))
			.isEqualTo(1);
		assertThat(MailReader.waitFor(greenMail(), user.getEmail(), 1)).hasSize(1);
	}

	@Test
	void thirtyParallelWrongEngineRestLoginsAsOmFromOneAddressNeitherPassNorLockOmOutElsewhere() throws Exception {
		CamundaUser om = new LicenseFixtures(this.context).orderManager();
		String address = publicAddress();

		Map<Integer, Integer> statuses = parallel(30, () -> engineRest(om.id(), "wrong-" + UUID.randomUUID(), address));

		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(401, 10, 429, 20));
		assertThat(engineRest(om.id(), om.password(), address)).isEqualTo(429);
		assertThat(engineRest(om.id(), om.password(), publicAddress())).isEqualTo(200);
		assertThat(this.identity.checkPassword(om.id(), om.password())).isTrue();
	}

	@Test
	void parallelWrongCockpitLoginsAsOmFromOneAddressNeitherPassNorLockOmOutElsewhere() throws Exception {
		CamundaUser om = new LicenseFixtures(this.context).orderManager();
		String address = publicAddress();

		List<Callable<Integer>> logins = new ArrayList<>();
		for (int i = 0; i < 15; i++) {
			logins.add(webappLogin(om.id(), () -> "wrong-" + UUID.randomUUID(), address));
		}
		int[] next = { 0 };

		Map<Integer, Integer> statuses = parallel(15, () -> {
			Callable<Integer> login;
			synchronized (next) {
				login = logins.get(next[0]++);
			}
			return login.call();
		});

		assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(401, 10, 429, 5));
		assertThat(webappLogin(om.id(), om::password, address).call()).isEqualTo(429);
		assertThat(webappLogin(om.id(), om::password, publicAddress()).call()).isEqualTo(200);
	}

	@Test
	void elevenWrongEngineRestLoginsFromElsewhereDoNotLockTheCamundaUser() throws Exception {
		String id = "races" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		var camundaUser = this.identity.newUser(id);
		camundaUser.setPassword(PASSWORD);
		this.identity.saveUser(camundaUser);
		try {
			for (int i = 0; i < 11; i++) {
				assertThat(engineRest(id, "wrong-" + i, publicAddress())).isEqualTo(401);
			}
			assertThat(engineRest(id, PASSWORD, publicAddress())).isEqualTo(200);
		}
		finally {
			this.identity.deleteUser(id);
		}
	}

	@Test
	void thirtyParallelCallsWithTheRightPasswordFromOneAddressAreNeverRefused() throws Exception {
		// The order system sends many orders at once, a script many /engine-rest calls: a try counted as failed
		// before its password is checked would refuse the 11th of them, though every password is right.
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		CamundaUser om = fixtures.orderManager();
		CamundaUser erp = fixtures.orderSystem();
		String order = fixtures.enteredSalesOrder(fixtures.numbered(LicenseFixtures.unique("Races"), AccountType.CUSTOMER),
				new SalesOrderRequest.Line(1, "ACC7-ENT-CH", "7.14", 2, null)).orderNumber();
		String address = publicAddress();
		assertThat(parallel(30, () -> engineRest(om.id(), om.password(), address))).containsExactlyEntriesOf(Map.of(200, 30));
		assertThat(parallel(30, () -> send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/sales-orders/" + order))
			.header("Authorization", erp.basic())
			.header("X-Forwarded-For", address)
			.GET()))).containsExactlyEntriesOf(Map.of(200, 30));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE client_address = ?", Integer.class,
				address)).as("failures counted at that address").isZero();
	}

	// ---------------------------------------------------------------------------------------------------------

	/** The requests at the same moment (released together), counted by status. Fails on any 5xx. */
	private static Map<Integer, Integer> parallel(int count, Callable<Integer> request) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return request.call();
				}));
			}
			start.countDown();
			Map<Integer, Integer> statuses = new TreeMap<>();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(), 1, Integer::sum);
			}
			assertThat(statuses.keySet()).as("statuses %s", statuses).allMatch(status -> status < 500);
			return statuses;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private int tokenCall(String email, String password, String address) throws Exception {
		String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private int engineRest(String user, String password, String address) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest/task?maxResults=1"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("X-Forwarded-For", address)
			.GET());
	}

	/** The webapps' login form as Cockpit sends it: with the CSRF token Camunda gave the browser. */
	private Callable<Integer> webappLogin(String user, Supplier<String> password, String address) {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		browser.get("/camunda/app/welcome/default/", "X-Forwarded-For", address);
		String csrf = browser.cookie("XSRF-TOKEN");
		assertThat(csrf).as("Camunda's CSRF cookie").isNotNull();
		return () -> browser.send(HttpRequest.newBuilder(browser.uri("/camunda/api/admin/auth/user/default/login/cockpit"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", csrf)
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(HttpBrowser.formBody("username", user, "password", password.get()))))
			.status();
	}

	private int send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}


	/** A client address outside every trusted proxy range, the test's own (counts are kept across runs on MariaDB). */
	static String publicAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}


	/** An active Customer Administrator of an account of their own, with {@link LicenseFixtures#PASSWORD}. */
	private PortalUser user() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		PortalUser user = fixtures.user("Races", fixtures.customer(LicenseFixtures.unique("Races")),
				UserType.CUSTOMER_ADMINISTRATOR);
		this.userIds.add(user.getId());
		return user;
	}

}
