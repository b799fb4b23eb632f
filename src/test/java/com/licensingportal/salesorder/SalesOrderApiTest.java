package com.licensingportal.salesorder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemHistory;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/sales-orders} over real HTTP as the order system calls it: HTTP Basic as a Camunda user of the
 * group {@code order-intake} (the demo's {@code erp}), 202 and
 * Location, the same order again 200, other content 409, bad fields 422, unknown fields 400, other callers 404,
 * failed logins throttled, ten identical requests at once one order, and a line cancelled.
 */
class SalesOrderApiTest extends SalesOrderTestSupport {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	LineItemHistory history;

	/** The management credential of the test suite (application-test.yml). */
	private static final String MANAGEMENT = basic("prometheus", "test-management");

	record Answer(int status, String body, HttpResponse<String> response) {

		JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (Exception ex) {
				throw new AssertionError("Not JSON: " + this.body, ex);
			}
		}

	}

	Answer post(String path, String authorization, String body) {
		return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Answer get(String path, String authorization) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return send(request);
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(), response);
		}
		catch (Exception ex) {
			throw new AssertionError(ex);
		}
	}

	@Test
	void aNewOrderIsAcceptedTheSameOrderAgainAnswersTheSameAndOtherContentConflicts() {
		Account customer = accountWithCustomerNumber("Api Customer", AccountType.CUSTOMER);
		this.fixtures.user("ApiAdmin", customer, UserType.CUSTOMER_ADMINISTRATOR);
		SalesOrderRequest order = order(orderNumber(), customer.getCustomerNumber(), AccountType.CUSTOMER, "Api Customer",
				newLicense(1, "ACC7-ENT-CH", 16), newLicense(2, "ACC7-STD-CH", 4));

		Answer accepted = post("/api/v1/sales-orders", this.erpBasic, json(order));

		assertThat(accepted.status()).isEqualTo(202);
		assertThat(accepted.response().headers().firstValue("Location")).hasValue("/api/v1/sales-orders/" + order.orderNumber());
		assertThat(accepted.json().get("state").asText()).isEqualTo("RECEIVED");

		Answer again = post("/api/v1/sales-orders", this.erpBasic, json(order));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("orderNumber").asText()).isEqualTo(order.orderNumber());
		assertThat(this.jdbc.queryForObject("select count(*) from sales_order where order_number = ?", Integer.class,
				order.orderNumber())).isEqualTo(1);

		SalesOrderRequest changed = new SalesOrderRequest(order.orderNumber(), order.orderDate().minusDays(1),
				order.soldTo(), order.contact(), List.of(newLicense(1, "ACC7-ENT-CH", 17), newLicense(2, "ACC7-STD-CH", 4)));
		Answer conflict = post("/api/v1/sales-orders", this.erpBasic, json(changed));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.response().headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(conflict.json().get("detail").asText()).contains("orderDate", "lines[0].quantity")
			.doesNotContain("lines[1]");

		ProcessJobs.executeDue(this.management, processOf(order.orderNumber()).getId());
		Answer entered = get("/api/v1/sales-orders/" + order.orderNumber(), this.erpBasic);
		assertThat(entered.status()).isEqualTo(200);
		assertThat(entered.json().get("state").asText()).isEqualTo("ENTERED");
		assertThat(entered.json().get("entitlementId").asText()).startsWith("E-");
		assertThat(entered.json().get("account").get("accountNumber").asText()).isEqualTo(customer.getAccountNumber());
		assertThat(entered.json().get("lines").get(0).get("activationId").asText()).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
		// The same order after it was entered: still the same answer, nothing new.
		assertThat(post("/api/v1/sales-orders", this.erpBasic, json(order)).json().get("state").asText()).isEqualTo("ENTERED");
	}

	@Test
	void invalidFieldsAreNamedEachAndNothingIsStored() {
		String number = orderNumber();
		String body = """
				{"orderNumber": "%s", "orderDate": "2026-13-40",
				 "soldTo": {"customerNumber": "C-1", "type": "DEALER"},
				 "contact": {"email": "not-an-address"},
				 "lines": [{"lineNumber": 1, "partNumber": "ACC7-ENT-CH", "version": "7.14", "quantity": 0},
				           {"lineNumber": 1, "partNumber": "ACC7-ENT-CH", "version": "7.14", "quantity": 100001}]}"""
			.formatted(number);

		Answer invalid = post("/api/v1/sales-orders", this.erpBasic, body);

		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().findValuesAsText("field")).contains("orderDate", "soldTo.name", "soldTo.type",
				"contact.email", "lines[0].quantity", "lines[1].lineNumber", "lines[1].quantity");
		assertThat(get("/api/v1/sales-orders/" + number, this.erpBasic).status()).isEqualTo(404);
	}

	@Test
	void theCatalogueRefusesUnknownRetiredAndMismatchedPartNumbers() {
		Account customer = accountWithCustomerNumber("Catalogue Customer", AccountType.CUSTOMER);
		LineItem permanent = this.fixtures.lineItem(customer,
				this.context.getBean(com.licensingportal.license.ProductRepository.class).findByPartNumber("ACC7-ENT-CH").orElseThrow(),
				3, null);
		var retired = this.fixtures.product("Retired");
		this.transaction.executeWithoutResult(status -> this.context
			.getBean(com.licensingportal.license.ProductRepository.class)
			.findById(retired.getId())
			.orElseThrow()
			.retire());
		String number = orderNumber();
		SalesOrderRequest order = order(number, customer.getCustomerNumber(), AccountType.CUSTOMER, "x",
				newLicense(1, "NO-SUCH-PART", 1), newLicense(2, retired.getPartNumber(), 1),
				new SalesOrderRequest.Line(3, "ACC7-CARE-1Y", null, 3, permanent.getActivationId()),
				new SalesOrderRequest.Line(4, "ACC7-CARE-1Y", null, 3, "ZZZZ-ZZZZ-ZZZZ-ZZZZ"),
				newLicense(5, "ACC7-CARE-1Y", 1));

		Answer refused = post("/api/v1/sales-orders", this.erpBasic, json(order));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().findValuesAsText("field")).containsExactly("lines[0].partNumber", "lines[1].partNumber",
				"lines[2].renewsActivationId", "lines[3].renewsActivationId", "lines[4].renewsActivationId");
		assertThat(refused.json().get("detail").asText()).contains("No product has the part number NO-SUCH-PART",
				"is retired", "which ACC7-CARE-1Y does not renew", "No license has the Activation ID ZZZZ-ZZZZ-ZZZZ-ZZZZ");
		assertThat(get("/api/v1/sales-orders/" + number, this.erpBasic).status()).isEqualTo(404);
	}

	@Test
	void aClientThatReadsFrenchGetsTheProblemsInFrenchWithTheFieldsAsTheApiNamesThem() {
		Answer invalid = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/sales-orders"))
			.header("Content-Type", "application/json")
			.header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5")
			.header("Authorization", this.erpBasic)
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"orderNumber": "%s", "orderDate": "2026-12-06",
					 "soldTo": {"customerNumber": "C-1", "name": "n", "type": "CUSTOMER"},
					 "contact": {"email": "a@b.example"},
					 "lines": [{"lineNumber": 1, "partNumber": "ACC7-ENT-CH", "version": "7.14", "quantity": 100001}]}"""
				.formatted(orderNumber()))));

		assertThat(invalid.status()).isEqualTo(422);
		assertThat(invalid.json().findValuesAsText("message"))
			.containsExactly("« lines[0].quantity » doit être de 1 à 100\u202f000 canaux.");

		Answer anonymous = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/sales-orders/SO-1"))
			.header("Accept-Language", "fr")
			.GET());
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("title").asText()).isEqualTo("Non authentifié");
		assertThat(anonymous.json().get("detail").asText()).startsWith("Connectez-vous en HTTP Basic");
	}

	@Test
	void fieldsTheCallDoesNotKnowAreRefusedByName() {
		Answer refused = post("/api/v1/sales-orders", this.erpBasic, """
				{"orderNumber": "SO-X", "orderDate": "2026-12-06", "discount": 5,
				 "soldTo": {"customerNumber": "C-1", "name": "n", "type": "CUSTOMER", "vip": true},
				 "contact": {"email": "a@b.example"},
				 "lines": [{"lineNumber": 1, "partNumber": "ACC7-ENT-CH", "version": "7.14", "quantity": 1, "price": 9}]}""");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asText()).contains("discount", "soldTo.vip", "lines[0].price");
	}

	@Test
	void portalUsersTokensAndOtherCamundaUsersGetNotFoundWrongPasswordsAreThrottled() {
		Account customer = this.fixtures.numbered(LicenseFixtures.unique("Looked Up"), AccountType.CUSTOMER);
		String path = "/api/v1/sales-orders/"
				+ this.fixtures.enteredSalesOrder(customer, newLicense(1, "ACC7-ENT-CH", 2)).orderNumber();
		assertThat(get(path, this.erpBasic).status()).isEqualTo(200);
		assertThat(get(path, this.fixtures.orderManager().basic()).status()).isEqualTo(200);
		PortalUser portalUser = this.fixtures.user("PortalApi", this.fixtures.customer(LicenseFixtures.unique("Portal")),
				UserType.CUSTOMER_ADMINISTRATOR);
		assertThat(get(path, "Bearer " + this.fixtures.apiToken(portalUser)).status()).isEqualTo(404);
		assertThat(get(path, basic("admin", "admin")).status()).isEqualTo(404);
		Answer anonymous = get(path, null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.response().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));

		// A user of its own: Camunda delays the next login of a user after each wrong password.
		CamundaUser intakeUser = this.fixtures.orderSystem();
		ClientAddresses.forgetLoopbackCounts(this.jdbc);
		try {
			for (int attempt = 0; attempt < 10; attempt++) {
				assertThat(get(path, basic(intakeUser.id(), "wrong-" + attempt)).status()).isEqualTo(401);
			}
			Answer throttled = get(path, intakeUser.basic());
			assertThat(throttled.status()).isEqualTo(429);
			assertThat(throttled.response().headers().firstValue("Retry-After")).isPresent();
		}
		finally {
			ClientAddresses.forgetLoopbackCounts(this.jdbc);
		}
		assertThat(get(path, this.erpBasic).status()).isEqualTo(200);
	}

	@Test
	void anEnteredOrderMovesTheSalesOrdersGaugeOfPrometheus() throws Exception {
		Account customer = accountWithCustomerNumber("Metered Customer", AccountType.CUSTOMER);
		SalesOrderRequest order = order(orderNumber(), customer.getCustomerNumber(), AccountType.CUSTOMER, "Metered Customer",
				newLicense(1, "ACC7-ENT-CH", 2));
		double entered = salesOrders("entered");

		assertThat(post("/api/v1/sales-orders", this.erpBasic, json(order)).status()).isEqualTo(202);
		ProcessJobs.executeDue(this.management, processOf(order.orderNumber()).getId());

		// The gauges are read from the database at most every 5 seconds.
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (salesOrders("entered") == entered && System.nanoTime() < deadline) {
			Thread.sleep(500);
		}
		assertThat(salesOrders("entered")).isEqualTo(entered + 1);
		assertThat(get("/actuator/prometheus", MANAGEMENT).body()).contains("portal_sales_orders{",
				"state=\"waiting_for_account\"", "state=\"rejected\"", "state=\"received\"");
	}

	private double salesOrders(String state) {
		Answer metrics = get("/actuator/prometheus", MANAGEMENT);
		assertThat(metrics.status()).isEqualTo(200);
		return metrics.body()
			.lines()
			.filter(line -> line.startsWith("portal_sales_orders{") && line.contains("state=\"" + state + "\""))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	void tenIdenticalRequestsAtOnceMakeOneOrder() throws Exception {
		Account customer = accountWithCustomerNumber("Parallel Customer", AccountType.CUSTOMER);
		SalesOrderRequest order = order(orderNumber(), customer.getCustomerNumber(), AccountType.CUSTOMER, "x",
				newLicense(1, "ACC7-ENT-CH", 5));
		String body = json(order);
		ExecutorService pool = Executors.newFixedThreadPool(10);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				Callable<Integer> request = () -> {
					start.await();
					return post("/api/v1/sales-orders", this.erpBasic, body).status();
				};
				answers.add(pool.submit(request));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsOnly(202, 200).filteredOn(s -> s == 202).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from sales_order where order_number = ?", Integer.class,
				order.orderNumber())).isEqualTo(1);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SalesOrderIntakeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(order.orderNumber())
			.count()).isEqualTo(1);
		ProcessJobs.endRunning(this.runtime, SalesOrderIntakeProcess.PROCESS_KEY, order.orderNumber());
	}

	@Test
	void cancellingALineRemovesOnlyItsAvailableChannelsAndTheHistoryShowsIt() {
		Account customer = accountWithCustomerNumber("Cancel Customer", AccountType.CUSTOMER);
		SalesOrderRequest order = order(orderNumber(), customer.getCustomerNumber(), AccountType.CUSTOMER, "x",
				newLicense(1, "ACC7-ENT-CH", 10));
		String cancel = "/api/v1/sales-orders/" + order.orderNumber() + "/lines/1/cancel";
		assertThat(post("/api/v1/sales-orders", this.erpBasic, json(order)).status()).isEqualTo(202);
		assertThat(post(cancel, this.erpBasic, "").status()).isEqualTo(409);
		SalesOrderView view = receivedAndRun(order);
		LineItem item = lineItem(view.lines().get(0).activationId());
		this.fixtures.activateOnNewDevice(item, 3, "CANCEL-NVR");

		Answer cancelled = post(cancel, this.erpBasic, "");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("cancelledChannels").asInt()).isEqualTo(7);
		assertThat(cancelled.json().get("remainingChannels").asInt()).isEqualTo(3);
		LineItem after = lineItem(item.getActivationId());
		assertThat(after.getTotalQuantity()).isEqualTo(3);
		assertThat(after.getAvailableQuantity()).isZero();
		assertThat(after.getActivatedQuantity()).isEqualTo(3);
		assertThat(this.history.trail(after)).extracting(LineItemHistory.TrailEntry::type)
			.containsExactly(LicenseEventType.CREATED, LicenseEventType.ACTIVATED, LicenseEventType.CANCELLED);
		assertThat(post(cancel, this.erpBasic, "").json().get("cancelledChannels").asInt()).isZero();
		assertThat(post("/api/v1/sales-orders/" + order.orderNumber() + "/lines/9/cancel", this.erpBasic, "").status())
			.isEqualTo(404);
	}

}
