package com.licensingportal.usermanagement;

import java.util.Set;

import com.licensingportal.account.Account;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.Role;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserFixtures.Org;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The rules of the user screens: bad input gets a clear message and changes nothing. */
class UserScreensTest extends UserTestSupport {

	Org org;

	PortalUser partnerAdmin;

	PortalUser customerAdmin;

	@BeforeEach
	void setUp() {
		this.org = this.fixtures().org();
		this.partnerAdmin = this.fixtures().activeUserWithoutPassword(this.org.partner(), UserType.PARTNER_ADMINISTRATOR);
		this.customerAdmin = this.fixtures().activeUserWithoutPassword(this.org.customer(),
				UserType.CUSTOMER_ADMINISTRATOR);
	}

	@AfterEach
	void endInvitations() {
		this.fixtures().endInvitationsIn(this.org, this.runtime);
	}

	@Test
	void createChecksTheDetailsFirstAndThenOffersOnlyTheAdministeredAccounts() throws Exception {
		String blank = refused(422, this.partnerAdmin, post("/users/new").with(csrf()).param("email", "not-an-email")
			.param("firstName", " ")
			.param("lastName", "Person"));
		assertThat(blank).contains("Enter a valid email address", "Enter the first name.");

		String taken = refused(409, this.partnerAdmin, post("/users/new").with(csrf()).param("email", this.customerAdmin.getEmail())
			.param("firstName", "Dup")
			.param("lastName", "Licate"));
		assertThat(taken).contains(this.customerAdmin.getEmail() + " is already a user of your accounts.",
				"/users/" + this.customerAdmin.getId());

		String email = UserFixtures.uniqueEmail("Step.Two");
		String step2 = body(this.partnerAdmin, post("/users/new").with(csrf()).param("email", email.toUpperCase())
			.param("firstName", "Stella")
			.param("lastName", "Two"));
		assertThat(step2).contains("Link accounts", "Partners", "Customers", this.org.partner().getName(),
				this.org.customer().getName(), "type=\"hidden\" name=\"email\" value=\"" + email + "\"")
			.doesNotContain(this.org.foreignCustomer().getName(), this.org.foreignPartner().getName());
		assertThat(this.users.existsByEmail(email)).isFalse();

		String customerAdminsChoice = body(this.customerAdmin, get("/users/new"));
		assertThat(customerAdminsChoice).contains("Create user");
		String customerAdminsStep2 = body(this.customerAdmin, post("/users/new").with(csrf()).param("email", email)
			.param("firstName", "Stella")
			.param("lastName", "Two"));
		assertThat(customerAdminsStep2).contains(this.org.customer().getName(), "You administer no partner account.")
			.doesNotContain(this.org.partner().getName());
	}

	@Test
	void onlyTheFourValidRoleCombinationsAreAccepted() throws Exception {
		assertCreateRefused(Set.of(Role.DEALER_ADMIN), this.org.partner(),
				"Dealer Admin is not a valid combination for " + this.org.partner().getName());
		assertCreateRefused(Set.of(Role.DEALER_USER, Role.END_USER_ADMIN), this.org.partner(), "is not a valid combination");
		assertCreateRefused(Set.of(Role.DEALER_USER, Role.END_USER), this.org.customer(),
				"dealer roles are only for partner accounts");
		assertCreateRefused(Set.of(), this.org.customer(), "Choose the roles for " + this.org.customer().getName());
		String none = refused(422, this.partnerAdmin, create(UserFixtures.uniqueEmail("none")));
		assertThat(none).contains("Choose at least one account and its roles.");
	}

