package com.licensingportal.backoffice.orders;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.salesorder.SalesOrderIntakeProcess;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderRequest;
import com.licensingportal.salesorder.SalesOrderState;
import com.licensingportal.salesorder.SalesOrderView;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The back office's sales-order pages as Order Management uses them, and nobody else finds. */
class SalesOrderPagesTest extends PortalIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository accounts;

	@Autowired
	SalesOrderIntakeService intake;

	@Autowired
	LineItemRepository lineItems;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	Account customer;

	/** The Order Management user the requests act as: a Camunda user of this run (the suite has no demo data). */
	private static String omUser;

	@BeforeEach
	void customer() {
		if (omUser == null) {
			omUser = new LicenseFixtures(this.context).orderManager().id();
		}
		Account account = new Account(LicenseFixtures.unique("Paged Customer"), AccountType.CUSTOMER);
		account.setCustomerNumber(LicenseFixtures.unique("C-PAGE"));
		this.customer = this.accounts.save(account);
	}

	static RequestPostProcessor om() {
		return authentication(UsernamePasswordAuthenticationToken.authenticated(omUser, null,
				List.of(new SimpleGrantedAuthority("ROLE_ORDER_MANAGEMENT"))));
	}

	SalesOrderView enteredOrder(String orderNumber, int channels) {
		this.intake.receive(new SalesOrderRequest(orderNumber, LocalDate.now(),
				new SalesOrderRequest.SoldTo(this.customer.getCustomerNumber(), this.customer.getName(),
						AccountType.CUSTOMER, null),
				new SalesOrderRequest.Contact("buyer@paged.example", "Ana", "Silva"),
				List.of(new SalesOrderRequest.Line(1, "ACC7-ENT-CH", "7.14", channels, null))), "test");
		runJobs(orderNumber);
		return this.intake.view(orderNumber);
	}

	void runJobs(String orderNumber) {
		ProcessJobs.executeDue(this.management, this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SalesOrderIntakeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(orderNumber)
			.singleResult()
			.getId());
	}

	String page(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = this.mvc.perform(request.with(om())).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		return result.getResponse().getContentAsString();
	}

	@Test
	void theSearchFindsOrdersByNumberCustomerNumberAccountAndState() throws Exception {
		String orderNumber = LicenseFixtures.unique("SO-FIND");
		enteredOrder(orderNumber, 5);

		assertThat(page(get("/back-office/sales-orders").param("orderNumber", orderNumber.toLowerCase()), 200))
			.contains("data-order-number=\"" + orderNumber + "\"", "id=\"matching\">1<")
			// Every column says what it is, and sorts by it.
			.containsPattern("data-sort=\"orderNumber\"[^>]*>Order number</a>")
			.containsPattern("data-sort=\"received\"[^>]*>Received</a>");
		assertThat(page(get("/back-office/sales-orders").param("customerNumber", this.customer.getCustomerNumber()), 200))
			.contains(orderNumber);
		assertThat(page(get("/back-office/sales-orders").param("account", this.customer.getAccountNumber()), 200))
			.contains(orderNumber);
		assertThat(page(get("/back-office/sales-orders").param("orderNumber", orderNumber).param("state", "ENTERED"), 200))
			.contains(orderNumber);
		assertThat(page(get("/back-office/sales-orders").param("orderNumber", orderNumber).param("state", "REJECTED"), 200))
			.doesNotContain("data-order-number=\"" + orderNumber + "\"")
			.contains("No sales orders match.");
		assertThat(page(get("/back-office/sales-orders").param("state", "LOST"), 422))
			.contains("There is no state &quot;LOST&quot;: choose one of the list.");
		String sorted = page(get("/back-office/sales-orders").param("customerNumber", this.customer.getCustomerNumber())
			.param("sort", "orderNumber"), 200);
		assertThat(sorted).contains("aria-sort=\"ascending\"",
				"href=\"/back-office/sales-orders?customerNumber=" + this.customer.getCustomerNumber()
						+ "&amp;sort=orderNumber&amp;dir=desc\"");
	}

	@Test
	void anOrdersPageShowsItsLinesEntitlementAndIntakeProcess() throws Exception {
		String orderNumber = LicenseFixtures.unique("SO-SHOW");
		SalesOrderView order = enteredOrder(orderNumber, 7);

		String page = page(get("/back-office/sales-orders/" + orderNumber), 200);

		assertThat(page).contains(order.entitlementId(), order.lines().get(0).activationId(), "ACC7-ENT-CH",
				this.customer.getAccountNumber(), "id=\"order-state\">ENTERED<", "id=\"cockpit-link\"",
				"/camunda/app/cockpit/default/#/process-instance/", "id=\"cancel-line-1\"");
		assertThat(page(get("/back-office/sales-orders/SO-NOBODY-SENT-THIS"), 404)).contains("was not found");
	}

	@Test
	void omEntersAnOrderByHandAndTheIntakeProcessEntersIt() throws Exception {
		String orderNumber = LicenseFixtures.unique("SO-HAND");

		MvcResult sent = this.mvc.perform(post("/back-office/sales-orders/new").with(om()).with(csrf())
			.param("orderNumber", orderNumber)
			.param("orderDate", LocalDate.now().toString())
			.param("customerNumber", this.customer.getCustomerNumber())
			.param("contactEmail", "buyer@hand.example")
			.param("lines[0].partNumber", "ACC7-ENT-CH")
			.param("lines[0].version", "7.14")
			.param("lines[0].quantity", "12")
			.param("lines[2].partNumber", "ACC7-STD-CH")
			.param("lines[2].version", "7.14")
			.param("lines[2].quantity", "3")).andReturn();

		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/back-office/sales-orders/" + orderNumber);
		assertThat(sent.getFlashMap().get("message").toString()).contains("is received");
		assertThat(this.intake.view(orderNumber).state()).isEqualTo(SalesOrderState.RECEIVED);
		runJobs(orderNumber);
		SalesOrderView entered = this.intake.view(orderNumber);
		assertThat(entered.state()).isEqualTo(SalesOrderState.ENTERED);
		assertThat(entered.account().accountNumber()).isEqualTo(this.customer.getAccountNumber());
		assertThat(entered.lines()).extracting(SalesOrderView.LineView::partNumber, SalesOrderView.LineView::quantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ACC7-ENT-CH", 12),
					org.assertj.core.groups.Tuple.tuple("ACC7-STD-CH", 3));
		assertThat(this.jdbc.queryForObject("select received_by from sales_order where order_number = ?", String.class,
				orderNumber)).isEqualTo(omUser);
	}

	@Test
	void aFormWithMistakesIsShownAgainWithEachProblemAndSendsNothing() throws Exception {
		String orderNumber = LicenseFixtures.unique("SO-WRONG");

		String page = page(post("/back-office/sales-orders/new").with(csrf())
			.param("orderNumber", orderNumber)
			.param("orderDate", "06.12.2026")
			.param("customerNumber", this.customer.getCustomerNumber())
			.param("contactEmail", "not an address")
			.param("lines[1].partNumber", "ACC7-ENT-CH")
			.param("lines[1].version", "7.14")
			.param("lines[1].quantity", "lots"), 422);

		assertThat(page).contains("The order date must be a date such as 2026-12-06.",
				"The contact&#39;s email must be an address such as it@harbor.example.", "The quantity must be a whole number.",
				"id=\"line-1-quantity\"", "value=\"lots\"");
		assertThat(this.jdbc.queryForObject("select count(*) from sales_order where order_number = ?", Long.class,
				orderNumber)).isZero();
		assertThat(page(post("/back-office/sales-orders/new").with(csrf())
			.param("orderNumber", orderNumber)
			.param("customerNumber", this.customer.getCustomerNumber())
			.param("contactEmail", "buyer@hand.example")
			.param("lines[0].partNumber", "NO-SUCH-PART")
			.param("lines[0].version", "7.14")
			.param("lines[0].quantity", "1"), 422)).contains("No product has the part number NO-SUCH-PART.");
		assertThat(this.jdbc.queryForObject("select count(*) from sales_order where order_number = ?", Long.class,
				orderNumber)).isZero();
	}

	@Test
	void cancellingALineRemovesItsAvailableChannels() throws Exception {
		String orderNumber = LicenseFixtures.unique("SO-CANCEL");
		SalesOrderView order = enteredOrder(orderNumber, 9);

		MvcResult cancelled = this.mvc
			.perform(post("/back-office/sales-orders/" + orderNumber + "/lines/1/cancel").with(om()).with(csrf()))
			.andReturn();

		assertThat(cancelled.getResponse().getRedirectedUrl()).isEqualTo("/back-office/sales-orders/" + orderNumber);
		assertThat(cancelled.getFlashMap().get("message").toString()).contains("9 channels of", "removed");
		assertThat(this.lineItems.findWithDetailsByActivationId(order.lines().get(0).activationId()).orElseThrow()
			.getAvailableQuantity()).isZero();
		assertThat(page(post("/back-office/sales-orders/" + orderNumber + "/lines/7/cancel").with(csrf()), 404))
			.contains("has no line 7");
	}

	@Test
	void theImportPageDocumentsTheColumnsOffersTheExampleAndShowsEveryProblem() throws Exception {
		assertThat(page(get("/back-office/sales-orders/import"), 200)).contains("id=\"columns\"", "Renews Activation ID",
				"href=\"/back-office/sales-orders/import/example.csv\"");
		MvcResult example = this.mvc.perform(get("/back-office/sales-orders/import/example.csv").with(om())).andReturn();
		assertThat(example.getResponse().getContentType()).startsWith("text/csv");
		assertThat(example.getResponse().getHeader("Content-Disposition")).contains("sales-orders-example.csv");
		assertThat(example.getResponse().getContentAsString()).startsWith(SalesOrderImportTest.HEADER.strip());

		String refused = page(multipart("/back-office/sales-orders/import").file(new MockMultipartFile("file",
				"orders.csv", "text/csv", (SalesOrderImportTest.HEADER
						+ "SO-PAGE-1,2026-12-06," + this.customer.getCustomerNumber() + ",it@p.example,,,1,ACC7-ENT-CH,7.14,@SUM(A1),\n")
					.getBytes(StandardCharsets.UTF_8))).with(csrf()), 422);
		assertThat(refused).contains("Nothing was imported", "id=\"problem-count\">1<", "<td class=\"number\">2</td>",
				"<td>Quantity</td>", "as a spreadsheet formula does");

		String tooLarge = page(multipart("/back-office/sales-orders/import")
			.file(new MockMultipartFile("file", "big.csv", "text/csv", new byte[(int) SalesOrderImports.MAX_BYTES + 1]))
			.with(csrf()), 413);
		assertThat(tooLarge).contains("The file is larger than 10 MB.");
		assertThat(page(multipart("/back-office/sales-orders/import").with(csrf()), 422)).contains("Choose the CSV file");
	}

	@Test
	void aGoodUploadLeadsToItsProgressPage() throws Exception {
		String orderNumber = LicenseFixtures.unique("SO-UP");
		MvcResult uploaded = this.mvc.perform(multipart("/back-office/sales-orders/import")
			.file(new MockMultipartFile("file", "migration.csv", "text/csv", (SalesOrderImportTest.HEADER + orderNumber
					+ ",2026-12-06," + this.customer.getCustomerNumber() + ",it@p.example,,,1,ACC7-ENT-CH,7.14,2,\n")
				.getBytes(StandardCharsets.UTF_8)))
			.with(om())
			.with(csrf())).andReturn();

		String progressPage = uploaded.getResponse().getRedirectedUrl();
		assertThat(progressPage).startsWith("/back-office/sales-orders/imports/");
		assertThat(page(get(progressPage), 200)).contains("migration.csv", "id=\"import-progress\"");
		assertThat(page(get("/back-office/sales-orders/import"), 200)).contains("migration.csv");
	}

	@Test
	void portalUsersTheirTokensAndAnonymousRequestsFindNoSalesOrderPage() throws Exception {
		String orderNumber = LicenseFixtures.unique("SO-HIDDEN");
		enteredOrder(orderNumber, 1);
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		PortalUser admin = fixtures.user("OrderPeeker", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
		String token = fixtures.apiToken(admin);
		List<MockHttpServletRequestBuilder> requests = List.of(get("/back-office/sales-orders"),
				get("/back-office/sales-orders/" + orderNumber), get("/back-office/sales-orders/new"),
				get("/back-office/sales-orders/import"), get("/back-office/sales-orders/import/example.csv"),
				get("/back-office/sales-orders/imports/1"),
				post("/back-office/sales-orders/" + orderNumber + "/lines/1/cancel").with(csrf()));
		for (MockHttpServletRequestBuilder request : requests) {
			assertThat(this.mvc.perform(request).andReturn().getResponse().getStatus()).isEqualTo(404);
			assertThat(this.mvc.perform(request.with(LicenseFixtures.as(admin))).andReturn().getResponse().getStatus())
				.isEqualTo(404);
		}
		for (MockHttpServletRequestBuilder request : List.of(get("/back-office/sales-orders"),
				get("/back-office/sales-orders/" + orderNumber))) {
			assertThat(this.mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse()
				.getStatus()).isEqualTo(404);
		}
		assertThat(this.intake.view(orderNumber).lines().get(0).activationId()).isNotNull();
		assertThat(this.jdbc.queryForObject("select available_quantity from line_item where activation_id = ?",
				Integer.class, this.intake.view(orderNumber).lines().get(0).activationId())).isEqualTo(1);
	}

}
