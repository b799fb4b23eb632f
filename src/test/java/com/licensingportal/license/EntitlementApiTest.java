package com.licensingportal.license;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.account.Account;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/entitlements, /{activationId} and /export over real HTTP: the page's filters, sort and paging
 * as parameters, the JSON the issue names, the CSV of the page, and a 422 naming the parameter for every
 * value the page would complain about.
 */
class EntitlementApiTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	private LicenseFixtures fixtures;

	private ApiClient api;

	private Account customer;

	private Account partner;

	private Product product;

	private String token;

	private LineItem permanent;

	private LineItem dated;

	private LineItem small;

	@BeforeEach
	void data() {
		this.fixtures = new LicenseFixtures(this.context);
		this.api = new ApiClient(baseUrl());
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Quay Freight"));
		this.partner = this.fixtures.partnerOf(LicenseFixtures.unique("Quill Systems"), this.customer);
		PortalUser partnerUser = this.fixtures.user("quser", this.partner, UserType.PARTNER_USER);
		this.token = this.fixtures.apiToken(partnerUser);
		this.product = this.fixtures.product("API");
		List<LineItem> order = this.fixtures.order(this.customer, new OrderLine(this.product, "7.14", 16, null),
				new OrderLine(this.product, "7.12", 8, LocalDate.of(2031, 3, 31)), new OrderLine(this.product, "7.10", 2, null));
		this.permanent = order.get(0);
		this.dated = order.get(1);
		this.small = order.get(2);
	}

	@Test
	void theListAnswersItemsPageSizeAndTotal() {
		Answer answer = this.api.get("/api/v1/entitlements?product=" + this.product.getPartNumber() + "&sort=total&dir=desc",
				this.token);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		JsonNode page = answer.json();
		assertThat(page.get("page").asInt()).isEqualTo(1);
		assertThat(page.get("size").asInt()).isEqualTo(25);
		assertThat(page.get("total").asLong()).isEqualTo(3);
		assertThat(page.get("items").findValuesAsText("activationId")).containsExactly(this.permanent.getActivationId(),
				this.dated.getActivationId(), this.small.getActivationId());
		JsonNode item = page.get("items").get(1);
		assertThat(fieldNames(item)).containsExactly("activationId", "entitlementId", "soldTo", "product", "version",
				"availableQuantity", "totalQuantity", "expiration");
		assertThat(item.get("entitlementId").asText()).isEqualTo(this.dated.getEntitlement().getEntitlementId());
		assertThat(item.get("soldTo").asText()).isEqualTo(this.customer.getName());
		assertThat(item.get("product").asText()).isEqualTo(this.product.getPartNumber());
		assertThat(item.get("version").asText()).isEqualTo("7.12");
		assertThat(item.get("availableQuantity").asInt()).isEqualTo(8);
		assertThat(item.get("totalQuantity").asInt()).isEqualTo(8);
		assertThat(item.get("expiration").asText()).isEqualTo("2031-03-31");
		assertThat(page.get("items").get(0).get("expiration").isNull()).as("permanent").isTrue();
	}

	@Test
	void pagesFollowTheSizeAndAPageAfterTheLastIsEmpty() {
		List<LineItem> more = this.fixtures.order(this.customer, IntStream.range(0, 9)
			.mapToObj(i -> new OrderLine(this.product, "8.0", 1, null))
			.toArray(OrderLine[]::new));
		String search = "/api/v1/entitlements?product=" + this.product.getPartNumber() + "&sort=activationId&dir=asc&size=10";

		JsonNode second = this.api.get(search + "&page=2", this.token).json();
		assertThat(second.get("total").asLong()).isEqualTo(12);
		assertThat(second.get("page").asInt()).isEqualTo(2);
		assertThat(second.get("items")).hasSize(2);
		assertThat(second.get("items").findValuesAsText("activationId")).isSortedAccordingTo(String::compareTo);
		assertThat(more).hasSize(9);

		JsonNode third = this.api.get(search + "&page=3", this.token).json();
		assertThat(third.get("items")).isEmpty();
		assertThat(third.get("page").asInt()).isEqualTo(3);
		assertThat(third.get("total").asLong()).isEqualTo(12);
	}

	@Test
	void thePagesFiltersAreQueryParameters() {
		this.fixtures.activateOnNewDevice(this.small, 2, LicenseFixtures.unique("USED-UP"));
		String product = "product=" + this.product.getPartNumber();

		assertThat(activationIds("?" + product)).containsExactlyInAnyOrder(this.permanent.getActivationId(),
				this.dated.getActivationId());
		assertThat(activationIds("?" + product + "&showUsedUp=true")).contains(this.small.getActivationId());
		assertThat(activationIds("?" + product + "&expiration=permanent")).containsExactly(this.permanent.getActivationId());
		assertThat(activationIds("?" + product + "&expiringBefore=2031-04-01")).containsExactly(this.dated.getActivationId());
		assertThat(activationIds("?" + product + "&availableMin=10")).containsExactly(this.permanent.getActivationId());
		assertThat(activationIds("?" + product + "&version=7.12")).containsExactly(this.dated.getActivationId());
		assertThat(activationIds("?activationId=" + this.dated.getActivationId().substring(5, 12).toLowerCase()))
			.containsExactly(this.dated.getActivationId());
		assertThat(activationIds("?" + product + "&owner=" + this.customer.getAccountNumber())).hasSize(2);
		assertThat(activationIds("?" + product + "&owner=" + this.partner.getAccountNumber())).isEmpty();
		assertThat(activationIds("?soldTo=" + URLEncoder.encode(this.customer.getName().toUpperCase(), StandardCharsets.UTF_8)))
			.hasSize(2);
	}

	@Test
	void everyValueThePageWouldRefuseIsA422NamingTheParameter() {
		Account foreign = this.fixtures.customer(LicenseFixtures.unique("Foreign"));

		Answer answer = this.api.get("/api/v1/entitlements?availableMin=many&totalMin=-1&expiration=soon"
				+ "&expiringBefore=tomorrow&owner=" + foreign.getAccountNumber() + "&sort=price&dir=up&size=7&page=0",
				this.token);

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("availableMin",
				"totalMin", "expiration", "expiringBefore", "owner", "sort", "dir", "size", "page");
		assertThat(answer.json().get("detail").asText()).contains("Expiration must be Permanent, Expires or Expired.",
				"None of your accounts has the number " + foreign.getAccountNumber() + ".");
		assertThat(this.api.get("/api/v1/entitlements?page=x", this.token).json().get("errors").get(0).get("message")
			.asText()).isEqualTo("The page must be a number.");
	}

	@Test
	void aLineItemShowsItsCountsDevicesAndEventTrail() {
		var activation = this.fixtures.activateOnNewDevice(this.permanent, 5, LicenseFixtures.unique("TRAIL-NVR"));

		Answer answer = this.api.get("/api/v1/entitlements/" + this.permanent.getActivationId(), this.token);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode item = answer.json();
		assertThat(item.get("entitlementId").asText()).isEqualTo(this.permanent.getEntitlement().getEntitlementId());
		assertThat(item.at("/owner/accountNumber").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(item.at("/soldTo/name").asText()).isEqualTo(this.customer.getName());
		assertThat(item.at("/product/partNumber").asText()).isEqualTo(this.product.getPartNumber());
		assertThat(item.get("totalQuantity").asInt()).isEqualTo(16);
		assertThat(item.get("availableQuantity").asInt()).isEqualTo(11);
		assertThat(item.get("activatedQuantity").asInt()).isEqualTo(5);
		assertThat(item.get("expiration").isNull()).isTrue();
		assertThat(item.get("expired").asBoolean()).isFalse();
		assertThat(item.get("devices")).singleElement().satisfies(device -> {
			assertThat(device.get("deviceId").asText()).isEqualTo(activation.device().getDeviceId());
			assertThat(device.get("quantity").asInt()).isEqualTo(5);
		});
		assertThat(item.get("events").findValuesAsText("type")).containsExactly("CREATED", "ACTIVATED");
		assertThat(item.get("events").get(1).get("deviceId").asText()).isEqualTo(activation.device().getDeviceId());
		assertThat(item.get("events").get(1).get("quantity").asInt()).isEqualTo(5);
	}

	@Test
	void anUnknownOrForeignLineItemIsNotFound() {
		Account foreign = this.fixtures.customer(LicenseFixtures.unique("Foreign"));
		LineItem foreignItem = this.fixtures.lineItem(foreign, this.product, 3, null);

		for (String activationId : List.of("ZZZZ-ZZZZ-ZZZZ-ZZZZ", foreignItem.getActivationId())) {
			Answer answer = this.api.get("/api/v1/entitlements/" + activationId, this.token);
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			assertThat(answer.json().get("detail").asText()).isEqualTo("The license " + activationId + " was not found.");
		}
	}

	@Test
	void exportAllMatchingIsThePagesCsvStreamed() throws Exception {
		Answer answer = this.api.get("/api/v1/entitlements/export?product=" + this.product.getPartNumber()
				+ "&sort=version&dir=asc", this.token);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
		assertThat(answer.header("Content-Disposition"))
			.isEqualTo("attachment; filename=\"entitlements-" + LocalDate.now() + ".csv\"");
		assertThat(answer.header("Transfer-Encoding")).as("streamed, not buffered").isEqualTo("chunked");
		assertThat(answer.body()).startsWith(String.valueOf(EntitlementCsv.BYTE_ORDER_MARK));
		List<CSVRecord> rows = csv(answer.body());
		assertThat(rows).extracting(row -> row.get("Activation ID"))
			.containsExactly(this.small.getActivationId(), this.dated.getActivationId(), this.permanent.getActivationId());
		assertThat(rows.get(1).values()).containsExactly(this.dated.getActivationId(),
				this.dated.getEntitlement().getEntitlementId(), this.customer.getName(), this.product.getPartNumber(), "7.12",
				"8", "8", "2031-03-31");
	}

	@Test
	void exportSelectedTakesActivationIdsAndLeavesOutWhatIsNotYours() throws Exception {
		Account foreign = this.fixtures.customer(LicenseFixtures.unique("Foreign"));
		LineItem foreignItem = this.fixtures.lineItem(foreign, this.product, 3, null);

		Answer answer = this.api.get("/api/v1/entitlements/export?sort=total&dir=asc&activationIds="
				+ this.permanent.getActivationId() + "," + foreignItem.getActivationId() + "&activationIds="
				+ this.small.getActivationId().toLowerCase(), this.token);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(csv(answer.body())).extracting(row -> row.get("Activation ID"))
			.containsExactly(this.small.getActivationId(), this.permanent.getActivationId());
	}

	@Test
	void exportRefusalsAreProblemJsonEvenForACsvClient() {
		String tooMany = IntStream.rangeClosed(0, 1000).mapToObj(i -> "A" + i).collect(Collectors.joining(","));

		assertRefused("?product=x&activationIds=" + this.permanent.getActivationId(), "activationIds",
				"Give either filters or activationIds, not both");
		assertRefused("?activationIds=" + tooMany, "activationIds", "Name at most 1000 Activation IDs");
		assertRefused("?activationIds=,", "activationIds", "Name at least one Activation ID");
		assertRefused("?expiration=later", "expiration", "Expiration must be Permanent, Expires or Expired.");
	}

	@Test
	void withoutATokenNothingIsListed() {
		assertThat(this.api.get("/api/v1/entitlements", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/entitlements/export", null).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/entitlements/" + this.permanent.getActivationId(), null).status()).isEqualTo(401);
	}

	private void assertRefused(String query, String field, String message) {
		Answer answer = this.api.get("/api/v1/entitlements/export" + query, this.token, "text/csv");
		assertThat(answer.status()).as(query).isEqualTo(422);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
		assertThat(answer.json().get("detail").asText()).contains(message);
	}

	private List<String> activationIds(String query) {
		Answer answer = this.api.get("/api/v1/entitlements" + query, this.token);
		assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(200);
		return answer.json().get("items").findValuesAsText("activationId");
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

	private static List<CSVRecord> csv(String body) throws Exception {
		try (CSVParser parser = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(body.substring(1)))) {
			assertThat(parser.getHeaderNames()).containsExactly("Activation ID", "Entitlement ID", "Sold to", "Product",
					"Version", "Available quantity", "Total quantity", "Expiration");
			return parser.getRecords();
		}
	}

}