	@Test
	void aCreatedUserIsInvitedWithTheChosenUserTypesAndTheEmailIsThenReadOnly() throws Exception {
		String email = UserFixtures.uniqueEmail("created");
		MockHttpServletRequestBuilder request = create(email);
		roles(request, this.org.partner(), UserType.PARTNER_USER.roles());
		roles(request, this.org.customer(), UserType.CUSTOMER_ADMINISTRATOR.roles());

		MvcResult result = this.mvc.perform(request.with(user(UserFixtures.principal(this.partnerAdmin)))).andReturn();

		PortalUser created = this.users.findByEmail(email).orElseThrow();
		assertThat(result.getResponse().getRedirectedUrl()).as("List users, as for any email").isEqualTo("/users");
		assertThat(created.getStatus()).isEqualTo(UserStatus.INVITED);
		assertThat(created.membershipOf(this.org.partner().getId()).orElseThrow().getUserType())
			.isEqualTo(UserType.PARTNER_USER);
		assertThat(created.membershipOf(this.org.customer().getId()).orElseThrow().getUserType())
			.isEqualTo(UserType.CUSTOMER_ADMINISTRATOR);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(created.getId()))
			.count()).isEqualTo(1);

		String page = body(this.partnerAdmin, get("/users/" + created.getId()));
		assertThat(page).containsPattern("id=\"email\"[^>]*readonly").contains("Invited", "Resend invitation");
		this.mvc.perform(post("/users/" + created.getId()).with(csrf())
			.with(user(UserFixtures.principal(this.partnerAdmin)))
			.param("email", "changed@elsewhere.example")
			.param("firstName", "Changed")
			.param("lastName", "Name"));
		PortalUser after = this.fixtures().reload(created.getId());
		assertThat(after.getEmail()).isEqualTo(email);
		assertThat(after.getFirstName()).isEqualTo("Changed");
	}

	@Test
	void anAdministratorCannotDeleteThemselvesNorTheLastAdministratorOfAnAccount() throws Exception {
		MvcResult self = this.mvc.perform(get("/users/delete").param("ids", String.valueOf(this.partnerAdmin.getId()))
			.with(user(UserFixtures.principal(this.partnerAdmin)))).andExpect(status().isConflict()).andReturn();
		assertThat(self.getResponse().getContentAsString()).contains("You cannot delete yourself.", "List users");

		MvcResult lastAdmin = this.mvc.perform(post("/users/delete").with(csrf())
			.param("ids", String.valueOf(this.customerAdmin.getId()))
			.with(user(UserFixtures.principal(this.partnerAdmin)))).andExpect(status().isConflict()).andReturn();
		assertThat(lastAdmin.getResponse().getContentAsString())
			.contains(this.org.customer().getName() + " would be left without an active administrator");
		assertThat(this.users.existsById(this.customerAdmin.getId())).isTrue();

		PortalUser secondAdmin = this.fixtures().activeUserWithoutPassword(this.org.customer(),
				UserType.CUSTOMER_ADMINISTRATOR);
		MvcResult both = this.mvc.perform(post("/users/delete").with(csrf())
			.param("ids", String.valueOf(this.customerAdmin.getId()), String.valueOf(secondAdmin.getId()))
			.with(user(UserFixtures.principal(this.partnerAdmin)))).andExpect(status().isConflict()).andReturn();
		assertThat(both.getResponse().getContentAsString()).contains("Nobody was deleted.");
		assertThat(this.users.existsById(this.customerAdmin.getId())).isTrue();
		assertThat(this.users.existsById(secondAdmin.getId())).isTrue();

		MvcResult one = this.mvc.perform(post("/users/delete").with(csrf())
			.param("ids", String.valueOf(secondAdmin.getId()))
			.with(user(UserFixtures.principal(this.partnerAdmin)))).andReturn();
		assertThat(one.getFlashMap().get("message")).isEqualTo("Deleted: " + secondAdmin.getDisplayName() + ".");
		assertThat(this.users.existsById(secondAdmin.getId())).isFalse();
	}

	@Test
	void deletingSeveralUsersAsksFirstNamingThem() throws Exception {
		PortalUser first = this.fixtures().invitedUser(this.org.customer(), UserType.CUSTOMER_USER);
		PortalUser second = this.fixtures().invitedUser(this.org.partner(), UserType.PARTNER_USER);

		String confirmation = body(this.partnerAdmin, get("/users/delete").param("ids", String.valueOf(first.getId()),
				String.valueOf(second.getId())));
		assertThat(confirmation).contains(first.getDisplayName(), second.getDisplayName(), "id=\"confirm-delete\"");
		assertThat(this.users.existsById(first.getId())).isTrue();

		this.mvc.perform(post("/users/delete").with(csrf())
			.param("ids", String.valueOf(first.getId()), String.valueOf(second.getId()))
			.with(user(UserFixtures.principal(this.partnerAdmin))));
		assertThat(this.users.existsById(first.getId())).isFalse();
		assertThat(this.users.existsById(second.getId())).isFalse();
	}

	@Test
	void deletingAUserLinkedElsewhereOnlyRemovesTheLinksTheAdministratorAdministers() throws Exception {
		PortalUser shared = this.fixtures().invitedUser(this.org.customer(), UserType.CUSTOMER_USER);
		this.transaction.executeWithoutResult(status -> this.users.findWithMembershipsById(shared.getId())
			.orElseThrow()
			.link(this.accounts.getReferenceById(this.org.foreignCustomer().getId()), UserType.CUSTOMER_USER));

		String confirmation = body(this.customerAdmin, get("/users/delete").param("ids", String.valueOf(shared.getId())));
		assertThat(confirmation).doesNotContain(this.org.foreignCustomer().getName());
		this.mvc.perform(post("/users/delete").with(csrf())
			.param("ids", String.valueOf(shared.getId()))
			.with(user(UserFixtures.principal(this.customerAdmin))));

		PortalUser after = this.fixtures().reload(shared.getId());
		assertThat(after.membershipOf(this.org.customer().getId())).isEmpty();
		assertThat(after.membershipOf(this.org.foreignCustomer().getId())).isPresent();
	}

	@Test
	void rolesAreNotChangedOnYourselfNorAwayFromTheLastAdministrator() throws Exception {
		String own = refused(409, this.customerAdmin, roles(post("/users/" + this.customerAdmin.getId()).with(csrf())
			.param("firstName", "Self")
			.param("lastName", "Demoter"), this.org.customer(), UserType.CUSTOMER_USER.roles()));
		assertThat(own).contains("You cannot change your own roles.");
		assertThat(this.fixtures().reload(this.customerAdmin.getId()).getFirstName()).isEqualTo("First");

		String demoted = refused(409, this.partnerAdmin, roles(post("/users/" + this.customerAdmin.getId()).with(csrf())
			.param("firstName", "First")
			.param("lastName", this.customerAdmin.getLastName()), this.org.customer(), UserType.CUSTOMER_USER.roles()));
		assertThat(demoted).contains("would be left without an active administrator");
		assertThat(this.fixtures().reload(this.customerAdmin.getId()).membershipOf(this.org.customer().getId())
			.orElseThrow()
			.getUserType()).isEqualTo(UserType.CUSTOMER_ADMINISTRATOR);

		String selfLinks = refused(409, this.customerAdmin, roles(post("/users/" + this.customerAdmin.getId() + "/accounts")
			.with(csrf()), this.org.customer(), UserType.CUSTOMER_USER.roles()));
		assertThat(selfLinks).contains("You cannot change your own links or roles.");
	}

	@Test
	void linkAccountsAddsChangesAndRemovesLinksButNeverTheLastOne() throws Exception {
		PortalUser target = this.fixtures().invitedUser(this.org.partner(), UserType.PARTNER_USER);

		String form = body(this.partnerAdmin, get("/users/" + target.getId() + "/accounts"));
		assertThat(form).containsPattern("id=\"account-" + this.org.partner().getId() + "\"[^>]*checked")
			.containsPattern("id=\"role-" + this.org.customer().getId() + "-DEALER_ADMIN\"[^>]*disabled");

		this.mvc.perform(roles(post("/users/" + target.getId() + "/accounts").with(csrf()), this.org.customer(),
				UserType.CUSTOMER_USER.roles()).with(user(UserFixtures.principal(this.partnerAdmin))));
		PortalUser moved = this.fixtures().reload(target.getId());
		assertThat(moved.membershipOf(this.org.partner().getId())).isEmpty();
		assertThat(moved.membershipOf(this.org.customer().getId()).orElseThrow().getUserType())
			.isEqualTo(UserType.CUSTOMER_USER);

		String none = refused(422, this.partnerAdmin, post("/users/" + target.getId() + "/accounts").with(csrf()));
		assertThat(none).contains("Choose at least one account. To remove " + target.getDisplayName()
				+ ", use Actions &gt; Delete.");
		assertThat(this.fixtures().reload(target.getId()).membershipOf(this.org.customer().getId())).isPresent();
	}

	@Test
	void aUserMayEditTheirOwnNameButOnlyAdministratorsSeeActions() throws Exception {
		PortalUser customerUser = this.fixtures().activeUserWithoutPassword(this.org.customer(), UserType.CUSTOMER_USER);

		String page = body(customerUser, get("/users/" + customerUser.getId()));
		assertThat(page).contains("id=\"save\"").doesNotContain("id=\"actions\"");
		this.mvc.perform(post("/users/" + customerUser.getId()).with(csrf())
			.with(user(UserFixtures.principal(customerUser)))
			.param("firstName", "Renamed")
			.param("lastName", "Myself")
			.param("jobTitle", "Installer"));
		PortalUser after = this.fixtures().reload(customerUser.getId());
		assertThat(after.getDisplayName()).isEqualTo("Renamed Myself");
		assertThat(after.getJobTitle()).isEqualTo("Installer");

		String colleague = body(customerUser, get("/users/" + this.customerAdmin.getId()));
		assertThat(colleague).doesNotContain("id=\"save\"", "id=\"actions\"");
	}

	private void assertCreateRefused(Set<Role> roles, Account account, String message) throws Exception {
		String email = UserFixtures.uniqueEmail("refused");
		String page = refused(422, this.partnerAdmin, roles(create(email), account, roles));
		assertThat(page).contains(message);
		assertThat(this.users.existsByEmail(email)).isFalse();
	}

	private static MockHttpServletRequestBuilder create(String email) {
		return post("/users/new/accounts").with(csrf())
			.param("email", email)
			.param("firstName", "Role")
			.param("lastName", "Tester");
	}

	private static MockHttpServletRequestBuilder roles(MockHttpServletRequestBuilder request, Account account,
			Set<Role> roles) {
		request.param("account", String.valueOf(account.getId()));
		roles.forEach(role -> request.param("roles-" + account.getId(), role.name()));
		return request;
	}

	/** The page shown again with the refusal, answered with the refusal's status. */
	private String refused(int status, PortalUser viewer, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(UserFixtures.principal(viewer))))
			.andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String body(PortalUser viewer, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(UserFixtures.principal(viewer))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
