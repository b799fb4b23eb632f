package com.licensingportal.workflow;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.LicenseFixtures.CamundaUser;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CamundaSetupTest extends PortalIntegrationTest {

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Autowired
	IdentityService identity;

	@Autowired
	FilterService filters;

	@Autowired
	TaskService tasks;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	private final HttpClient http = HttpClient.newHttpClient();

	@AfterEach
	void clearAuthentication() {
		this.identity.clearAuthentication();
	}

	@Test
	void grantsOnTasksMadeBeforeLetTheirCandidatesWorkThemAndNoLongerUpdateThem() {
		org.camunda.bpm.engine.AuthorizationService authorizations = this.context
			.getBean(org.camunda.bpm.engine.AuthorizationService.class);
		org.camunda.bpm.engine.authorization.Authorization old = authorizations
			.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
		old.setGroupId(OrderManagementSetup.GROUP);
		old.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
		old.setResourceId("task-of-an-older-release-" + java.util.UUID.randomUUID());
		old.addPermission(org.camunda.bpm.engine.authorization.Permissions.UPDATE);
		String id = authorizations.saveAuthorization(old).getId();
		try {
			this.context.getBean(OrderManagementSetup.class).run(null);

			org.camunda.bpm.engine.authorization.Authorization now = authorizations.createAuthorizationQuery()
				.authorizationId(id)
				.singleResult();
			assertThat(now.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.UPDATE)).isFalse();
			assertThat(now.isPermissionGranted(org.camunda.bpm.engine.authorization.TaskPermissions.TASK_WORK)).isTrue();
		}
		finally {
			authorizations.deleteAuthorization(id);
		}
	}

	@Test
	void theGroupsOfOrderManagementAndOfTheOrderSystemExist() {
		assertThat(this.identity.createGroupQuery().groupId(OrderManagementSetup.GROUP).singleResult()).isNotNull();
		assertThat(this.identity.createGroupQuery().groupId(OrderManagementSetup.ORDER_INTAKE_GROUP).singleResult())
			.isNotNull();
	}

	@Test
	void aMemberOfOrderManagementSeesTheGroupsTaskThroughTheFilterAndCanClaimIt() {
		CamundaUser orderManager = fixtures().orderManager();
		BpmnModelInstance model = Bpmn.createExecutableProcess("SetupCheck")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("CheckSomething")
			.camundaCandidateGroups(OrderManagementSetup.GROUP)
			.endEvent()
			.done();
		Deployment deployment = this.repository.createDeployment().addModelInstance("setup-check.bpmn", model).deploy();
		try {
			ProcessInstance instance = this.runtime.startProcessInstanceByKey("SetupCheck");

			this.identity.setAuthentication(orderManager.id(), List.of(OrderManagementSetup.GROUP));
			Filter filter = this.filters.createFilterQuery().filterName(OrderManagementSetup.FILTER_NAME).singleResult();
			assertThat(filter).as("a member may read the Order Management filter").isNotNull();
			List<Task> listed = this.filters.list(filter.getId());
			Task task = listed.stream().filter(t -> t.getProcessInstanceId().equals(instance.getId())).findFirst().orElseThrow();

			this.tasks.claim(task.getId(), orderManager.id());
			this.tasks.complete(task.getId());
			this.identity.clearAuthentication();

			assertThat(this.runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		}
		finally {
			this.identity.clearAuthentication();
			this.repository.deleteDeployment(deployment.getId(), true);
		}
	}

	@Test
	void aUserOutsideTheGroupCannotClaimItsTasks() {
		BpmnModelInstance model = Bpmn.createExecutableProcess("SetupCheckOutsider")
			.camundaHistoryTimeToLive(1)
			.startEvent()
			.userTask("CheckSomething")
			.camundaCandidateGroups(OrderManagementSetup.GROUP)
			.endEvent()
			.done();
		Deployment deployment = this.repository.createDeployment().addModelInstance("setup-check-outsider.bpmn", model).deploy();
		try {
			ProcessInstance instance = this.runtime.startProcessInstanceByKey("SetupCheckOutsider");
			Task task = this.tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();

			this.identity.setAuthentication("stranger", List.of());
			assertThatThrownBy(() -> this.tasks.claim(task.getId(), "stranger")).isInstanceOf(AuthorizationException.class);
		}
		finally {
			this.identity.clearAuthentication();
			this.repository.deleteDeployment(deployment.getId(), true);
		}
	}

	@Test
	void engineRestAnswers401WithoutCredentials() throws Exception {
		HttpResponse<String> response = get("/engine-rest/task", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
	}

	@Test
	void engineRestAnswers401ForAnUnknownUser() throws Exception {
		// Not a real user with a wrong password: Camunda would then delay their next logins (its brute-force guard).
		assertThat(get("/engine-rest/task", "nobody:wrong").statusCode()).isEqualTo(401);
	}

	@Test
	void engineRestAnswersACamundaUser() throws Exception {
		CamundaUser orderManager = fixtures().orderManager();
		HttpResponse<String> response = get("/engine-rest/filter", orderManager.id() + ":" + orderManager.password());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains(OrderManagementSetup.FILTER_NAME);
	}

	@Test
	void portalCredentialsDoNotOpenEngineRest() throws Exception {
		LicenseFixtures fixtures = fixtures();
		PortalUser portalUser = fixtures.user("NotCamunda", fixtures.partner(LicenseFixtures.unique("Not Camunda")),
				UserType.PARTNER_ADMINISTRATOR);
		assertThat(get("/engine-rest/task", portalUser.getEmail() + ":" + LicenseFixtures.PASSWORD).statusCode())
			.isEqualTo(401);
	}

	@Test
	void aMemberOfOrderManagementCanLogInToTasklist() throws Exception {
		CamundaUser orderManager = fixtures().orderManager();
		// As the Tasklist page does it: fetch the page for the session and XSRF cookies, then post the login.
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		browser.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/app/tasklist/default/")).build(),
				HttpResponse.BodyHandlers.discarding());
		String xsrf = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow()
			.getValue();
		HttpRequest login = HttpRequest.newBuilder(URI.create(baseUrl() + "/camunda/api/admin/auth/user/default/login/tasklist"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", xsrf)
			.POST(HttpRequest.BodyPublishers.ofString("username=" + orderManager.id() + "&password="
					+ URLEncoder.encode(orderManager.password(), StandardCharsets.UTF_8)))
			.build();
		HttpResponse<String> response = browser.send(login, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"userId\":\"" + orderManager.id() + "\"").contains("tasklist");
	}

	@Test
	void tasklistIsServedUnderCamunda() throws Exception {
		HttpResponse<String> response = get("/camunda/app/tasklist/default/", null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).containsIgnoringCase("tasklist");
	}

	private LicenseFixtures fixtures() {
		return new LicenseFixtures(this.context);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET();
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
