package com.licensingportal.registration;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.LineItem;
import com.licensingportal.mail.MailReader;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.usermanagement.InvitationService;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

/**
 * Every path of bpmn/registration-request.bpmn, with the review task worked as Tasklist works it: {@code om}
 * finds it through the "Order Management" filter, claims it and submits the Camunda Form's variables.
 */
class RegistrationProcessTest extends RegistrationTestSupport {

	@Autowired
	org.springframework.context.ApplicationContext context;

	private static final String PASSWORD = "Harbour-Crane-Lights-77";

	@Autowired
	ProcessEngine engine;

	@Autowired
	InvitationService invitations;

	@BeforeEach
	void setUp() {
		init(this.engine);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void approvedWithANewAccountTheRequesterBecomesItsAdministratorAndIsInvited() throws Exception {
		String email = uniqueEmail("new-partner");
		RegistrationForm form = form(email, AccountType.PARTNER, "SO-88812");
		RegistrationRequest request = submitted(form);
		ProcessInstance pi = processOf(request);
		assertThat(pi).isWaitingAt("SendRegistrationConfirmation", "CheckRegistrationRequest");

		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("SendRegistrationConfirmation", "RequestConfirmed", "CheckRegistrationRequest")
			.isWaitingAt("ReviewRegistrationRequest");
		assertThat(task()).hasCandidateGroup(OrderManagementSetup.GROUP).isNotAssigned();
		assertThat(task().getName()).isEqualTo("Review registration request: " + form.getOrganisation());
		// Cockpit lists the instance by the request's readable number; its diagram says the plain task name.
		assertThat(pi.getBusinessKey()).isEqualTo("REG-" + request.getId());
		assertThat(this.engine.getRepositoryService().getBpmnModelInstance(pi.getProcessDefinitionId())
			.getModelElementById("ReviewRegistrationRequest")
			.getAttributeValue("name")).isEqualTo("Review registration request");
		MimeMessage confirmation = MailReader.waitFor(greenMail(), email);
		assertThat(confirmation.getSubject()).isEqualTo("We received your request for access to the Licensing Portal");
		assertThat(MailReader.text(confirmation)).contains("Hello Jana", form.getOrganisation(), "SO-88812",
				"Partner (dealer or integrator)");
		assertThat(MailReader.html(confirmation)).contains(form.getOrganisation());
		assertThat(this.runtime.getVariables(pi.getId())).containsEntry("existingUserCheck",
				"No: there is no user with this email yet.")
			.containsEntry("entitlementCheck",
					"\"SO-88812\" is not an Entitlement ID (like E-20261127-0001): look the sales order up in the order system.")
			.containsEntry("newAccountName", form.getOrganisation())
			.containsEntry("newAccountType", "PARTNER");

		String accountName = unique("Bayside Security Partner");
		decideAsOrderManagement(pi, approveNewAccount(accountName, AccountType.PARTNER));

		assertThat(pi).hasPassed("ReviewRegistrationRequest", "ValidateRegistrationDecision", "Decision", "ApproveRegistrationRequest",
				"RegistrationApproved").isEnded();
		Account account = this.accounts.findByName(accountName).orElseThrow();
		assertThat(account.getType()).isEqualTo(AccountType.PARTNER);
		PortalUser user = this.users.findByEmail(email).orElseThrow();
		assertThat(user.getStatus()).isEqualTo(UserStatus.INVITED);
		assertThat(user.getDisplayName()).isEqualTo("Jana Novak");
		assertThat(user.getPhone()).isEqualTo("+1 604 555 0188");
		assertThat(user.getMemberships()).extracting(m -> m.getAccount().getId(), AccountMembership::getUserType)
			.containsExactly(tuple(account.getId(), UserType.PARTNER_ADMINISTRATOR));
		RegistrationRequest decided = this.requests.findById(request.getId()).orElseThrow();
		assertThat(decided.getStatus()).isEqualTo(RegistrationStatus.APPROVED);
		assertThat(decided.getDecidedBy()).isEqualTo(OM);
		assertThat(decided.getAccountId()).isEqualTo(account.getId());
		assertThat(decided.getUserId()).isEqualTo(user.getId());

		// The invitation process takes over: its email comes from Order Management, its link sets the password.
		ProcessInstance invitation = invitationOf(user);
		ProcessJobs.executeDue(this.management, invitation.getId());
		MimeMessage invitationMail = MailReader.waitFor(greenMail(), email, 2).get(1);
		assertThat(MailReader.text(invitationMail)).contains("Order Management invited you", accountName);
		String token = MailReader.link(invitationMail, "/invitations/").replaceAll(".*/invitations/", "");
		this.invitations.accept(token, PASSWORD);
		assertThat(this.users.findByEmail(email).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
	}

	@Test
	void approvedWithAnExistingAccountTheEntitlementCheckSuggestsItsSoldToAccount() {
		LineItem order = customerWithAnOrder();
		Account customer = order.getSoldTo();
		String entitlementId = order.getEntitlement().getEntitlementId();
		String email = uniqueEmail("existing-customer");
		ProcessInstance pi = waitingForReview(form(email, AccountType.CUSTOMER, " " + entitlementId.toLowerCase() + " "));

		assertThat(pi).isWaitingAt("ReviewRegistrationRequest");
		Map<String, Object> variables = this.runtime.getVariables(pi.getId());
		assertThat(variables).containsEntry("entitlementCheck", "Yes: " + entitlementId + " is sold to "
				+ customer.getName() + ", customer account " + customer.getAccountNumber() + ".")
			.containsEntry("existingAccountNumber", customer.getAccountNumber());

		decideAsOrderManagement(pi, approveExistingAccount(" " + customer.getAccountNumber().toLowerCase()));

		// An account that nobody administers yet has nobody to tell.
		assertThat(pi).hasPassed("ApproveRegistrationRequest", "AccountHadAdministrators", "RegistrationApproved")
			.hasNotPassed("SendAdministratorAdded").isEnded();
		PortalUser user = this.users.findByEmail(email).orElseThrow();
		assertThat(user.membershipOf(customer.getId()).orElseThrow().getUserType())
			.isEqualTo(UserType.CUSTOMER_ADMINISTRATOR);
		assertThat(user.getMemberships()).hasSize(1);
		assertThat(this.accounts.findByName(variables.get("newAccountName").toString())).isEmpty();
		assertThat(invitationOf(user)).isNotNull();
	}

	@Test
	void approvedIntoAnAccountWithAdministratorsTellsThemAboutTheirNewColleague() throws Exception {
		LineItem order = customerWithAnOrder();
		Account customer = order.getSoldTo();
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		PortalUser administrator = fixtures.user("cadmin", customer, UserType.CUSTOMER_ADMINISTRATOR);
		PortalUser colleague = fixtures.user("cuser", customer, UserType.CUSTOMER_USER);
		String email = uniqueEmail("newcomer");
		ProcessInstance pi = waitingForReview(form(email, AccountType.CUSTOMER, order.getEntitlement().getEntitlementId()));

		decideAsOrderManagement(pi, approveExistingAccount(customer.getAccountNumber()));

		assertThat(pi).hasPassed("ApproveRegistrationRequest", "AccountHadAdministrators").isWaitingAt("SendAdministratorAdded");
		assertThat(this.runtime.getVariable(pi.getId(), "existingAdministratorsMailTo")).isEqualTo(administrator.getEmail());
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).hasPassed("SendAdministratorAdded", "RegistrationApproved").isEnded();

		MimeMessage told = MailReader.waitFor(greenMail(), administrator.getEmail());
		assertThat(told.getSubject()).isEqualTo("A new administrator for " + customer.getName());
		assertThat(MailReader.text(told)).contains("Order Management has added Jana Novak (" + email + ") to "
				+ customer.getName() + " (" + customer.getAccountNumber() + ") as Customer Administrator",
				"If you do not know this person, tell Order Management at once");
		assertThat(MailReader.html(told)).contains("Jana Novak", customer.getAccountNumber());
		assertThat(MailReader.to(greenMail(), colleague.getEmail())).isEmpty();
		assertThat(MailReader.to(greenMail(), email)).noneMatch(mail -> subjectOf(mail).startsWith("A new administrator"));
	}

	private static String subjectOf(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void rejectedTheRequesterGetsTheReasonAndNothingIsCreated() throws Exception {
		String email = uniqueEmail("rejected");
		RegistrationForm form = form(email, AccountType.CUSTOMER, "E-20200101-0001");
		ProcessInstance pi = waitingForReview(form);
		assertThat(this.runtime.getVariable(pi.getId(), "entitlementCheck"))
			.isEqualTo("No: there is no Entitlement E-20200101-0001 in the portal.");
		long accountsBefore = this.accounts.count();

		decideAsOrderManagement(pi, reject("We cannot find order E-20200101-0001.\nPlease send the order confirmation."));

		assertThat(pi).hasPassed("ValidateRegistrationDecision", "Decision", "RejectRegistrationRequest")
			.isWaitingAt("SendRejection");
		RegistrationRequest decided = this.requests.findByEmailOrderBySubmittedAtDesc(email).get(0);
		assertThat(decided.getStatus()).isEqualTo(RegistrationStatus.REJECTED);
		assertThat(decided.getRejectionReason()).startsWith("We cannot find order");
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).hasPassed("SendRejection", "RegistrationRejected").hasNotPassed("ApproveRegistrationRequest")
			.isEnded();
		MimeMessage rejection = MailReader.waitFor(greenMail(), email, 2).get(1);
		assertThat(rejection.getSubject()).isEqualTo("Your request for access to the Licensing Portal");
		assertThat(MailReader.text(rejection)).contains("could not approve", form.getOrganisation(),
				"We cannot find order E-20200101-0001.", "Please send the order confirmation.", "/register");
		assertThat(this.users.findByEmail(email)).isEmpty();
		assertThat(this.accounts.count()).isEqualTo(accountsBefore);

		// Decided: the same email may ask again.
		assertThat(this.registrations.submit(form, uniqueAddress()).outcome()).isEqualTo(RegistrationService.Outcome.RECEIVED);
	}

	@Test
	void twoDaysWithoutADecisionOrderManagementIsRemindedAndTheTaskStays() throws Exception {
		String email = uniqueEmail("reminded");
		RegistrationForm form = form(email, AccountType.CUSTOMER, "PO 4711");
		ProcessInstance pi = waitingForReview(form);
		String mailbox = "order-management@licensing.example.com";
		int remindersBefore = MailReader.to(greenMail(), mailbox).size();

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2)).minusSeconds(60)));
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).hasNotPassed("ReviewOverdue");

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2)).plusSeconds(60)));
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("ReviewOverdue", "SendReviewReminder", "ReminderSent")
			.isWaitingAt("ReviewRegistrationRequest");
		MimeMessage reminder = MailReader.waitFor(greenMail(), mailbox, remindersBefore + 1).get(remindersBefore);
		assertThat(reminder.getSubject()).isEqualTo("Registration request from " + form.getOrganisation()
				+ " waits for a decision");
		assertThat(MailReader.text(reminder)).contains("Jana Novak", email, "/camunda/app/tasklist/");

		decideAsOrderManagement(pi, reject("Not a customer of ours."));
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).hasPassed("RegistrationRejected").isEnded();
	}

	@Test
	void omFindsTheTaskThroughTheFilterClaimsItAndTheFormShowsEveryFieldAndCheck() throws Exception {
		String email = uniqueEmail("tasklist");
		ProcessInstance pi = waitingForReview(form(email, AccountType.PARTNER, "E-20200101-0002"));

		this.identity.setAuthentication(OM, List.of(OrderManagementSetup.GROUP));
		Task task = taskInOrderManagementFilter(pi);
		assertThat(task.getTaskDefinitionKey()).isEqualTo("ReviewRegistrationRequest");
		assertThat(task.getDescription()).isEqualTo("Jana Novak (" + email + ") asks for Partner (dealer or integrator)"
				+ " access for " + this.runtime.getVariable(pi.getId(), "organisation") + ".");
		this.tasks.claim(task.getId(), OM);
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(OM);
		JsonNode form;
		try (InputStream deployed = this.forms.getDeployedTaskForm(task.getId())) {
			form = new ObjectMapper().readTree(deployed);
		}
		Map<String, Object> taskVariables = new HashMap<>(this.forms.getTaskFormVariables(task.getId()));
		this.identity.clearAuthentication();

		assertThat(form.get("id").asText()).isEqualTo("ReviewRegistrationRequestForm");
		List<String> keys = new ArrayList<>();
		collectKeys(form, keys);
		assertThat(keys).containsExactlyInAnyOrder("firstName", "lastName", "email", "phone", "organisation",
				"requestedAccountTypeLabel", "proof", "submittedOn", "message", "existingUserCheck", "entitlementCheck",
				"decision", "rejectionReason", "accountChoice", "newAccountName", "newAccountType", "existingAccountNumber");
		// Every field the reviewer reads has its value waiting in the task's variables.
		assertThat(taskVariables).containsKeys("firstName", "lastName", "email", "phone", "organisation",
				"requestedAccountTypeLabel", "proof", "submittedOn", "message", "existingUserCheck", "entitlementCheck",
				"newAccountName", "newAccountType", "existingAccountNumber");
		assertThat(taskVariables.get("email")).isEqualTo(email);
		assertThat((String) taskVariables.get("submittedOn")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
	}

	@Test
	void aUserOutsideOrderManagementDoesNotSeeTheTaskInTheFilterAndCannotClaimIt() {
		ProcessInstance pi = waitingForReview(form(uniqueEmail("outsider"), AccountType.CUSTOMER, "PO 1"));
		Task task = this.tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();

		this.identity.setAuthentication("stranger", List.of());
		try {
			assertThat(this.filters.createFilterQuery().filterName(OrderManagementSetup.FILTER_NAME).count()).isZero();
			assertThat(this.tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
			assertThatThrownBy(() -> this.tasks.claim(task.getId(), "stranger"))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	@Test
	void aDecisionThatCannotBeCarriedOutIsRefusedWithTheReasonAndTheTaskStaysOpen() {
		Account partner = this.accounts.save(new Account(unique("Existing partner"), AccountType.PARTNER));
		String email = uniqueEmail("refused");
		ProcessInstance pi = waitingForReview(form(email, AccountType.CUSTOMER, "PO 2"));
		Task task = this.tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
		long accountsBefore = this.accounts.count();

		assertRefused(pi, Map.of(), "Choose Approve or Reject.");
		assertRefused(pi, Map.of("decision", "reject"), "Give the reason for the rejection");
		assertRefused(pi, Map.of("decision", "reject", "rejectionReason", "   "), "Give the reason for the rejection");
		assertRefused(pi, Map.of("decision", "approve"), "Choose a new account or an existing account.");
		assertRefused(pi, Map.of("decision", "approve", "accountChoice", "new", "newAccountName", ""),
				"Enter the name of the new account.");
		assertRefused(pi, approveNewAccount("Harbor \u202Escitsigol", AccountType.CUSTOMER),
				"invisible or control characters from the new account's name.");
		assertRefused(pi, approveExistingAccount("A-NONE-XIST"),
				"There is no account with the account number A-NONE-XIST. Check the number, or approve with a new account.");
		assertRefused(pi, approveExistingAccount(partner.getAccountNumber()), partner.getName() + " ("
				+ partner.getAccountNumber() + ") is a partner account, but Jana Novak asked for customer access.");

		// Meanwhile an administrator made the requester a user: approving is no longer possible.
		PortalUser meanwhile = userMeanwhile(email);
		long accountsWithTheUser = this.accounts.count();
		assertRefused(pi, approveNewAccount(unique("Too late"), AccountType.CUSTOMER),
				"A user with the email " + email + " already exists, so this request cannot be approved.");

		assertThat(pi).isWaitingAt("ReviewRegistrationRequest");
		assertThat(this.tasks.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
		assertThat(this.runtime.getVariable(pi.getId(), "decision")).isNull();
		assertThat(accountsWithTheUser).isEqualTo(accountsBefore + 1);
		assertThat(this.accounts.count()).isEqualTo(accountsWithTheUser);
		assertThat(this.requests.findById(Long.valueOf(pi.getBusinessKey().replaceFirst("^REG-", ""))).orElseThrow().getStatus())
			.isEqualTo(RegistrationStatus.OPEN);
		assertThat(this.users.findByEmail(email).orElseThrow().getId()).isEqualTo(meanwhile.getId());

		// The check shown in the form is that of the moment the request came in; the refusal is of now.
		decideAsOrderManagement(pi, reject("You already have a user: use Forgot Password? on the login page."));
		assertThat(pi).hasPassed("RejectRegistrationRequest");
	}

	@Test
	void aSecondOpenRequestForTheSameEmailIsAnsweredKindlyAndNotDuplicated() {
		String email = uniqueEmail("twice");
		RegistrationRequest first = submitted(form(email, AccountType.CUSTOMER, "PO 3"));

		RegistrationService.Submission again = this.registrations.submit(form(email.toUpperCase(), AccountType.PARTNER,
				"PO 4"), uniqueAddress());

		assertThat(again.outcome()).isEqualTo(RegistrationService.Outcome.ALREADY_OPEN);
		assertThat(again.submittedAt()).isEqualTo(first.getSubmittedAt());
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(email)).hasSize(1);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(RegistrationProcess.businessKey(first.getId()))
			.count()).isEqualTo(1);
	}

	@Test
	void aRequestWhoseProcessWasDeletedInCockpitNoLongerBlocksTheEmail() {
		String email = uniqueEmail("deleted");
		RegistrationRequest first = submitted(form(email, AccountType.CUSTOMER, "PO 5"));
		this.runtime.deleteProcessInstance(processOf(first).getId(), "spam", true);

		RegistrationService.Submission again = this.registrations.submit(form(email, AccountType.CUSTOMER, "PO 6"),
				uniqueAddress());

		assertThat(again.outcome()).isEqualTo(RegistrationService.Outcome.RECEIVED);
		assertThat(this.requests.findById(first.getId()).orElseThrow().getStatus()).isEqualTo(RegistrationStatus.WITHDRAWN);
		assertThat(this.requests.findByOpenEmail(email).orElseThrow().getProof()).isEqualTo("PO 6");
	}

	@Test
	void overTheEngineRestApiAsTasklistCallsItARefusalComesBackWithTheReasonAndAValidDecisionCompletes() throws Exception {
		LineItem order = customerWithAnOrder();
		String email = uniqueEmail("engine-rest");
		ProcessInstance pi = waitingForReview(form(email, AccountType.PARTNER, order.getEntitlement().getEntitlementId()));
		String taskId = this.tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
		CamundaUser om = new LicenseFixtures(this.context).orderManager();

		assertThat(engineRest(om, "/task/" + taskId + "/claim", "{\"userId\":\"" + om.id() + "\"}").statusCode())
			.isEqualTo(204);
		HttpResponse<String> refused = engineRest(om, "/task/" + taskId + "/submit-form", "{\"variables\":{"
				+ "\"decision\":{\"value\":\"approve\",\"type\":\"String\"},"
				+ "\"accountChoice\":{\"value\":\"existing\",\"type\":\"String\"},"
				+ "\"existingAccountNumber\":{\"value\":\"" + order.getSoldTo().getAccountNumber() + "\",\"type\":\"String\"}}}");

		// A validation message, the sentence alone: not the engine's 500 "Cannot submit task form <id>: ...".
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(new ObjectMapper().readTree(refused.body()).get("message").asText()).isEqualTo(order.getSoldTo().getName()
				+ " (" + order.getSoldTo().getAccountNumber()
				+ ") is a customer account, but Jana Novak asked for partner access. Choose a partner account, or a new"
				+ " account.");
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isEqualTo(om.id());

		HttpResponse<String> approved = engineRest(om, "/task/" + taskId + "/submit-form", "{\"variables\":{"
				+ "\"decision\":{\"value\":\"approve\",\"type\":\"String\"},"
				+ "\"accountChoice\":{\"value\":\"new\",\"type\":\"String\"},"
				+ "\"newAccountName\":{\"value\":\"Engine Rest Partner\",\"type\":\"String\"},"
				+ "\"newAccountType\":{\"value\":\"PARTNER\",\"type\":\"String\"}}}");

		assertThat(approved.statusCode()).isEqualTo(204);
		assertThat(pi).hasPassed("RegistrationApproved").isEnded();
		assertThat(this.users.findByEmail(email).orElseThrow().getMemberships().get(0).getUserType())
			.isEqualTo(UserType.PARTNER_ADMINISTRATOR);
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(email).get(0).getDecidedBy()).isEqualTo(om.id());
	}

	@Test
	void inTasklistARefusedDecisionIsAValidationMessageAndTheTaskStaysOpen() throws Exception {
		LineItem order = customerWithAnOrder();
		String email = uniqueEmail("tasklist-refused");
		ProcessInstance pi = waitingForReview(form(email, AccountType.PARTNER, order.getEntitlement().getEntitlementId()));
		String taskId = this.tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
		CamundaUser om = new LicenseFixtures(this.context).orderManager();
		// As Tasklist does it: its page for the session and XSRF cookies, the login (a new session), then the
		// webapp's engine API.
		HttpBrowser tasklist = new HttpBrowser(baseUrl());
		tasklist.get("/camunda/app/tasklist/default/");
		tasklist.get("/camunda/api/admin/auth/user/default", "Accept", "application/json");
		HttpBrowser.Page login = tasklist.send(HttpRequest
			.newBuilder(tasklist.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("username=" + om.id() + "&password="
					+ URLEncoder.encode(om.password(), StandardCharsets.UTF_8))));
		assertThat(login.status()).isEqualTo(200);
		tasklist.get("/camunda/api/engine/engine/default/task/" + taskId, "Accept", "application/json");
		this.tasks.claim(taskId, om.id());

		HttpBrowser.Page answer = tasklist.send(HttpRequest
			.newBuilder(tasklist.uri("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-XSRF-TOKEN", tasklist.cookie("XSRF-TOKEN"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{"
					+ "\"decision\":{\"value\":\"reject\",\"type\":\"String\"}}}")));
		HttpResponse<String> refused = answer.response();

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		String message = new ObjectMapper().readTree(refused.body()).get("message").asText();
		assertThat(message).isEqualTo("Give the reason for the rejection: the requester reads it in the email.")
			.doesNotContain("Cannot submit task form");
		assertThat(this.tasks.createTaskQuery().taskId(taskId).singleResult()).as("the task stays open").isNotNull();
		assertThat(pi).isWaitingAt("ReviewRegistrationRequest");
	}

	private HttpResponse<String> engineRest(CamundaUser user, String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/engine-rest" + path))
			.header("Authorization", user.basic())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private void assertRefused(ProcessInstance pi, Map<String, Object> formVariables, String reason) {
		assertThatThrownBy(() -> decideAsOrderManagement(pi, formVariables)).isInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining(reason);
		assertThat(this.tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ReviewRegistrationRequest")
			.count()).as("the task stays after: " + reason).isEqualTo(1);
	}

	/** The requester, made a user of another account while the request waited. */
	private PortalUser userMeanwhile(String email) {
		Account elsewhere = this.accounts.save(new Account(unique("Elsewhere"), AccountType.CUSTOMER));
		PortalUser user = new PortalUser(email, "Jana", "Novak");
		user.link(elsewhere, UserType.CUSTOMER_USER);
		return this.users.save(user);
	}

	private ProcessInstance invitationOf(PortalUser user) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.singleResult();
	}

	private static void collectKeys(JsonNode node, List<String> keys) {
		if (node.has("key")) {
			keys.add(node.get("key").asText());
		}
		if (node.has("components")) {
			node.get("components").forEach(child -> collectKeys(child, keys));
		}
	}

}
