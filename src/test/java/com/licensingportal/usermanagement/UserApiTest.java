package com.licensingportal.usermanagement;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserFixtures.Org;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/accounts/{id}/users, POST /api/v1/users and DELETE /api/v1/users/{id} over real HTTP: the
 * invitation starts and ends as with Actions &gt; Create and Delete, and every refusal has its status.
 */
class UserApiTest extends UserTestSupport {

	@Autowired
	PersonalAccessTokenService tokens;

	private ApiClient api;

	private Org org;

	private PortalUser partnerAdmin;

	private PortalUser customerAdmin;

	private String partnerAdminToken;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(baseUrl());
		this.org = this.fixtures().org();
		this.partnerAdmin = this.fixtures().activeUserWithoutPassword(this.org.partner(), UserType.PARTNER_ADMINISTRATOR);
		this.customerAdmin = this.fixtures().activeUserWithoutPassword(this.org.customer(),
				UserType.CUSTOMER_ADMINISTRATOR);
		this.partnerAdminToken = token(this.partnerAdmin);
	}

	@AfterEach
	void endInvitations() {
		this.fixtures().endInvitationsIn(this.org, this.runtime);
	}

	@Test
	void anAdministratorListsTheUsersOfAnAccount() {
		PortalUser invited = this.fixtures().invitedUser(this.org.customer(), UserType.CUSTOMER_USER);

		Answer answer = this.api.get("/api/v1/accounts/" + this.org.customer().getId() + "/users", this.partnerAdminToken);

		assertThat(answer.status()).isEqualTo(200);
		JsonNode users = answer.json();
		assertThat(users.findValuesAsText("email")).containsExactlyInAnyOrder(this.customerAdmin.getEmail(),
				invited.getEmail());
		JsonNode admin = find(users, this.customerAdmin.getEmail());
		assertThat(admin.get("id").asLong()).isEqualTo(this.customerAdmin.getId());
		assertThat(admin.get("status").asText()).isEqualTo("ACTIVE");
		assertThat(admin.get("accounts")).singleElement().satisfies(link -> {
			assertThat(link.get("accountId").asLong()).isEqualTo(this.org.customer().getId());
			assertThat(link.get("accountNumber").asText()).isEqualTo(this.org.customer().getAccountNumber());
			assertThat(link.get("userType").asText()).isEqualTo("CUSTOMER_ADMINISTRATOR");
			assertThat(link.get("roles")).extracting(JsonNode::asText).containsExactlyInAnyOrder("END_USER_ADMIN", "END_USER");
		});
		assertThat(find(users, invited.getEmail()).get("status").asText()).isEqualTo("INVITED");
	}

	@Test
	void creatingAUserInvitesThemAndDeletingThemEndsTheInvitation() throws Exception {
		String email = UserFixtures.uniqueEmail("Api.Created");

		Answer created = this.api.postJson("/api/v1/users", this.partnerAdminToken, """
				{"email": "%s", "firstName": "Ines", "lastName": "Stall", "phone": "+1 604 555 0101", "jobTitle": "Installer",
				 "accounts": [{"accountId": %d, "roles": ["END_USER_ADMIN", "END_USER"]}]}"""
			.formatted(email.toUpperCase(), this.org.customer().getId()));

		assertThat(created.status()).isEqualTo(202);
		assertThat(created.json().get("email").asText()).isEqualTo(email);
		assertThat(created.json().get("message").asText()).isEqualTo("An email invitation is on its way to " + email + ".");
		JsonNode user = find(this.api.get("/api/v1/accounts/" + this.org.customer().getId() + "/users",
				this.partnerAdminToken).json(), email);
		long userId = user.get("id").asLong();
		assertThat(user.get("status").asText()).isEqualTo("INVITED");
		assertThat(user.get("jobTitle").asText()).isEqualTo("Installer");
		assertThat(user.at("/accounts/0/userType").asText()).isEqualTo("CUSTOMER_ADMINISTRATOR");
		ProcessInstance invitation = invitationOf(userId);
		assertThat(invitation).as("the invitation process runs").isNotNull();
		ProcessJobs.executeDue(this.management, invitation.getId());
		MimeMessage mail = InvitationMails.awaitNth(greenMail(), email, 1);
		assertThat(InvitationMails.text(mail)).contains("/invitations/");

		Answer deleted = this.api.delete("/api/v1/users/" + userId, this.partnerAdminToken);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertThat(this.users.findById(userId)).isEmpty();
		assertThat(invitationOf(userId)).as("the invitation ended").isNull();
		assertThat(this.api.delete("/api/v1/users/" + userId, this.partnerAdminToken).status()).isEqualTo(404);
	}

	@Test
	void everyCreateRefusalHasItsStatusAndFieldAndCreatesNobody() {
		long customer = this.org.customer().getId();
		String email = UserFixtures.uniqueEmail("Never");

		createRefused("""
				{"email": "%s", "firstName": "Dup", "lastName": "Licate", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}"""
			.formatted(this.customerAdmin.getEmail(), customer), 409, null,
				this.customerAdmin.getEmail() + " is already a user of your accounts.");
		createRefused("""
				{"email": "not-an-email", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}"""
			.formatted(customer), 422, "email", "Enter a valid email address, like name@example.com.");
		createRefused("""
				{"email": "\\"x,victim@target.example\\"@evil.example", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}"""
			.formatted(customer), 422, "email", "Enter the email address without quotation marks, like name@example.com: "
					+ "the portal does not accept quoted addresses.");
		createRefused("""
				{"email": "never@example.com;victim@target.example", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}"""
			.formatted(customer), 422, "email", "Enter one email address, without commas or semicolons, like name@example.com.");
		createRefused("""
				{"email": "%s", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}""".formatted(email,
				customer), 422, "firstName", "Enter the first name.");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["DEALER_USER", "END_USER"]}]}"""
			.formatted(email, customer), 422, "roles", "dealer roles are only for partner accounts");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["END_USER_ADMIN"]}]}"""
			.formatted(email, customer), 422, "roles", "is not a valid combination");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["BOSS"]}]}"""
			.formatted(email, customer), 422, "roles", "Roles are DEALER_ADMIN, DEALER_USER, END_USER_ADMIN and END_USER, not BOSS.");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d}]}""".formatted(email, customer),
				422, "roles", "Choose the roles for " + this.org.customer().getName() + ".");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B"}""".formatted(email), 422, "accounts",
				"Choose at least one account and its roles.");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B", "accounts": [{"roles": ["END_USER"]}]}""".formatted(email),
				422, "accounts[0].accountId", "Give the account's id");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B", "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}"""
			.formatted(email, this.org.foreignCustomer().getId()), 404, null,
				"The account " + this.org.foreignCustomer().getId() + " was not found.");
		createRefused("""
				{"email": "%s", "firstName": "A", "lastName": "B", "accounts": [null]}""".formatted(email), 422,
				"accounts[0]", "Give each account as");
		createRefused("{\"email\": ", 400, null, "not valid JSON");

		assertThat(this.users.existsByEmail(email)).isFalse();
	}

	@Test
	void deleteRefusesYourselfAndTheLastAdministrator() {
		Answer yourself = this.api.delete("/api/v1/users/" + this.partnerAdmin.getId(), this.partnerAdminToken);
		assertThat(yourself.status()).isEqualTo(409);
		assertThat(yourself.json().get("detail").asText()).isEqualTo("You cannot delete yourself.");

		Answer lastAdmin = this.api.delete("/api/v1/users/" + this.customerAdmin.getId(), this.partnerAdminToken);
		assertThat(lastAdmin.status()).isEqualTo(409);
		assertThat(lastAdmin.json().get("detail").asText())
			.isEqualTo(this.org.customer().getName() + " would be left without an active administrator. Make another user of "
					+ this.org.customer().getName() + " an administrator first.");

		PortalUser foreign = this.fixtures().activeUserWithoutPassword(this.org.foreignCustomer(), UserType.CUSTOMER_USER);
		Answer notYours = this.api.delete("/api/v1/users/" + foreign.getId(), this.partnerAdminToken);
		assertThat(notYours.status()).isEqualTo(404);
		assertThat(notYours.json().get("detail").asText()).isEqualTo("The user was not found.");
		assertThat(this.api.delete("/api/v1/users/someone", this.partnerAdminToken).status()).isEqualTo(400);

		assertThat(this.users.findById(this.customerAdmin.getId())).isPresent();
		assertThat(this.users.findById(foreign.getId())).isPresent();
	}

	@Test
	void theUsersOfAnAccountYouDoNotAdministerAreNotFound() {
		String customerAdminToken = token(this.customerAdmin);

		for (Long accountId : new Long[] { this.org.partner().getId(), this.org.foreignCustomer().getId(), -1L }) {
			Answer answer = this.api.get("/api/v1/accounts/" + accountId + "/users", customerAdminToken);
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.json().get("detail").asText()).isEqualTo("The account " + accountId + " was not found.");
		}
	}

	private void createRefused(String body, int status, String field, String message) {
		Answer answer = this.api.postJson("/api/v1/users", this.partnerAdminToken, body);
		assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("detail").asText()).contains(message);
		if (field != null) {
			assertThat(answer.json().get("errors").get(0).get("field").asText()).isEqualTo(field);
		}
	}

	private ProcessInstance invitationOf(long userId) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(userId))
			.singleResult();
	}

	private String token(PortalUser user) {
		return this.tokens.issue(user.getId(), "test", Duration.ofHours(1)).secret();
	}

	private static JsonNode find(JsonNode users, String email) {
		for (JsonNode user : users) {
			if (user.get("email").asText().equals(email)) {
				return user;
			}
		}
		throw new AssertionError("No user " + email + " in " + users);
	}

}
