package com.licensingportal.hostile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.registration.RegistrationForm;
import com.licensingportal.registration.RegistrationProcess;
import com.licensingportal.registration.RegistrationRequestRepository;
import com.licensingportal.registration.RegistrationService;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.transfer.ChannelTransfer;
import com.licensingportal.transfer.ChannelTransferRepository;
import com.licensingportal.transfer.TransferProcess;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.transfer.TransferState;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input catalogue's Order Management section (issue 15): what a careless or malicious Order
 * Management clerk ("om": a Camunda user of the group {@code order-management}, made per test) could send to
 * rewrite what the portal's delegates act on, through the engine's API (as Tasklist's back end calls it, with om's
 * authentication) and through {@code /engine-rest} over real HTTP with om's Basic credentials. Every row must be refused, with
 * Camunda's 403 (no grant to change a variable, a process or a task) or with the portal's sentence (a task
 * completed with anything but its form's decision fields), and must change nothing: the {@link DatabaseSnapshot}
 * of the portal's tables and the engine's runtime tables, and every variable, business key and assignee of the
 * processes involved. Then, the right decision still decides the right transfer.
 */
class OrderManagementCatalogueTest extends PortalIntegrationTest {

	/** Where the attempt goes in. */
	enum Surface {

		ENGINE, REST

	}

	/**
	 * One row: what om sends, and how it must be refused: {@code 403} and {@code 422} are /engine-rest's statuses
	 * (the portal's refusal of a completion is 422 with the sentence alone as its message,
	 * workflow.RefusedDecisionAnswer), the
	 * others are the engine's exception types.
	 */
	record Case(Surface surface, String where, String attempt, String refusal, String message, Attempt send) {

		String name() {
			return "%-6s %s · %s → %s".formatted(this.surface, this.where, this.attempt, this.refusal);
		}

	}

	@FunctionalInterface
	interface Attempt {

		/** The refusal seen: an HTTP status with its body, or the engine's exception type with its message. */
		Refused send(World world) throws Exception;

	}

	record Refused(String kind, String message) {
	}

	static final String FORM_REFUSAL = "This task takes only the fields of its form";

	static final String NOT_GRANTED = "does not have";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@TestFactory
	Stream<DynamicContainer> nothingOrderManagementSendsBesidesTheDecisionChangesWhatThePortalActsOn() {
		World world = new World(this.context, baseUrl());
		Map<String, List<Case>> catalogue = new LinkedHashMap<>();
		catalogue.put("Completing a task with more than its decision", completions());
		catalogue.put("Setting, changing or removing variables", variables());
		catalogue.put("Moving, correlating or starting processes", processes());
		System.out.println("Order Management catalogue: " + catalogue.values().stream().mapToInt(List::size).sum()
				+ " cases; " + catalogue.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList());
		return catalogue.entrySet()
			.stream()
			.map(category -> DynamicContainer.dynamicContainer(category.getKey(),
					category.getValue().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, world)))));
	}

	/** After a refused rewrite, om's decision decides the transfer of the task, and no other. */
	@Test
	void afterARefusedRewriteTheApprovalExecutesItsOwnTransferAndNoOther() throws Exception {
		World world = new World(this.context, baseUrl());
		Refused refused = world.rest("POST", "/task/" + world.approvalTask().getId() + "/complete",
				"{\"variables\": {\"approval\": {\"value\": \"approve\"}, \"transferId\": {\"value\": "
						+ world.other.getId() + ", \"type\": \"Long\"}}}");
		assertThat(refused.kind()).isEqualTo("422");
		assertThat(refused.message()).contains(FORM_REFUSAL);

		Refused approved = world.rest("POST", "/task/" + world.approvalTask().getId() + "/complete",
				"{\"variables\": {\"approval\": {\"value\": \"approve\"}, \"approvalReason\": {\"value\": \"Checked\"}}}");
		assertThat(approved.kind()).isEqualTo("204");
		ProcessJobs.executeDue(world.management, world.transfer.getProcessInstanceId());

		ChannelTransfer executed = world.row(world.transfer);
		assertThat(executed.getState()).isEqualTo(TransferState.COMPLETED);
		assertThat(executed.getDecidedBy()).isEqualTo(world.orderManager.id());
		assertThat(executed.getResult().getOwner().getId()).isEqualTo(world.target.getId());
		ChannelTransfer other = world.row(world.other);
		assertThat(other.getState()).isEqualTo(TransferState.PENDING_APPROVAL);
		assertThat(world.runtime.createProcessInstanceQuery().processInstanceId(other.getProcessInstanceId()).count())
			.isOne();
		assertThat(world.fixtures.reload(world.otherSource).getReservedQuantity()).isEqualTo(3);
	}

	private void check(Case c, World world) throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.dataSource);
		Map<String, Object> processesBefore = world.processes();
		Refused refused;
		try {
			refused = c.send().send(world);
		}
		finally {
			world.identity.clearAuthentication();
		}
		DatabaseSnapshot after = DatabaseSnapshot.take(this.dataSource);

		assertThat(refused.kind()).as("%s answered %s", c.name(), refused.message()).isEqualTo(c.refusal());
		assertThat(refused.message()).as(c.name()).contains(c.message());
		assertThat(after.differencesFrom(before)).as("%s changed the database", c.name()).isEmpty();
		assertThat(world.processes()).as("%s changed a process", c.name()).isEqualTo(processesBefore);
	}

	// ---------------------------------------------------------------------------------------------------------
	// The catalogue
	// ---------------------------------------------------------------------------------------------------------

	private static List<Case> completions() {
		List<Case> cases = new ArrayList<>();
		// Every variable the approval task sees, rewritten along with a valid decision, and one it never had.
		for (String variable : List.of("transferId", "transferNumber", "amount", "relation", "requesterRole",
				"requesterEmail", "requesterName", "targetAccountName", "targetAccountNumber", "activationId",
				"approvalRequired", "approvalRule", "lineItemHistory", "requesterRoleLabel", "outcome", "decidedBy")) {
			cases.add(engine("taskService.complete: approval", "approve + " + variable, "ProcessEngineException",
					FORM_REFUSAL, w -> w.asOm(() -> w.tasks.complete(w.approvalTask().getId(),
							Map.of("approval", "approve", variable, w.hostileValueOf(variable))))));
		}
		cases.add(engine("formService.submitTaskForm: approval", "approve + transferId of another transfer",
				"ProcessEngineException", FORM_REFUSAL, w -> w.asOm(() -> w.forms.submitTaskForm(w.approvalTask().getId(),
						Map.of("approval", "approve", "transferId", w.other.getId())))));
		cases.add(engine("taskService.completeWithVariablesInReturn: approval", "approve + transferId of another transfer",
				"ProcessEngineException", FORM_REFUSAL, w -> w.asOm(() -> w.tasks.completeWithVariablesInReturn(
						w.approvalTask().getId(), Map.of("approval", "approve", "transferId", w.other.getId()), false))));
		cases.add(rest("POST /task/{id}/complete: approval", "approve + transferId of another transfer", "422",
				FORM_REFUSAL, w -> w.rest("POST", "/task/" + w.approvalTask().getId() + "/complete",
						"{\"variables\": {\"approval\": {\"value\": \"approve\"}, \"transferId\": {\"value\": "
								+ w.other.getId() + ", \"type\": \"Long\"}}}")));
		cases.add(rest("POST /task/{id}/submit-form: approval", "reject + requesterEmail", "422", FORM_REFUSAL,
				w -> w.rest("POST", "/task/" + w.approvalTask().getId() + "/submit-form",
						"{\"variables\": {\"approval\": {\"value\": \"reject\"}, \"approvalReason\": {\"value\": \"No\"},"
								+ " \"requesterEmail\": {\"value\": \"victim@elsewhere.example\"}}}")));
		cases.add(rest("POST /task/{id}/submit-form: approval", "approve + transferNumber", "422", FORM_REFUSAL,
				w -> w.rest("POST", "/task/" + w.approvalTask().getId() + "/submit-form",
						"{\"variables\": {\"approval\": {\"value\": \"approve\"}, \"transferNumber\": {\"value\": \""
								+ w.other.getTransferNumber() + "\"}}}")));
		for (String variable : List.of("requestId", "email", "firstName", "organisation", "requestedAccountType",
				"existingUserCheck")) {
			cases.add(rest("POST /task/{id}/submit-form: registration", "reject + " + variable, "422", FORM_REFUSAL,
					w -> w.rest("POST", "/task/" + w.reviewTask().getId() + "/submit-form",
							"{\"variables\": {\"decision\": {\"value\": \"reject\"}, \"rejectionReason\": {\"value\": \"No\"},"
									+ " \"" + variable + "\": {\"value\": \"" + w.hostileValueOf(variable) + "\"}}}")));
		}
		cases.add(engine("formService.submitTaskForm: registration", "approve into a new account + requestId",
				"ProcessEngineException", FORM_REFUSAL,
				w -> w.asOm(() -> w.forms.submitTaskForm(w.reviewTask().getId(), Map.of("decision", "approve",
						"accountChoice", "new", "newAccountName", "Hostile Co", "newAccountType", "PARTNER", "requestId",
						w.otherRequestId())))));
		return cases;
	}

	private static List<Case> variables() {
		return List.of(
				engine("taskService.setVariable", "transferId", "AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.tasks.setVariable(w.approvalTask().getId(), "transferId", w.other.getId()))),
				engine("taskService.setVariableLocal", "transferId", "AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.tasks.setVariableLocal(w.approvalTask().getId(), "transferId", w.other.getId()))),
				engine("taskService.setVariables", "approval, approvalReason", "AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.tasks.setVariables(w.approvalTask().getId(),
								Map.of("approval", "approve", "approvalReason", "preset")))),
				engine("taskService.removeVariable", "transferId", "AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.tasks.removeVariable(w.approvalTask().getId(), "transferId"))),
				engine("taskService.setVariable: registration", "requestId", "AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.tasks.setVariable(w.reviewTask().getId(), "requestId", w.otherRequestId()))),
				engine("runtimeService.setVariable", "transferId on the process instance", "AuthorizationException",
						NOT_GRANTED, w -> w.asOm(() -> w.runtime.setVariable(w.transfer.getProcessInstanceId(), "transferId",
								w.other.getId()))),
				engine("runtimeService.setVariableLocal", "transferId on the task's execution", "AuthorizationException",
						NOT_GRANTED, w -> w.asOm(() -> w.runtime.setVariableLocal(w.approvalTask().getExecutionId(),
								"transferId", w.other.getId()))),
				engine("runtimeService.removeVariable", "requesterEmail", "AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.runtime.removeVariable(w.transfer.getProcessInstanceId(), "requesterEmail"))),
				rest("PUT /task/{id}/variables/transferId", "another transfer's id", "403", NOT_GRANTED,
						w -> w.rest("PUT", "/task/" + w.approvalTask().getId() + "/variables/transferId",
								"{\"value\": " + w.other.getId() + ", \"type\": \"Long\"}")),
				rest("POST /task/{id}/variables", "modifications: transferId, approval", "403", NOT_GRANTED,
						w -> w.rest("POST", "/task/" + w.approvalTask().getId() + "/variables",
								"{\"modifications\": {\"transferId\": {\"value\": " + w.other.getId()
										+ ", \"type\": \"Long\"}, \"approval\": {\"value\": \"approve\"}}}")),
				rest("DELETE /task/{id}/variables/transferId", "", "403", NOT_GRANTED,
						w -> w.rest("DELETE", "/task/" + w.approvalTask().getId() + "/variables/transferId", null)),
				rest("PUT /task/{id}/localVariables/transferId", "another transfer's id", "403", NOT_GRANTED,
						w -> w.rest("PUT", "/task/" + w.approvalTask().getId() + "/localVariables/transferId",
								"{\"value\": " + w.other.getId() + ", \"type\": \"Long\"}")),
				rest("POST /task/{id}/localVariables", "modifications: lineItemHistory", "403", NOT_GRANTED,
						w -> w.rest("POST", "/task/" + w.approvalTask().getId() + "/localVariables",
								"{\"modifications\": {\"lineItemHistory\": {\"value\": \"- all fine\"}}}")),
				rest("PUT /task/{id}/variables/requestId: registration", "another request's id", "403", NOT_GRANTED,
						w -> w.rest("PUT", "/task/" + w.reviewTask().getId() + "/variables/requestId",
								"{\"value\": " + w.otherRequestId() + ", \"type\": \"Long\"}")),
				rest("PUT /process-instance/{id}/variables/transferId", "another transfer's id", "403", NOT_GRANTED,
						w -> w.rest("PUT", "/process-instance/" + w.transfer.getProcessInstanceId() + "/variables/transferId",
								"{\"value\": " + w.other.getId() + ", \"type\": \"Long\"}")),
				rest("POST /process-instance/{id}/variables", "modifications and deletions", "403", NOT_GRANTED,
						w -> w.rest("POST", "/process-instance/" + w.transfer.getProcessInstanceId() + "/variables",
								"{\"modifications\": {\"requesterEmail\": {\"value\": \"victim@elsewhere.example\"}},"
										+ " \"deletions\": [\"transferId\"]}")),
				rest("PUT /execution/{id}/localVariables/transferId", "on the task's execution", "403", NOT_GRANTED,
						w -> w.rest("PUT", "/execution/" + w.approvalTask().getExecutionId() + "/localVariables/transferId",
								"{\"value\": " + w.other.getId() + ", \"type\": \"Long\"}")),
				rest("POST /execution/{id}/localVariables", "modifications on the task's execution", "403", NOT_GRANTED,
						w -> w.rest("POST", "/execution/" + w.approvalTask().getExecutionId() + "/localVariables",
								"{\"modifications\": {\"approvalRequired\": {\"value\": false, \"type\": \"Boolean\"}}}")),
				rest("PUT /task/{id}", "rename and reassign the task", "403", NOT_GRANTED,
						w -> w.rest("PUT", "/task/" + w.approvalTask().getId(),
								"{\"name\": \"Approve channel transfer (checked)\", \"assignee\": \"om\"}")));
	}

	private static List<Case> processes() {
		return List.of(
				engine("runtimeService.createMessageCorrelation", "TransferCancelled with cancelledBy",
						"AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.runtime.createMessageCorrelation("TransferCancelled")
							.processInstanceBusinessKey(w.transfer.getTransferNumber())
							.setVariable("cancelledBy", "someone@elsewhere.example")
							.correlate())),
				engine("runtimeService.createProcessInstanceModification", "start before ExecuteTransfer",
						"AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.runtime.createProcessInstanceModification(w.transfer.getProcessInstanceId())
							.startBeforeActivity("ExecuteTransfer")
							.setVariable("approval", "approve")
							.execute())),
				engine("runtimeService.startProcessInstanceByKey", "ChannelTransfer for another transfer's number",
						"AuthorizationException", NOT_GRANTED,
						w -> w.asOm(() -> w.runtime.startProcessInstanceByKey(TransferProcess.PROCESS_KEY,
								w.other.getTransferNumber(), Map.of("approvalRequired", false)))),
				rest("POST /process-instance/{id}/modification", "start before ExecuteTransfer", "403", NOT_GRANTED,
						w -> w.rest("POST", "/process-instance/" + w.transfer.getProcessInstanceId() + "/modification",
								"{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"ExecuteTransfer\"}]}")),
				rest("POST /message", "TransferCancelled for the transfer, with variables", "403", NOT_GRANTED,
						w -> w.rest("POST", "/message", "{\"messageName\": \"TransferCancelled\", \"businessKey\": \""
								+ w.transfer.getTransferNumber() + "\", \"processVariables\": {\"cancelledBy\": {\"value\":"
								+ " \"someone@elsewhere.example\"}}}")),
				rest("POST /process-definition/key/ChannelTransfer/start", "with another transfer's number", "403",
						NOT_GRANTED, w -> w.rest("POST", "/process-definition/key/ChannelTransfer/start",
								"{\"businessKey\": \"" + w.other.getTransferNumber() + "\", \"variables\": {\"approvalRequired\":"
										+ " {\"value\": false, \"type\": \"Boolean\"}}}")),
				rest("PUT /process-instance/{id}/suspended", "suspend the transfer's process", "403", NOT_GRANTED,
						w -> w.rest("PUT", "/process-instance/" + w.transfer.getProcessInstanceId() + "/suspended",
								"{\"suspended\": true}")));
	}

	private static Case engine(String where, String attempt, String refusal, String message, Attempt send) {
		return new Case(Surface.ENGINE, where, attempt, refusal, message, send);
	}

	private static Case rest(String where, String attempt, String refusal, String message, Attempt send) {
		return new Case(Surface.REST, where, attempt, refusal, message, send);
	}

	// ---------------------------------------------------------------------------------------------------------
	// The world the catalogue attacks
	// ---------------------------------------------------------------------------------------------------------

	/**
	 * Two transfers waiting for Order Management (the one the order manager works on and another) and a registration request
	 * waiting for review, with a second one.
	 */
	static final class World {

		final LicenseFixtures fixtures;

		/** The member of Order Management who works the tasks, in Tasklist and over /engine-rest. */
		final CamundaUser orderManager;

		final TaskService tasks;

		final FormService forms;

		final RuntimeService runtime;

		final IdentityService identity;

		final ManagementService management;

		final ChannelTransferRepository transferRows;

		final Account target;

		final LineItem otherSource;

		final ChannelTransfer transfer;

		final ChannelTransfer other;

		final String reviewProcessInstanceId;

		final String otherReviewProcessInstanceId;

		private final String baseUrl;

		World(ApplicationContext context, String baseUrl) {
			this.baseUrl = baseUrl;
			this.fixtures = new LicenseFixtures(context);
			this.orderManager = this.fixtures.orderManager();
			this.tasks = context.getBean(TaskService.class);
			this.forms = context.getBean(FormService.class);
			this.runtime = context.getBean(RuntimeService.class);
			this.identity = context.getBean(IdentityService.class);
			this.management = context.getBean(ManagementService.class);
			this.transferRows = context.getBean(ChannelTransferRepository.class);
			Account partner = this.fixtures.partner(LicenseFixtures.unique("Larch Integrators"));
			this.target = this.fixtures.customer(LicenseFixtures.unique("Kestrel Foods"));
			Account otherTarget = this.fixtures.customer(LicenseFixtures.unique("Moss Depot"));
			PortalUser admin = this.fixtures.user("omcat", partner, UserType.PARTNER_ADMINISTRATOR);
			Product product = this.fixtures.product("OMC");
			LineItem source = this.fixtures.lineItem(partner, product, 10, null);
			this.otherSource = this.fixtures.lineItem(partner, product, 10, null);
			TransferService transfers = context.getBean(TransferService.class);
			this.transfer = transfers.request(admin.getId(), new TransferRequest(source.getActivationId(), 4,
					this.target.getAccountNumber(), null, null, null)).transfer();
			this.other = transfers.request(admin.getId(), new TransferRequest(this.otherSource.getActivationId(), 3,
					otherTarget.getAccountNumber(), null, null, null)).transfer();
			RegistrationService registrations = context.getBean(RegistrationService.class);
			this.reviewProcessInstanceId = waitingForReview(context, registrations, source);
			this.otherReviewProcessInstanceId = waitingForReview(context, registrations, source);
		}

		private String waitingForReview(ApplicationContext context, RegistrationService registrations, LineItem proof) {
			RegistrationForm form = new RegistrationForm();
			form.setFirstName("Jana");
			form.setLastName("Novak");
			form.setEmail(LicenseFixtures.unique("jana").toLowerCase().replace(' ', '-') + "@registration.example");
			form.setPhone("+1 604 555 0188");
			form.setOrganisation(LicenseFixtures.unique("Bayside Security"));
			form.setAccountType("PARTNER");
			form.setProof(proof.getEntitlement().getEntitlementId());
			form.setMessage("We install the cameras for the harbour.");
			registrations.submit(form, ClientAddresses.unique());
			Long requestId = context.getBean(RegistrationRequestRepository.class)
				.findByOpenEmail(form.getEmail())
				.orElseThrow()
				.getId();
			String processInstanceId = this.runtime.createProcessInstanceQuery()
				.processDefinitionKey(RegistrationProcess.PROCESS_KEY)
				.processInstanceBusinessKey(RegistrationProcess.businessKey(requestId))
				.singleResult()
				.getId();
			ProcessJobs.executeDue(this.management, processInstanceId);
			return processInstanceId;
		}

		ChannelTransfer row(ChannelTransfer transfer) {
			return this.transferRows.findByTransferNumber(transfer.getTransferNumber()).orElseThrow();
		}

		Task approvalTask() {
			return this.tasks.createTaskQuery()
				.processInstanceId(row(this.transfer).getProcessInstanceId())
				.taskDefinitionKey("ApproveChannelTransfer")
				.singleResult();
		}

		Task reviewTask() {
			return this.tasks.createTaskQuery()
				.processInstanceId(this.reviewProcessInstanceId)
				.taskDefinitionKey("ReviewRegistrationRequest")
				.singleResult();
		}

		Long otherRequestId() {
			return Long.valueOf(this.runtime.createProcessInstanceQuery()
				.processInstanceId(this.otherReviewProcessInstanceId)
				.singleResult()
				.getBusinessKey()
				.replaceFirst("^REG-", ""));
		}

		/** A value that would point the process elsewhere, of the variable's type. */
		Object hostileValueOf(String variable) {
			return switch (variable) {
				case "transferId" -> this.other.getId();
				case "requestId" -> otherRequestId();
				case "amount" -> 1;
				case "approvalRequired" -> false;
				case "transferNumber" -> this.other.getTransferNumber();
				case "requesterEmail", "email" -> "victim@elsewhere.example";
				case "outcome" -> "CANCELLED";
				case "relation" -> "RELATED_CUSTOMER";
				case "requestedAccountType" -> "CUSTOMER";
				default -> "[Approve: verified](https://evil.example/x)";
			};
		}

		/** What the processes involved hold: every variable, task-local variable, business key and assignee. */
		Map<String, Object> processes() {
			Map<String, Object> state = new TreeMap<>();
			for (String processInstanceId : List.of(row(this.transfer).getProcessInstanceId(),
					row(this.other).getProcessInstanceId(), this.reviewProcessInstanceId, this.otherReviewProcessInstanceId)) {
				state.put(processInstanceId + " variables", new TreeMap<>(this.runtime.getVariables(processInstanceId)));
				state.put(processInstanceId + " business key", this.runtime.createProcessInstanceQuery()
					.processInstanceId(processInstanceId)
					.singleResult()
					.getBusinessKey());
				for (Task task : this.tasks.createTaskQuery().processInstanceId(processInstanceId).list()) {
					state.put(task.getId() + " local variables", new TreeMap<>(this.tasks.getVariablesLocal(task.getId())));
					state.put(task.getId() + " task", task.getName() + " · " + task.getAssignee() + " · "
							+ task.getTaskDefinitionKey());
				}
			}
			return state;
		}

		/** Runs the call as the order manager in Tasklist, and answers how the engine refused it. */
		Refused asOm(Runnable call) {
			this.identity.setAuthentication(this.orderManager.id(), List.of(OrderManagementSetup.GROUP));
			try {
				call.run();
				return new Refused("accepted", "");
			}
			catch (AuthorizationException refused) {
				return new Refused("AuthorizationException", refused.getMessage());
			}
			catch (ProcessEngineException refused) {
				return new Refused(refused.getClass().getSimpleName(), refused.getMessage());
			}
			finally {
				this.identity.clearAuthentication();
			}
		}

		/** Sends the request to /engine-rest with the order manager's Basic credentials. */
		Refused rest(String method, String path, String json) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/engine-rest" + path))
				.header("Authorization", this.orderManager.basic())
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			String body = response.body();
			String message = body.isBlank() ? "" : JSON.readTree(body).path("message").asText(body);
			return new Refused(String.valueOf(response.statusCode()), message);
		}

	}

}
