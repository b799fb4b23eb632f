package com.licensingportal.salesorder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Orders, accounts with customer numbers, and the order system's HTTP Basic login, for the sales-order tests. */
abstract class SalesOrderTestSupport extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	SalesOrderIntakeService intake;

	@Autowired
	AccountRepository accounts;

	@Autowired
	LineItemRepository lineItems;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	TransactionTemplate transaction;

	LicenseFixtures fixtures;

	/** The {@code Authorization} header of this test's order system (a Camunda user of the group order-intake). */
	String erpBasic;

	@BeforeEach
	void fixtures() {
		this.fixtures = new LicenseFixtures(this.context);
		this.erpBasic = this.fixtures.orderSystem().basic();
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** An account with a customer number of its own. */
	Account accountWithCustomerNumber(String name, AccountType type) {
		return this.fixtures.numbered(LicenseFixtures.unique(name), type);
	}

	static String orderNumber() {
		return LicenseFixtures.unique("SO");
	}

	/** An order of new licenses for the customer number, as the order system sends it. */
	static SalesOrderRequest order(String orderNumber, String customerNumber, AccountType type, String name,
			SalesOrderRequest.Line... lines) {
		return new SalesOrderRequest(orderNumber, LocalDate.now(),
				new SalesOrderRequest.SoldTo(customerNumber, name, type, null),
				new SalesOrderRequest.Contact(LicenseFixtures.unique("contact").toLowerCase() + "@order.example", "Ana",
						"Silva"),
				List.of(lines));
	}

	static SalesOrderRequest.Line newLicense(int lineNumber, String partNumber, int quantity) {
		return new SalesOrderRequest.Line(lineNumber, partNumber, "7.14", quantity, null);
	}

	static String json(SalesOrderRequest order) {
		StringBuilder lines = new StringBuilder();
		for (SalesOrderRequest.Line line : order.lines()) {
			lines.append(lines.isEmpty() ? "" : ",")
				.append("{\"lineNumber\":")
				.append(line.lineNumber())
				.append(",\"partNumber\":\"")
				.append(line.partNumber())
				.append('"')
				.append(line.version() == null ? "" : ",\"version\":\"" + line.version() + "\"")
				.append(line.renewsActivationId() == null ? "" : ",\"renewsActivationId\":\"" + line.renewsActivationId() + "\"")
				.append(",\"quantity\":")
				.append(line.quantity())
				.append('}');
		}
		return "{\"orderNumber\":\"" + order.orderNumber() + "\",\"orderDate\":\"" + order.orderDate()
				+ "\",\"soldTo\":{\"customerNumber\":\"" + order.soldTo().customerNumber() + "\",\"name\":\""
				+ order.soldTo().name() + "\",\"type\":\"" + order.soldTo().type() + "\""
				+ (order.soldTo().partnerCustomerNumber() == null ? ""
						: ",\"partnerCustomerNumber\":\"" + order.soldTo().partnerCustomerNumber() + "\"")
				+ "},\"contact\":{\"email\":\"" + order.contact().email() + "\",\"firstName\":\"Ana\",\"lastName\":\"Silva\"},"
				+ "\"lines\":[" + lines + "]}";
	}

	ProcessInstance processOf(String orderNumber) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(SalesOrderIntakeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(orderNumber)
			.singleResult();
	}

	/** Receives the order and runs its process until it waits or ends. */
	SalesOrderView receivedAndRun(SalesOrderRequest order) {
		this.intake.receive(order, "test");
		ProcessInstance pi = processOf(order.orderNumber());
		if (pi != null) {
			ProcessJobs.executeDue(this.management, pi.getId());
		}
		return this.intake.view(order.orderNumber());
	}

	LineItem lineItem(String activationId) {
		return this.lineItems.findWithDetailsByActivationId(activationId).orElseThrow();
	}

	static List<String> activationIds(SalesOrderView view) {
		List<String> ids = new ArrayList<>();
		view.lines().forEach(line -> ids.add(line.activationId()));
		return ids;
	}

}
