package com.licensingportal.mail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.registration.RegistrationRequestRepository;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.support.TestMailServer;
import com.licensingportal.transfer.ChannelTransferRepository;
import com.licensingportal.transfer.TransferState;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A mail-server outage, with the suite's GreenMail really stopped. Registrations and transfers (automatic and
 * approval-gated, from the pages and the API) are answered as usual; their mail jobs fail and wait, retries
 * counting down a minute apart (R5/PT1M in the BPMN); when the server is back every email arrives exactly once.
 * When the retries run out, Cockpit shows an incident, and its "Retry" (new retries for the job) sends the mail.
 * The engine's job executor is off in the suite: the test executes the jobs and moves the engine's clock on,
 * as the job executor and the passing minutes would.
 */
class MailOutageTest extends PortalIntegrationTest {

	private static final String RECEIVED_REQUEST = "We received your request for access to the Licensing Portal";

	private static final String CONNECTION_FAILED = "Mail server connection failed";

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The retry cycle's wait between tries: {@code R5/PT1M} in the BPMN files. */
	private static final Duration RETRY_WAIT = Duration.ofMinutes(1);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ManagementService management;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	ChannelTransferRepository transfers;

	@Autowired
	RegistrationRequestRepository registrations;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${camunda.bpm.admin-user.id}")
	String camundaAdmin;

	@Value("${camunda.bpm.admin-user.password}")
	String camundaAdminPassword;

	private LicenseFixtures fixtures;

	private Account customer;

	private Account unrelated;

	private PortalUser partnerAdmin;

	private PortalUser partnerUser;

	private PortalUser customerAdmin;

	private PortalUser unrelatedAdmin;

	private Product product;

	private LineItem bulk;

	/** The process instances this test started: only their jobs run, and whatever is left ends after it. */
	private final List<String> processInstances = new ArrayList<>();

