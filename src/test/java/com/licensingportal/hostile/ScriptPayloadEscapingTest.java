package com.licensingportal.hostile;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.mail.MailReader;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.support.Committed;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.transfer.TransferProcess;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import jakarta.mail.internet.MimeMessage;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

import static com.licensingportal.support.LicenseFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Markup is text like any other in a free-text field (the portal does not guess at what is "dangerous" in a
 * name): it is accepted, stored as typed, and escaped wherever it is shown. Every free-text field a user types
 * here holds a script payload, and each page that shows it, the API's JSON, the CSV export (formula guard) and
 * the HTML part of every email that carries it show it as text, never as markup.
 */
class ScriptPayloadEscapingTest extends PortalIntegrationTest {

	/** Breaks out of an attribute, opens a script and an image that would run script. */
	static final String MARKUP = "\"'><script>alert('hostile')</script><img src=x onerror=alert(1)>";

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@Autowired
	UserRepository users;

	@Autowired
	AccountRepository accounts;

	private final List<ProcessInstance> started = new java.util.ArrayList<>();

	@AfterEach
	void endProcesses() {
		for (ProcessInstance pi : this.started) {
			if (this.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
				this.runtime.deleteProcessInstance(pi.getId(), "end of test");
			}
		}
	}

	@Test
	void registrationFieldsAreEscapedInTheEmailsOfRequesterOrderManagementAndTheInvitedAdministrator() throws Exception {
		String firstName = "Jana" + MARKUP;
		String organisation = "Bayside " + MARKUP + " " + UUID.randomUUID();
		String email = LicenseFixtures.unique("markup").toLowerCase() + "@fixture.example";
		ProcessInstance rejected = register(firstName, "Novak" + MARKUP, email, organisation);

		MimeMessage received = MailReader.waitFor(greenMail(), email);
		assertEscaped(received, firstName, organisation, "E-" + MARKUP);
		executeTimer(rejected);
		MimeMessage reminder = mailTo(OM_MAILBOX, organisation);
		assertEscaped(reminder, organisation);
		String reason = "Unknown proof " + MARKUP;
		decide(rejected, Map.of("decision", "reject", "rejectionReason", reason));
		assertEscaped(MailReader.waitFor(greenMail(), email, 2).get(1), firstName, organisation, reason);

		String adminEmail = LicenseFixtures.unique("markup-admin").toLowerCase() + "@fixture.example";
		String accountName = "=HYPERLINK(\"http://evil.example\") " + MARKUP + " " + UUID.randomUUID();
		ProcessInstance approved = register(firstName, "Admin" + MARKUP, adminEmail, accountName);
		MailReader.waitFor(greenMail(), adminEmail);
		decide(approved, Map.of("decision", "approve", "accountChoice", "new", "newAccountName", accountName,
				"newAccountType", "CUSTOMER"));
		PortalUser admin = this.users.findByEmail(adminEmail).orElseThrow();
		ProcessInstance invitation = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(admin.getId()))
			.singleResult();
		this.started.add(invitation);
		ProcessJobs.executeDue(this.management, invitation.getId());
		assertEscaped(MailReader.waitFor(greenMail(), adminEmail, 2).get(1), firstName, accountName);
	}

	@Test
	void namesDevicesAndTokensAreEscapedOnEveryPageAndExactInTheApiAndGuardedInTheCsv() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		String accountName = "=cmd|' /C calc'!A0 " + MARKUP + " " + UUID.randomUUID();
		Account customer = fixtures.customer(accountName);
		Account partner = fixtures.partnerOf(LicenseFixtures.unique("Markup Partner"), customer);
		PortalUser partnerAdmin = named(fixtures.user("markup", partner, UserType.PARTNER_ADMINISTRATOR), "Paula" + MARKUP,
				"Admin" + MARKUP);
		Product product = fixtures.product("MARKUP");
		LineItem item = fixtures.lineItem(customer, product, 10, null);

		// A user created through Actions > Create, with markup in every field a person types.
		String email = LicenseFixtures.unique("typed").toLowerCase() + "@fixture.example";
		this.mvc.perform(post("/users/new/accounts").with(csrf()).with(as(partnerAdmin))
			.param("email", email)
			.param("firstName", "Ines" + MARKUP)
			.param("lastName", "Stall" + MARKUP)
			.param("phone", "+1 <b>555</b>")
			.param("jobTitle", "Installer" + MARKUP)
			.param("address", "Harbor Road 1\n" + MARKUP)
			.param("account", String.valueOf(customer.getId()))
			.param("roles-" + customer.getId(), "END_USER")).andExpect(status().is3xxRedirection());
		PortalUser typed = this.users.findByEmail(email).orElseThrow();
		this.started.add(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(typed.getId()))
			.singleResult());

		// A device through Activate, and an API token through its page.
		String deviceName = "NVR " + MARKUP;
		String hostId = "HOST-" + UUID.randomUUID() + MARKUP;
		String devicePage = this.mvc.perform(post("/devices/activate").with(csrf()).with(as(partnerAdmin))
			.param("target", "new")
			.param("name", deviceName)
			.param("hostId", hostId)
			.param("account", customer.getAccountNumber())
			.param("channels[" + item.getActivationId() + "]", "2")).andReturn().getResponse().getRedirectedUrl();
		assertThat(devicePage).startsWith("/devices/D-");
		String tokenName = "script " + MARKUP;
		this.mvc.perform(post("/profile/tokens").with(csrf()).with(as(partnerAdmin)).param("name", tokenName))
			.andExpect(status().is3xxRedirection());

		RequestPostProcessor viewer = as(partnerAdmin);
		assertPageEscaped("/users/" + typed.getId(), viewer, "Ines" + MARKUP, "Stall" + MARKUP, "Installer" + MARKUP,
				"Harbor Road 1\n" + MARKUP, "+1 <b>555</b>", accountName, "Paula" + MARKUP);
		assertPageEscaped("/related-users", viewer, "Ines" + MARKUP, accountName);
		assertPageEscaped("/related-accounts", viewer, accountName);
		assertPageEscaped("/users/" + typed.getId() + "/accounts", viewer, accountName);
		assertPageEscaped("/entitlements", viewer, accountName);
		assertPageEscaped("/entitlements/" + item.getActivationId(), viewer, accountName, deviceName);
		assertPageEscaped("/devices", viewer, deviceName, hostId, accountName);
		assertPageEscaped(devicePage, viewer, deviceName, hostId, accountName);
		assertPageEscaped("/devices/activate", viewer, deviceName, accountName);
		assertPageEscaped("/transfers/new?activationId=" + item.getActivationId(), viewer, accountName);
		assertPageEscaped("/profile/tokens", viewer, tokenName);

		ApiClient api = new ApiClient(baseUrl());
		String token = fixtures.apiToken(partnerAdmin);
		JsonNode device = api.get("/api/v1" + devicePage, token).json();
		assertThat(device.get("name").asText()).isEqualTo(deviceName);
		assertThat(device.get("hostId").asText()).isEqualTo(hostId);
		assertThat(device.get("accountName").asText()).isEqualTo(accountName);
		JsonNode listed = api.get("/api/v1/accounts/" + customer.getId() + "/users", token).json();
		assertThat(listed.findValuesAsText("lastName")).contains("Stall" + MARKUP);
		assertThat(listed.findValuesAsText("jobTitle")).contains("Installer" + MARKUP);
		assertThat(api.get("/api/v1/entitlements?product=" + product.getPartNumber(), token).json().get("items").get(0)
			.get("soldTo").asText()).isEqualTo(accountName);
		ApiClient.Answer json = api.get("/api/v1/accounts", token);
		assertThat(json.header("Content-Type")).startsWith("application/json");
		assertThat(json.header("X-Content-Type-Options")).isEqualTo("nosniff");

		byte[] csv = this.mvc.perform(get("/entitlements/export?product=" + product.getPartNumber()).with(viewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(new String(csv, StandardCharsets.UTF_8).substring(1)))
			.getRecords();
		assertThat(rows).singleElement()
			.satisfies(row -> assertThat(row.get("Sold to")).as("a formula is made text").isEqualTo("'" + accountName));
	}

	@Test
	void transferEmailsAndTheRejectionReasonAreEscapedInTheEmailsAndOnTheTransferPage() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account source = fixtures.customer("Source " + MARKUP + " " + UUID.randomUUID());
		Account target = fixtures.customer("+Target " + MARKUP + " " + UUID.randomUUID());
		PortalUser requester = named(fixtures.user("markup-requester", source, UserType.CUSTOMER_ADMINISTRATOR),
				"Rita" + MARKUP, "Requester" + MARKUP);
		PortalUser targetAdmin = fixtures.user("markup-target", target, UserType.CUSTOMER_ADMINISTRATOR);
		LineItem item = fixtures.lineItem(source, fixtures.product("MARKUP"), 10, null);
		TransferService transfers = this.context.getBean(TransferService.class);

		String rejectedNumber = transfers.request(requester.getId(),
				new TransferRequest(item.getActivationId(), 2, target.getAccountNumber(), null, null, null))
			.transfer()
			.getTransferNumber();
		ProcessInstance rejected = transferProcess(rejectedNumber);
		ProcessJobs.executeDue(this.management, rejected.getId());
		MimeMessage submitted = MailReader.waitFor(greenMail(), requester.getEmail());
		assertEscaped(submitted, "Rita" + MARKUP, source.getName(), target.getName());
		String reason = "Not for " + MARKUP;
		this.tasks.complete(this.tasks.createTaskQuery().processInstanceId(rejected.getId()).singleResult().getId(),
				Map.of("approval", "reject", "approvalReason", reason));
		ProcessJobs.executeDue(this.management, rejected.getId());
		assertEscaped(MailReader.waitFor(greenMail(), requester.getEmail(), 2).get(1), "Rita" + MARKUP, target.getName(),
				reason);
		assertPageEscaped("/transfers/" + rejectedNumber, as(requester), reason, source.getName(), target.getName());
		assertPageEscaped("/transfers", as(requester), target.getName());

		String approvedNumber = transfers.request(requester.getId(),
				new TransferRequest(item.getActivationId(), 3, target.getAccountNumber(), null, null, null))
			.transfer()
			.getTransferNumber();
		ProcessInstance approved = transferProcess(approvedNumber);
		ProcessJobs.executeDue(this.management, approved.getId());
		this.tasks.complete(this.tasks.createTaskQuery().processInstanceId(approved.getId()).singleResult().getId(),
				Map.of("approval", "approve"));
		ProcessJobs.executeDue(this.management, approved.getId());
		assertEscaped(MailReader.waitFor(greenMail(), targetAdmin.getEmail()), source.getName(), target.getName());
		assertEscaped(MailReader.waitFor(greenMail(), requester.getEmail(), 4).get(3), "Rita" + MARKUP, target.getName());
	}

	// ---------------------------------------------------------------------------------------------------------

	private static final String OM_MAILBOX = "order-management@licensing.example.com";

	/** Shown as text: unescaped, the page holds each value; as it is, it holds none of their markup. */
	private void assertPageEscaped(String path, RequestPostProcessor viewer, String... values) throws Exception {
		String html = this.mvc.perform(get(path).with(viewer))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertNoMarkup(path, html);
		String shown = HtmlUtils.htmlUnescape(html);
		for (String value : values) {
			assertThat(shown).as("%s shows %s", path, value).contains(value);
		}
	}

	/** The email's text part holds the values as typed; its HTML part shows them as text, never as markup. */
	private static void assertEscaped(MimeMessage message, String... values) throws Exception {
		String text = MailReader.text(message);
		String html = MailReader.html(message);
		assertNoMarkup(message.getSubject(), html);
		String shown = HtmlUtils.htmlUnescape(html);
		for (String value : values) {
			assertThat(text).as("the text of \"%s\" holds %s", message.getSubject(), value).contains(value);
			assertThat(shown).as("the HTML of \"%s\" shows %s", message.getSubject(), value).contains(value);
		}
	}

	private static void assertNoMarkup(String where, String html) {
		assertThat(html).as("%s has the payload's markup unescaped", where)
			.doesNotContain("<script>alert(")
			.doesNotContain("<img src=x")
			.doesNotContain("<b>555</b>");
	}

	private PortalUser named(PortalUser user, String firstName, String lastName) {
		Committed.update(this.jdbc, "update portal_user set first_name = ?, last_name = ? where id = ?", firstName, lastName,
				user.getId());
		return this.users.findById(user.getId()).orElseThrow();
	}

	private ProcessInstance register(String firstName, String lastName, String email, String organisation)
			throws Exception {
		this.mvc.perform(post("/register").with(csrf()).with(request -> {
			request.setRemoteAddr(ClientAddresses.unique());
			return request;
		})
			.param("firstName", firstName)
			.param("lastName", lastName)
			.param("email", email)
			.param("phone", "+1 604 555 0188")
			.param("organisation", organisation)
			.param("accountType", "CUSTOMER")
			.param("proof", "E-" + MARKUP)
			.param("message", "Hello\n" + MARKUP)).andExpect(status().isOk());
		Long id = this.jdbc.queryForObject("select id from registration_request where email = ? and status = 'OPEN'",
				Long.class, email);
		ProcessInstance pi = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(RegistrationProcess.businessKey(id))
			.singleResult();
		this.started.add(pi);
		ProcessJobs.executeDue(this.management, pi.getId());
		return pi;
	}

	private void executeTimer(ProcessInstance pi) {
		this.management.executeJob(this.management.createJobQuery().processInstanceId(pi.getId()).timers().singleResult().getId());
		ProcessJobs.executeDue(this.management, pi.getId());
	}

	private void decide(ProcessInstance pi, Map<String, Object> decision) {
		// As Tasklist's back end does for a member of Order Management; Camunda does not look the user up.
		this.identity.setAuthentication("om", List.of(OrderManagementSetup.GROUP));
		try {
			String task = this.tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
			this.tasks.claim(task, "om");
			this.tasks.complete(task, decision);
		}
		finally {
			this.identity.clearAuthentication();
		}
		ProcessJobs.executeDue(this.management, pi.getId());
	}

	private ProcessInstance transferProcess(String transferNumber) {
		ProcessInstance pi = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(TransferProcess.PROCESS_KEY)
			.processInstanceBusinessKey(transferNumber)
			.singleResult();
		this.started.add(pi);
		return pi;
	}

	private static MimeMessage mailTo(String recipient, String marker) throws Exception {
		for (int attempt = 0; attempt < 100; attempt++) {
			for (MimeMessage message : MailReader.to(greenMail(), recipient)) {
				if (MailReader.text(message).contains(marker)) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No email to " + recipient + " mentions " + marker);
	}

}
