package com.licensingportal.usermanagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.Role;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * Issue 15 item 8 over real HTTP: Create user (step 1, step 2, the API) answers an administrator the same for a
 * new email and for the email of a user in an account the administrator cannot see; that user is emailed
 * (bpmn/existing-user-notice.bpmn) and stays exactly as they were; a user the administrator can see is
 * "already a user of your accounts"; the per-administrator limit answers 429, never 500.
 */
class CreateUserProbeTest extends UserTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	private LicenseFixtures fixtures;

	private Account partner;

	private Account customer;

	private PortalUser admin;

	/** A user of an account the administrator cannot see. */
	private PortalUser outsider;

	private final List<Long> noticesToEnd = new ArrayList<>();

	@BeforeEach
	void setUp() {
		init(this.engine);
		this.fixtures = new LicenseFixtures(this.context);
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Probe Harbor"));
		this.partner = this.fixtures.partnerOf(LicenseFixtures.unique("Probe Partner"), this.customer);
		this.admin = this.fixtures.user("Paula", this.partner, UserType.PARTNER_ADMINISTRATOR);
		Account elsewhere = this.fixtures.customer(LicenseFixtures.unique("Probe Elsewhere"));
		this.outsider = this.fixtures.user("Olga", elsewhere, UserType.CUSTOMER_ADMINISTRATOR);
	}

	@AfterEach
	void endProcesses() {
		this.noticesToEnd.forEach(id -> ProcessJobs.endRunning(this.runtime, ExistingUserNoticeProcess.PROCESS_KEY, String.valueOf(id)));
		this.users.findLinkedToAny(List.of(this.customer.getId()))
			.forEach(user -> ProcessJobs.endRunning(this.runtime, InvitationProcess.PROCESS_KEY, String.valueOf(user.getId())));
	}

	@Test
	void bothPageStepsAnswerTheSameForANewEmailAndAUserElsewhere() {
		HttpBrowser browser = loggedIn(this.admin);
		String free = UserFixtures.uniqueEmail("free");
		String taken = this.outsider.getEmail();
		Map<String, Object> before = stateOf(this.outsider);
		this.noticesToEnd.add(this.outsider.getId());

		Page freeStep1 = browser.postForm("/users/new", "email", free, "firstName", "Nora", "lastName", "New");
		Page takenStep1 = browser.postForm("/users/new", "email", taken, "firstName", "Nora", "lastName", "New");

		assertThat(freeStep1.status()).isEqualTo(200);
		assertThat(takenStep1.status()).isEqualTo(200);
		assertThat(comparable(takenStep1.body(), taken)).isEqualTo(comparable(freeStep1.body(), free))
			.contains("Link accounts", this.customer.getName());

		Page freeStep2 = step2(browser, free);
		String freeMessage = browser.open("/users").body();
		Page takenStep2 = step2(browser, taken);
		String takenMessage = browser.open("/users").body();

		assertThat(freeStep2.status()).isEqualTo(302);
		assertThat(takenStep2.status()).isEqualTo(302);
		assertThat(takenStep2.redirectPath()).isEqualTo(freeStep2.redirectPath()).isEqualTo("/users");
		assertThat(message(freeMessage)).isEqualTo("An email invitation is on its way to " + free + ".");
		assertThat(message(takenMessage)).isEqualTo("An email invitation is on its way to " + taken + ".");

		assertThat(this.users.findByEmail(free)).get().satisfies(created -> {
			assertThat(created.getStatus()).isEqualTo(UserStatus.INVITED);
			assertThat(created.membershipOf(this.customer.getId())).isPresent();
		});
		assertThat(stateOf(this.outsider)).as("the user elsewhere is neither changed nor linked").isEqualTo(before);
		assertNoticeSent(this.outsider, 1);
	}

	@Test
	void theApiAnswersTheSameForANewEmailAndAUserElsewhere() {
		String token = this.fixtures.apiToken(this.admin);
		ApiClient api = new ApiClient(baseUrl());
		String free = UserFixtures.uniqueEmail("api-free");
		String taken = this.outsider.getEmail();
		Map<String, Object> before = stateOf(this.outsider);
		this.noticesToEnd.add(this.outsider.getId());

		Answer freeAnswer = api.postJson("/api/v1/users", token, newUser(free));
		Answer takenAnswer = api.postJson("/api/v1/users", token, newUser(taken.toUpperCase()));

		assertThat(freeAnswer.status()).as(freeAnswer.body()).isEqualTo(202);
		assertThat(takenAnswer.status()).as(takenAnswer.body()).isEqualTo(202);
		assertThat(takenAnswer.body().replace(taken, "EMAIL")).isEqualTo(freeAnswer.body().replace(free, "EMAIL"));
		assertThat(takenAnswer.header("Content-Type")).isEqualTo(freeAnswer.header("Content-Type"));
		assertThat(takenAnswer.header("Location")).isEqualTo(freeAnswer.header("Location")).isNull();
		assertThat(this.users.existsByEmail(free)).isTrue();
		assertThat(stateOf(this.outsider)).isEqualTo(before);
		assertNoticeSent(this.outsider, 1);
	}

	@Test
	void aUserTheAdministratorCanSeeIsAlreadyAUserOfTheirAccounts() {
		PortalUser colleague = this.fixtures.user("Carl", this.customer, UserType.CUSTOMER_USER);
		HttpBrowser browser = loggedIn(this.admin);

		Page step1 = browser.postForm("/users/new", "email", colleague.getEmail(), "firstName", "Carl", "lastName", "Again");
		Answer api = new ApiClient(baseUrl()).postJson("/api/v1/users", this.fixtures.apiToken(this.admin),
				newUser(colleague.getEmail()));

		assertThat(step1.status()).isEqualTo(409);
		assertThat(step1.body()).contains(colleague.getEmail() + " is already a user of your accounts.",
				"href=\"/users/" + colleague.getId() + "\"");
		assertThat(api.status()).isEqualTo(409);
		assertThat(api.json().get("detail").asText()).startsWith(colleague.getEmail() + " is already a user of your accounts.");
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ExistingUserNoticeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(colleague.getId()))
			.count()).isZero();
	}

	@Test
	void anAdministratorWhoProbesAtScaleGets429NeverA500() {
		HttpBrowser browser = loggedIn(this.admin);
		List<Integer> statuses = new ArrayList<>();
		// The default: 60 attempts per administrator an hour (step 1, step 2 and the API count alike).
		for (int i = 0; i < 61; i++) {
			statuses.add(browser.postForm("/users/new", "email", UserFixtures.uniqueEmail("probe" + i), "firstName",
					"Pro", "lastName", "Be").status());
		}
		Page refused = browser.postForm("/users/new", "email", this.outsider.getEmail(), "firstName", "Pro", "lastName",
				"Be");
		Answer api = new ApiClient(baseUrl()).postJson("/api/v1/users", this.fixtures.apiToken(this.admin),
				newUser(UserFixtures.uniqueEmail("api-probe")));

		assertThat(statuses.subList(0, 60)).containsOnly(200);
		assertThat(statuses.get(60)).isEqualTo(429);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(refused.body()).contains("You have sent too many of these requests. Try again in");
		assertThat(api.status()).isEqualTo(429);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.header("Retry-After")).isNotBlank();
		assertThat(api.json().get("detail").asText()).startsWith("You have sent too many of these requests.");
	}

	/** The notice process: its one mail task, asynchronous, then its end; the email says who to ask. */
	private void assertNoticeSent(PortalUser existing, int count) {
		ProcessInstance notice = this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(ExistingUserNoticeProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(existing.getId()))
			.singleResult();
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(notice)
			.isWaitingAt("SendExistingUserNotice");
		ProcessJobs.executeDue(this.management, notice.getId());
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(notice)
			.hasPassedInOrder("AdministratorTriedToAddExistingUser", "SendExistingUserNotice", "ExistingUserTold")
			.isEnded();
		MimeMessage mail = InvitationMails.awaitNth(greenMail(), existing.getEmail(), count);
		assertThat(InvitationMails.subject(mail))
			.isEqualTo(this.admin.getDisplayName() + " tried to add you to " + this.customer.getName());
		assertThat(InvitationMails.text(mail)).contains(this.admin.getEmail(), "You already have a login",
				"nothing was changed", "was not told that you already have a login")
			.doesNotContain("/invitations/");
		assertThat(InvitationMails.html(mail)).contains(this.admin.getEmail());
		assertThat(InvitationMails.to(greenMail(), existing.getEmail())).hasSize(count);
	}

	/** What must not change for the user elsewhere: links, status, password, invitations. */
	private Map<String, Object> stateOf(PortalUser user) {
		return Map.of("user", this.jdbc.queryForMap("select email, first_name, last_name, status, password_hash"
				+ " from portal_user where id = ?", user.getId()),
				"memberships", this.jdbc.queryForList("select account_id, user_type from account_membership"
						+ " where user_id = ? order by account_id", user.getId()),
				"links", this.jdbc.queryForList("select purpose, token_hash from link_token where user_id = ? order by id",
						user.getId()),
				"invitations", this.runtime.createProcessInstanceQuery()
					.processDefinitionKey(InvitationProcess.PROCESS_KEY)
					.processInstanceBusinessKey(String.valueOf(user.getId()))
					.count());
	}

	private Page step2(HttpBrowser browser, String email) {
		return browser.postForm("/users/new/accounts", "email", email, "firstName", "Nora", "lastName", "New", "account",
				String.valueOf(this.customer.getId()), "roles-" + this.customer.getId(), Role.END_USER.name());
	}

	private String newUser(String email) {
		return """
				{"email": "%s", "firstName": "Nora", "lastName": "New", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}"""
			.formatted(email, this.customer.getId());
	}

	/** The page with the email replaced and without the CSRF token, which Spring Security masks anew each time. */
	private static String comparable(String page, String email) {
		return page.replace(email, "EMAIL")
			.replaceAll("(name=\"_csrf\"[^>]*?(?:value|content)=\")[^\"]*\"", "$1\"")
			.replaceAll("(?:value|content)=\"[^\"]*\"([^>]*name=\"_csrf\")", "$1");
	}

	private static String message(String page) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("id=\"message\">([^<]*)<").matcher(page);
		assertThat(matcher.find()).as("a message on the page").isTrue();
		return matcher.group(1);
	}

	private HttpBrowser loggedIn(PortalUser user) {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(user.getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		browser.open("/users/new");
		return browser;
	}

}