	@BeforeEach
	void aPartnerWithChannelsToTransfer() {
		this.fixtures = new LicenseFixtures(this.context);
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Outage Customer"));
		this.unrelated = this.fixtures.customer(LicenseFixtures.unique("Outage Stranger"));
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Outage Partner"), this.customer);
		this.partnerAdmin = this.fixtures.user("outage-padmin", partner, UserType.PARTNER_ADMINISTRATOR);
		this.partnerUser = this.fixtures.user("outage-puser", partner, UserType.PARTNER_USER);
		this.customerAdmin = this.fixtures.user("outage-cadmin", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
		this.unrelatedAdmin = this.fixtures.user("outage-uadmin", this.unrelated, UserType.CUSTOMER_ADMINISTRATOR);
		this.product = this.fixtures.product("OUT");
		this.bulk = this.fixtures.lineItem(partner, this.product, 100, null);
	}

	/** Whatever happened above, the rest of the suite gets its mail server and the engine its real clock back. */
	@AfterEach
	void mailServerBackClockResetProcessesEnded() {
		ClockUtil.reset();
		TestMailServer.start();
		for (String id : this.processInstances) {
			if (this.runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
				this.runtime.deleteProcessInstance(id, "end of test");
			}
		}
	}

	@Test
	void duringAnOutageRequestsAreAnsweredAndWhenItEndsEveryEmailArrivesOnce() throws Exception {
		List<String> registrants = List.of(registrant("page-1"), registrant("page-2"), registrant("page-3"),
				registrant("api-1"), registrant("api-2"));

		TestMailServer.stop();

		// What the users see is what they always see: nobody is refused because mail cannot go out.
		for (String email : registrants.subList(0, 3)) {
			MvcResult answer = this.mvc.perform(registrationPage(email)).andReturn();
			assertThat(answer.getResponse().getStatus()).isEqualTo(200);
			assertThat(answer.getResponse().getContentAsString()).contains("Thank you, we have your request", email,
					"A confirmation email is on its way");
			started(RegistrationProcess.PROCESS_KEY,
					RegistrationProcess.businessKey(this.registrations.findByOpenEmail(email).orElseThrow().getId()));
		}
		for (String email : registrants.subList(3, 5)) {
			MvcResult answer = this.mvc.perform(registrationApi(email)).andReturn();
			assertThat(answer.getResponse().getStatus()).isEqualTo(202);
			assertThat(json(answer).get("status").asText()).isEqualTo("RECEIVED");
			started(RegistrationProcess.PROCESS_KEY,
					RegistrationProcess.businessKey(this.registrations.findByOpenEmail(email).orElseThrow().getId()));
		}
		// Three automatic transfers to the related customer, three that wait for Order Management.
		String automatic1 = transferOnThePage(this.partnerUser, 3, this.customer);
		String automatic2 = transferOnThePage(this.partnerUser, 4, this.customer);
		String automatic3 = transferThroughTheApi(this.partnerAdmin, 5, this.customer);
		String approved = transferOnThePage(this.partnerAdmin, 6, this.unrelated);
		String rejected = transferThroughTheApi(this.partnerAdmin, 7, this.unrelated);
		String pending = transferOnThePage(this.partnerAdmin, 8, this.unrelated);

		int failed = runDueJobs();
		decide(approved, Map.of("approval", "approve"));
		decide(rejected, Map.of("approval", "reject", "approvalReason", "Not during the audit."));
		failed += runDueJobs();

		// Nothing is lost: every email waits in its job, with four of its five tries left and the reason.
		List<Job> waiting = mailJobs();
		assertThat(failed).isEqualTo(13);
		assertThat(waiting).hasSize(13).allSatisfy(job -> {
			assertThat(job.getRetries()).isEqualTo(4);
			assertThat(job.getExceptionMessage()).contains(CONNECTION_FAILED);
		});
		assertThat(incidents()).isEmpty();
		// ... and the portal went on: channels moved or went back without waiting for the emails.
		for (String number : List.of(automatic1, automatic2, automatic3, approved)) {
			assertThat(state(number)).as(number).isEqualTo(TransferState.COMPLETED);
		}
		assertThat(state(rejected)).isEqualTo(TransferState.REJECTED);
		assertThat(state(pending)).isEqualTo(TransferState.PENDING_APPROVAL);
		assertThat(transferPage(automatic1, this.partnerUser)).contains("Completed");
		assertChannels(100, 8);

		// A minute later the job executor tries again; the server is still down: one try fewer left.
		moveEngineClock(RETRY_WAIT.plusSeconds(30));
		assertThat(runDueJobs()).isEqualTo(13);
		assertThat(mailJobs()).hasSize(13).allSatisfy(job -> assertThat(job.getRetries()).isEqualTo(3));
		ClockUtil.reset();

		TestMailServer.start();
		assertThat(greenMail().getReceivedMessages()).as("delivered while the server was down").isEmpty();
		moveEngineClock(Duration.ofMinutes(3));
		assertThat(runDueJobs()).as("jobs failing after the server came back").isZero();
		ClockUtil.reset();

		Map<String, List<String>> expected = new LinkedHashMap<>();
		registrants.forEach(email -> expected.put(email, List.of(RECEIVED_REQUEST)));
		expected.put(this.customerAdmin.getEmail(), List.of(received(this.customer, 3), received(this.customer, 4),
				received(this.customer, 5)));
		expected.put(this.unrelatedAdmin.getEmail(), List.of(received(this.unrelated, 6)));
		expected.put(this.partnerUser.getEmail(), List.of(completed(automatic1), completed(automatic2)));
		expected.put(this.partnerAdmin.getEmail(), List.of(completed(automatic1), completed(automatic2), completed(automatic3),
				waits(approved), completed(approved), waits(rejected), "Transfer " + rejected + " rejected", waits(pending)));
		int deliveries = 0;
		for (Map.Entry<String, List<String>> recipient : expected.entrySet()) {
			assertThat(subjectsDeliveredTo(recipient.getKey())).as("emails to %s", recipient.getKey())
				.containsExactlyInAnyOrderElementsOf(recipient.getValue());
			deliveries += recipient.getValue().size();
		}
		assertThat(deliveries).isEqualTo(19);
		assertThat(greenMail().getReceivedMessages()).as("every delivery, to anyone").hasSize(deliveries);
		assertThat(mailJobs()).isEmpty();
		assertThat(incidents()).isEmpty();

		// The one transfer still waiting is cancelled; its reservation goes back and the count is whole again.
		this.mvc.perform(post("/transfers/" + pending + "/cancel").with(csrf()).with(LicenseFixtures.as(this.partnerAdmin)))
			.andReturn();
		ProcessJobs.executeDue(this.management, processInstanceOf(pending));
		assertThat(state(pending)).isEqualTo(TransferState.CANCELLED);
		assertChannels(100, 0);
	}

	@Test
	void whenTheRetriesRunOutCockpitShowsAnIncidentAndItsRetrySendsTheMail() throws Exception {
		String number = transferThroughTheApi(this.partnerUser, 2, this.customer);
		String processInstance = processInstanceOf(number);
		TestMailServer.stop();

		assertThat(runDueJobs()).isEqualTo(1);
		Job job = mailJobs().get(0);
		assertThat(job.getFailedActivityId()).isEqualTo("SendChannelsReceived");
		int tries = 1;
		while (job.getRetries() > 0) {
			// Executed directly, as the job executor would once its due date (a minute on) has come.
			String id = job.getId();
			Instant tried = Instant.now();
			assertThatThrownBy(() -> this.management.executeJob(id)).hasMessageContaining(CONNECTION_FAILED);
			tries++;
			job = this.management.createJobQuery().jobId(id).singleResult();
			if (job.getRetries() > 0) {
				// The next try a minute later (MySQL keeps whole seconds).
				assertThat(job.getDuedate().toInstant()).isBetween(tried.plus(RETRY_WAIT).minusSeconds(1),
						Instant.now().plus(RETRY_WAIT).plusSeconds(1));
			}
		}
		assertThat(tries).as("tries before the incident").isEqualTo(5);

		// The job executor leaves the job alone now, however long the outage lasts.
		moveEngineClock(Duration.ofDays(1));
		assertThat(this.management.createJobQuery().processInstanceId(processInstance).executable().count()).isZero();
		ClockUtil.reset();

		// What Cockpit shows: an incident of type failedJob at the mail task, with the reason.
		Incident incident = this.runtime.createIncidentQuery().processInstanceId(processInstance).singleResult();
		assertThat(incident.getIncidentType()).isEqualTo("failedJob");
		assertThat(incident.getActivityId()).isEqualTo("SendChannelsReceived");
		assertThat(incident.getConfiguration()).isEqualTo(job.getId());
		assertThat(incident.getIncidentMessage()).contains(CONNECTION_FAILED);
		JsonNode rest = engineRest("/engine-rest/incident?processInstanceId=" + processInstance);
		assertThat(rest).hasSize(1);
		assertThat(rest.get(0).get("incidentType").asText()).isEqualTo("failedJob");
		assertThat(rest.get(0).get("activityId").asText()).isEqualTo("SendChannelsReceived");
		assertThat(rest.get(0).get("incidentMessage").asText()).contains(CONNECTION_FAILED);
		// The portal is consistent meanwhile: the channels moved, none made or lost.
		assertThat(state(number)).isEqualTo(TransferState.COMPLETED);
		assertChannels(100, 0);

		TestMailServer.start();
		// Cockpit's "Retry": the job gets a try again, which the job executor then makes.
		this.management.setJobRetries(job.getId(), 1);
		this.management.executeJob(job.getId());
		ProcessJobs.executeDue(this.management, processInstance);

		assertThat(subjectsDeliveredTo(this.customerAdmin.getEmail())).containsExactly(received(this.customer, 2));
		assertThat(subjectsDeliveredTo(this.partnerUser.getEmail())).containsExactly(completed(number));
		assertThat(subjectsDeliveredTo(this.partnerAdmin.getEmail())).containsExactly(completed(number));
		assertThat(greenMail().getReceivedMessages()).hasSize(3);
		assertThat(this.runtime.createIncidentQuery().processInstanceId(processInstance).count()).isZero();
		HistoricIncident resolved = this.history.createHistoricIncidentQuery().incidentId(incident.getId()).singleResult();
		assertThat(resolved.isResolved()).isTrue();
		assertThat(engineRest("/engine-rest/incident?processInstanceId=" + processInstance)).isEmpty();
		assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(processInstance).count()).isZero();
	}

