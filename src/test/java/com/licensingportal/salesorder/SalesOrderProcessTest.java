package com.licensingportal.salesorder;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.mail.MailReader;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.support.Committed;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Every path of bpmn/sales-order-intake.bpmn: a known customer number (entered, administrators emailed), an
 * unknown one (Order Management creates the account, assigns an existing one or rejects; a reminder after two
 * days; a completion that writes other variables or cannot be carried out is refused), and an order the engine
 * cannot enter (an incident, nothing half-entered).
 */
class SalesOrderProcessTest extends SalesOrderTestSupport {

	private static final String OM_MAILBOX = "order-management@licensing.example.com";

	@Autowired
	ProcessEngine engine;

	@Autowired
	FormService forms;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	LicenseEventRepository events;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		init(this.engine);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void aKnownCustomerNumberIsEnteredAndItsAdministratorsGetTheActivationIdsWithTheCsv() throws Exception {
		Account customer = accountWithCustomerNumber("Known Customer", AccountType.CUSTOMER);
		PortalUser admin = this.fixtures.user("KnownAdmin", customer, UserType.CUSTOMER_ADMINISTRATOR);
		SalesOrderRequest order = order(orderNumber(), customer.getCustomerNumber(), AccountType.CUSTOMER, "Whatever name",
				newLicense(1, "ACC7-ENT-CH", 16), newLicense(2, "ACC7-ENT-CH-1Y", 4));
		this.intake.receive(order, "test");
		ProcessInstance pi = processOf(order.orderNumber());
		assertThat(pi).isWaitingAt("FindSoldToAccount");
		assertThat(this.intake.view(order.orderNumber()).state()).isEqualTo(SalesOrderState.RECEIVED);

		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("SalesOrderReceived", "FindSoldToAccount", "AccountKnown", "EnterSalesOrder",
				"SendLicenses", "SalesOrderEntered").hasNotPassed("AssignSalesOrder").isEnded();
		SalesOrderView view = this.intake.view(order.orderNumber());
		assertThat(view.state()).isEqualTo(SalesOrderState.ENTERED);
		assertThat(view.account().accountNumber()).isEqualTo(customer.getAccountNumber());
		assertThat(view.entitlementId()).startsWith("E-");
		LineItem permanent = lineItem(view.lines().get(0).activationId());
		LineItem subscription = lineItem(view.lines().get(1).activationId());
		assertThat(permanent.getOwner().getId()).isEqualTo(customer.getId());
		assertThat(permanent.getEntitlement().getEntitlementId()).isEqualTo(view.entitlementId());
		assertThat(permanent.getTotalQuantity()).isEqualTo(16);
		assertThat(permanent.getAvailableQuantity()).isEqualTo(16);
		assertThat(permanent.isPermanent()).isTrue();
		assertThat(subscription.getExpiresOn()).isEqualTo(LocalDate.now().plusMonths(12));
		assertThat(this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(permanent.getId()))
			.extracting(e -> e.getType(), e -> e.getQuantity())
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LicenseEventType.CREATED, 16));

		MimeMessage mail = MailReader.waitFor(greenMail(), admin.getEmail());
		assertThat(mail.getSubject()).isEqualTo("Your licenses for order " + order.orderNumber() + " are ready");
		String text = MailReader.text(mail);
		assertThat(text).contains(view.entitlementId(), permanent.getActivationId(), subscription.getActivationId(),
				"ACC7-ENT-CH version 7.14, 16 channels, expiration Permanent",
				"4 channels, expiration " + LocalDate.now().plusMonths(12),
				"/entitlements?entitlementId=" + view.entitlementId())
			.doesNotContain("/register");
		assertThat(MailReader.html(mail)).contains(permanent.getActivationId());
		List<CSVRecord> rows = csvAttachment(mail);
		assertThat(rows).extracting(r -> r.get("Activation ID"))
			.containsExactly(permanent.getActivationId(), subscription.getActivationId());
		assertThat(rows.get(0).get("Entitlement ID")).isEqualTo(view.entitlementId());
		assertThat(rows.get(0).get("Total quantity")).isEqualTo("16");
		assertThat(rows.get(0).get("Expiration")).isEqualTo("Permanent");
	}

	@Test
	void anUnknownCustomerWaitsForOrderManagementWhoCreatesTheAccountRelatedToItsPartner() throws Exception {
		Account partner = accountWithCustomerNumber("Selling Partner", AccountType.PARTNER);
		String customerNumber = LicenseFixtures.unique("C-NEW");
		String name = LicenseFixtures.unique("Brand New Customer");
		SalesOrderRequest plain = order(orderNumber(), customerNumber, AccountType.CUSTOMER, name, newLicense(1, "ACC7-STD-CH", 8));
		SalesOrderRequest order = new SalesOrderRequest(plain.orderNumber(), plain.orderDate(),
				new SalesOrderRequest.SoldTo(customerNumber, name, AccountType.CUSTOMER, partner.getCustomerNumber()),
				plain.contact(), plain.lines());

		SalesOrderView waiting = receivedAndRun(order);

		ProcessInstance pi = processOf(order.orderNumber());
		assertThat(pi).hasPassed("FindSoldToAccount", "AccountKnown").isWaitingAt("AssignSalesOrder");
		assertThat(waiting.state()).isEqualTo(SalesOrderState.WAITING_FOR_ACCOUNT);
		Task task = taskOf(pi);
		assertThat(task.getName()).isEqualTo("Assign sales order " + order.orderNumber() + " to an account");
		assertThat(this.tasks.getIdentityLinksForTask(task.getId())).anyMatch(link -> OrderManagementSetup.GROUP.equals(link.getGroupId()));
		Map<String, Object> shown = this.tasks.getVariablesLocal(task.getId());
		assertThat(shown).containsEntry("soldToName", name)
			.containsEntry("soldToCustomerNumber", customerNumber)
			.containsEntry("soldToType", "Customer")
			.containsEntry("contact", "Ana Silva <" + order.contact().email() + ">");
		assertThat((String) shown.get("partnerCustomerNumber")).contains(partner.getName());
		assertThat((String) shown.get("orderLines")).contains("Line 1: 8 × ACC7-STD-CH");

		decide(pi, Map.of("decision", "create"));

		assertThat(pi).hasPassed("AssignSalesOrder", "Assigned").isWaitingAt("EnterSalesOrder");
		Account created = this.accounts.findByCustomerNumber(customerNumber).orElseThrow();
		assertThat(created.getName()).isEqualTo(name);
		assertThat(created.getType()).isEqualTo(AccountType.CUSTOMER);
		assertThat(this.accounts.findRelatedCustomerIds(List.of(partner.getId()))).containsExactly(created.getId());

		// Nobody is in the new account yet: the order's contact gets the licenses and a link to Request access.
		ProcessJobs.executeDue(this.management, pi.getId());
		SalesOrderView entered = this.intake.view(order.orderNumber());
		assertThat(entered.state()).isEqualTo(SalesOrderState.ENTERED);
		assertThat(pi).hasPassed("SendLicenses", "SalesOrderEntered").isEnded();
		MimeMessage mail = MailReader.waitFor(greenMail(), order.contact().email());
		assertThat(MailReader.text(mail)).contains(entered.lines().get(0).activationId(),
				"/register?proof=" + entered.entitlementId());
		assertThat(csvAttachment(mail)).hasSize(1);
	}

	@Test
	void orderManagementAssignsAnExistingAccountWhichGetsTheCustomerNumber() {
		Account existing = this.fixtures.partner(LicenseFixtures.unique("Existing Partner"));
		String customerNumber = LicenseFixtures.unique("P-NEW");
		SalesOrderRequest order = order(orderNumber(), customerNumber, AccountType.PARTNER, "Partner under another name",
				newLicense(1, "ACC7-ENT-CH", 3));
		receivedAndRun(order);
		ProcessInstance pi = processOf(order.orderNumber());

		decide(pi, Map.of("decision", "existing", "existingAccountNumber", " " + existing.getAccountNumber().toLowerCase()));

		assertThat(pi).hasPassed("Assigned").isWaitingAt("EnterSalesOrder");
		this.management.executeJob(this.management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
		assertThat(pi).hasPassed("EnterSalesOrder").isWaitingAt("SendLicenses");
		assertThat(this.accounts.findById(existing.getId()).orElseThrow().getCustomerNumber()).isEqualTo(customerNumber);
		SalesOrderView view = this.intake.view(order.orderNumber());
		assertThat(lineItem(view.lines().get(0).activationId()).getOwner().getId()).isEqualTo(existing.getId());
		ProcessJobs.endRunning(this.runtime, SalesOrderIntakeProcess.PROCESS_KEY, order.orderNumber());
	}

	@Test
	void orderManagementRejectsTheOrderWithAReasonAndNothingIsEntered() {
		SalesOrderRequest order = order(orderNumber(), LicenseFixtures.unique("C-REJ"), AccountType.CUSTOMER,
				"Unknown Buyer", newLicense(1, "ACC7-ENT-CH", 3));
		receivedAndRun(order);
		ProcessInstance pi = processOf(order.orderNumber());
		long accountsBefore = this.accounts.count();

		decide(pi, Map.of("decision", "reject", "rejectionReason", "Duplicate of SO-1"));

		assertThat(pi).hasPassed("Assigned", "SalesOrderRejected").hasNotPassed("EnterSalesOrder").isEnded();
		SalesOrderView view = this.intake.view(order.orderNumber());
		assertThat(view.state()).isEqualTo(SalesOrderState.REJECTED);
		assertThat(view.rejectionReason()).isEqualTo("Duplicate of SO-1");
		assertThat(view.entitlementId()).isNull();
		assertThat(this.accounts.count()).isEqualTo(accountsBefore);
	}

	@Test
	void aCompletionThatWritesOtherVariablesOrCannotBeCarriedOutIsRefusedAndTheTaskStays() {
		SalesOrderRequest order = order(orderNumber(), LicenseFixtures.unique("C-TAMPER"), AccountType.CUSTOMER,
				"Tampered Order", newLicense(1, "ACC7-ENT-CH", 3));
		receivedAndRun(order);
		ProcessInstance pi = processOf(order.orderNumber());
		Account partner = this.fixtures.partner(LicenseFixtures.unique("Wrong Type"));

		assertThatThrownBy(() -> decide(pi, Map.of("decision", "create", "orderNumber", "SO-SOMEONE-ELSE")))
			.hasRootCauseInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining("This task takes only the fields of its form").hasMessageContaining("not orderNumber");
		assertThatThrownBy(() -> decide(pi, Map.of("decision", "create", "accountId", 1L)))
			.hasRootCauseInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining("This task takes only the fields of its form").hasMessageContaining("not accountId");
		assertThatThrownBy(() -> decide(pi, Map.of("decision", "existing", "existingAccountNumber", "A-NONE-NONE")))
			.hasRootCauseInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining("No account has the number A-NONE-NONE");
		assertThatThrownBy(() -> decide(pi, Map.of("decision", "existing", "existingAccountNumber", partner.getAccountNumber())))
			.hasRootCauseInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining("is a partner account; the order is sold to a customer");
		assertThatThrownBy(() -> decide(pi, Map.of("decision", "reject")))
			.hasRootCauseInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining("Give the reason");
		assertThatThrownBy(() -> decide(pi, Map.of("decision", "approve")))
			.hasRootCauseInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining("Choose");

		assertThat(pi).isWaitingAt("AssignSalesOrder");
		assertThat(this.runtime.getVariables(pi.getId())).containsOnlyKeys("orderNumber");
		assertThat(this.intake.view(order.orderNumber()).state()).isEqualTo(SalesOrderState.WAITING_FOR_ACCOUNT);
		assertThat(this.accounts.findByCustomerNumber(order.soldTo().customerNumber())).isEmpty();
		ProcessJobs.endRunning(this.runtime, SalesOrderIntakeProcess.PROCESS_KEY, order.orderNumber());
	}

	@Test
	void twoDaysWithoutADecisionOrderManagementIsRemindedAndTheTaskStays() throws Exception {
		SalesOrderRequest order = order(orderNumber(), LicenseFixtures.unique("C-LATE"), AccountType.CUSTOMER,
				"Slow Decision", newLicense(1, "ACC7-ENT-CH", 3));
		receivedAndRun(order);
		ProcessInstance pi = processOf(order.orderNumber());
		int before = MailReader.to(greenMail(), OM_MAILBOX).size();

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2)).minusSeconds(60)));
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).hasNotPassed("AssignmentOverdue");

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2)).plusSeconds(60)));
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("AssignmentOverdue", "SendAssignmentReminder", "AssignmentReminderSent")
			.isWaitingAt("AssignSalesOrder");
		MimeMessage reminder = MailReader.waitFor(greenMail(), OM_MAILBOX, before + 1).get(before);
		assertThat(reminder.getSubject()).isEqualTo("Sales order " + order.orderNumber() + " still waits for an account");
		assertThat(MailReader.text(reminder)).contains("/camunda/app/tasklist/");
		ProcessJobs.endRunning(this.runtime, SalesOrderIntakeProcess.PROCESS_KEY, order.orderNumber());
	}

	@Test
	void anOrderTheEngineCannotEnterBecomesAnIncidentAndNothingIsHalfEntered() {
		Account customer = accountWithCustomerNumber("Renewing Customer", AccountType.CUSTOMER);
		LineItem subscription = this.fixtures.lineItem(customer,
				this.context.getBean(com.licensingportal.license.ProductRepository.class).findByPartNumber("ACC7-ENT-CH-1Y").orElseThrow(),
				5, LocalDate.now().plusMonths(2));
		SalesOrderRequest order = order(orderNumber(), customer.getCustomerNumber(), AccountType.CUSTOMER, "x",
				newLicense(1, "ACC7-ENT-CH", 7),
				new SalesOrderRequest.Line(2, "ACC7-CARE-1Y", null, 5, subscription.getActivationId()));
		this.intake.receive(order, "test");
		ProcessInstance pi = processOf(order.orderNumber());
		this.management.executeJob(this.management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
		// Between intake and entering the license became permanent (by hand in the database): renewing it fails.
		Committed.update(this.jdbc, "update line_item set expires_on = null where id = ?", subscription.getId());
		long lineItemsBefore = this.lineItems.count();

		Job enter = this.management.createJobQuery().processInstanceId(pi.getId()).singleResult();
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThatThrownBy(() -> this.management.executeJob(enter.getId())).hasMessageContaining("cannot be renewed");
		}

		assertThat(pi).isWaitingAt("EnterSalesOrder");
		assertThat(this.engine.getRuntimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
		assertThat(this.lineItems.count()).isEqualTo(lineItemsBefore);
		assertThat(this.intake.view(order.orderNumber()).state()).isEqualTo(SalesOrderState.RECEIVED);
		assertThat(this.intake.view(order.orderNumber()).entitlementId()).isNull();
		ProcessJobs.endRunning(this.runtime, SalesOrderIntakeProcess.PROCESS_KEY, order.orderNumber());
	}

	@Test
	void aRenewalMovesTheExpirationOnFromTheLaterOfItAndTheOrderDate() {
		Account customer = accountWithCustomerNumber("Renewal Customer", AccountType.CUSTOMER);
		var product = this.context.getBean(com.licensingportal.license.ProductRepository.class)
			.findByPartNumber("ACC7-ENT-CH-1Y")
			.orElseThrow();
		LocalDate early = LocalDate.now().plusMonths(3);
		LineItem current = this.fixtures.lineItem(customer, product, 5, early);
		LineItem expired = this.fixtures.lineItem(customer, product, 5, LocalDate.now().minusMonths(2));
		SalesOrderRequest order = order(orderNumber(), customer.getCustomerNumber(), AccountType.CUSTOMER, "x",
				new SalesOrderRequest.Line(1, "ACC7-CARE-1Y", null, 5, current.getActivationId()),
				new SalesOrderRequest.Line(2, "ACC7-CARE-1Y", null, 5, expired.getActivationId().toLowerCase()));

		SalesOrderView view = receivedAndRun(order);

		assertThat(view.state()).isEqualTo(SalesOrderState.ENTERED);
		assertThat(lineItem(current.getActivationId()).getExpiresOn()).isEqualTo(early.plusMonths(12));
		assertThat(lineItem(expired.getActivationId()).getExpiresOn()).isEqualTo(LocalDate.now().plusMonths(12));
		assertThat(view.lines()).extracting(SalesOrderView.LineView::activationId)
			.containsExactly(current.getActivationId(), expired.getActivationId());
		assertThat(this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(current.getId()))
			.extracting(e -> e.getType())
			.containsExactly(LicenseEventType.CREATED, LicenseEventType.RENEWED);
		ProcessJobs.endRunning(this.runtime, SalesOrderIntakeProcess.PROCESS_KEY, order.orderNumber());
	}

	private Task taskOf(ProcessInstance pi) {
		return this.tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("AssignSalesOrder").singleResult();
	}

	/**
	 * Completes the task as Tasklist does for a member of Order Management ({@code om}; Camunda does not look the
	 * user up): claimed, then the form's variables submitted.
	 */
	private void decide(ProcessInstance pi, Map<String, Object> formVariables) {
		this.identity.setAuthentication("om", List.of(OrderManagementSetup.GROUP));
		try {
			Task task = taskOf(pi);
			if (task.getAssignee() == null) {
				this.tasks.claim(task.getId(), "om");
			}
			this.forms.submitTaskForm(task.getId(), formVariables);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	static List<CSVRecord> csvAttachment(MimeMessage mail) throws Exception {
		Multipart mixed = (Multipart) mail.getContent();
		for (int i = 0; i < mixed.getCount(); i++) {
			BodyPart part = mixed.getBodyPart(i);
			if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
				assertThat(part.getFileName()).endsWith(".csv");
				try (InputStream in = part.getInputStream()) {
					String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					assertThat(csv).startsWith("\uFEFFActivation ID,Entitlement ID,Sold to,Product,Version,Available quantity");
					return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
						.parse(new java.io.StringReader(csv.substring(1)))
						.getRecords();
				}
			}
		}
		throw new AssertionError("No CSV attachment");
	}

}