	private RequestPostProcessor fromAnAddressOfItsOwn() {
		String address = ClientAddresses.unique();
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder registrationPage(String email) {
		return post("/register").with(csrf())
			.with(fromAnAddressOfItsOwn())
			.param("firstName", "Olga")
			.param("lastName", "Outage")
			.param("email", email)
			.param("phone", "+1 604 555 0177")
			.param("organisation", LicenseFixtures.unique("Outage Security"))
			.param("accountType", "PARTNER")
			.param("proof", "PO-2026-404")
			.param("message", "")
			.param("website", "");
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder registrationApi(String email) {
		return post("/api/v1/registrations").with(fromAnAddressOfItsOwn())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"firstName\":\"Otto\",\"lastName\":\"Outage\",\"email\":\"" + email + "\",\"phone\":\"+1 604 555 0178\","
					+ "\"organisation\":\"" + LicenseFixtures.unique("Outage Scripts") + "\",\"accountType\":\"CUSTOMER\","
					+ "\"proof\":\"PO-2026-405\"}");
	}

	/** Transfer on the Transfer page, confirmed: the user lands on the transfer's page, as on any day. */
	private String transferOnThePage(PortalUser requester, int amount, Account target) throws Exception {
		MvcResult answer = this.mvc.perform(post("/transfers/new").with(csrf())
			.with(LicenseFixtures.as(requester))
			.param("activationId", this.bulk.getActivationId())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("amount", String.valueOf(amount))
			.param("target", target.getAccountNumber())
			.param("addToExisting", "no")
			.param("confirmed", "true")).andReturn();
		assertThat(answer.getResponse().getStatus()).isEqualTo(302);
		String location = answer.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/transfers/T-");
		String number = location.substring("/transfers/".length());
		assertThat(transferPage(number, requester)).contains(number, this.bulk.getActivationId());
		return started(number);
	}

	private String transferThroughTheApi(PortalUser requester, int amount, Account target) throws Exception {
		MvcResult answer = this.mvc.perform(post("/api/v1/transfers").header("Authorization", "Bearer " + this.fixtures.apiToken(requester))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"activationId\":\"" + this.bulk.getActivationId() + "\",\"amount\":" + amount
					+ ",\"targetAccountNumber\":\"" + target.getAccountNumber() + "\"}"))
			.andReturn();
		assertThat(answer.getResponse().getStatus()).isEqualTo(201);
		return started(json(answer).get("id").asText());
	}

	private String transferPage(String number, PortalUser viewer) throws Exception {
		MvcResult page = this.mvc.perform(get("/transfers/" + number).with(LicenseFixtures.as(viewer))).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		return page.getResponse().getContentAsString();
	}

	private String started(String transferNumber) {
		this.processInstances.add(processInstanceOf(transferNumber));
		return transferNumber;
	}

	private void started(String processKey, String businessKey) {
		this.processInstances.add(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(processKey)
			.processInstanceBusinessKey(businessKey)
			.singleResult()
			.getId());
	}

	private String processInstanceOf(String transferNumber) {
		return this.transfers.findByTransferNumber(transferNumber).orElseThrow().getProcessInstanceId();
	}

	private TransferState state(String transferNumber) {
		return this.transfers.findByTransferNumber(transferNumber).orElseThrow().getState();
	}

	/** Order Management decides in Tasklist. */
	private void decide(String transferNumber, Map<String, Object> decision) {
		Task task = this.tasks.createTaskQuery().processInstanceId(processInstanceOf(transferNumber)).singleResult();
		this.tasks.complete(task.getId(), decision);
	}

	/**
	 * Executes the due jobs of this test's processes, round after round, as the job executor would; a job that
	 * fails keeps its place with one try fewer. Answers how many executions failed.
	 */
	private int runDueJobs() {
		int failed = 0;
		for (int round = 0; round < 20; round++) {
			List<Job> due = this.management.createJobQuery()
				.processInstanceIds(Set.copyOf(this.processInstances))
				.executable()
				.list();
			if (due.isEmpty()) {
				return failed;
			}
			for (Job job : due) {
				try {
					this.management.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					failed++;
				}
			}
		}
		throw new AssertionError("The jobs of this test keep coming");
	}

	/** The jobs of this test's processes that failed and wait for another try: the emails not yet sent. */
	private List<Job> mailJobs() {
		List<Job> jobs = this.management.createJobQuery().processInstanceIds(Set.copyOf(this.processInstances)).withException().list();
		jobs.forEach(job -> assertThat(job.getFailedActivityId()).as("a failed job").startsWith("Send"));
		return jobs;
	}

	private List<Incident> incidents() {
		List<Incident> incidents = new ArrayList<>();
		for (String id : this.processInstances) {
			incidents.addAll(this.runtime.createIncidentQuery().processInstanceId(id).list());
		}
		return incidents;
	}

	/** The channels of the product: all of them still exist, and so many are reserved for pending transfers. */
	private void assertChannels(int total, int reserved) {
		Map<String, Object> sums = this.jdbc.queryForMap(
				"select sum(total_quantity) as total, sum(reserved_quantity) as reserved, min(available_quantity) as lowest "
						+ "from line_item where product_id = ?",
				this.product.getId());
		assertThat(((Number) sums.get("total")).intValue()).as("channels of the product").isEqualTo(total);
		assertThat(((Number) sums.get("reserved")).intValue()).as("channels reserved").isEqualTo(reserved);
		assertThat(((Number) sums.get("lowest")).intValue()).isNotNegative();
	}

	private List<String> subjectsDeliveredTo(String recipient) {
		return MailReader.deliveredTo(greenMail(), recipient).stream().map(MailOutageTest::subject).toList();
	}

	private JsonNode engineRest(String path) throws Exception {
		String credentials = Base64.getEncoder()
			.encodeToString((this.camundaAdmin + ":" + this.camundaAdminPassword).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Basic " + credentials).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static void moveEngineClock(Duration ahead) {
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(ahead)));
	}

	private static String registrant(String label) {
		return "outage-" + label + "-" + UUID.randomUUID().toString().substring(0, 8) + "@registration.example";
	}

	private static JsonNode json(MvcResult answer) throws Exception {
		return JSON.readTree(answer.getResponse().getContentAsString());
	}

	private static String received(Account target, int channels) {
		return target.getName() + " received " + channels + " channels";
	}

	private static String completed(String transferNumber) {
		return "Transfer " + transferNumber + " completed";
	}

	private static String waits(String transferNumber) {
		return "Transfer " + transferNumber + " waits for approval";
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
