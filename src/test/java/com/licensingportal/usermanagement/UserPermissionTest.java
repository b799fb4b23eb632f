package com.licensingportal.usermanagement;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.licensingportal.account.Account;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.Role;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserFixtures.Org;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every user action × the four user types × a target user in the viewer's own account, in a related account
 * and in a foreign one. Allowed: the action works. Not allowed: "not found" (never "forbidden") and nothing
 * changes. For a customer, the "related" account is the partner that sells to them, which they must not see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserPermissionTest extends UserTestSupport {

	enum Place {

		OWN, RELATED, FOREIGN

	}

	Org org;

	final Map<UserType, PortalUser> viewers = new EnumMap<>(UserType.class);

	@BeforeAll
	void createOrganisation() {
		this.org = this.fixtures().org();
		this.viewers.put(UserType.PARTNER_ADMINISTRATOR,
				this.fixtures().activeUserWithoutPassword(this.org.partner(), UserType.PARTNER_ADMINISTRATOR));
		this.viewers.put(UserType.PARTNER_USER,
				this.fixtures().activeUserWithoutPassword(this.org.partner(), UserType.PARTNER_USER));
		this.viewers.put(UserType.CUSTOMER_ADMINISTRATOR,
				this.fixtures().activeUserWithoutPassword(this.org.customer(), UserType.CUSTOMER_ADMINISTRATOR));
		this.viewers.put(UserType.CUSTOMER_USER,
				this.fixtures().activeUserWithoutPassword(this.org.customer(), UserType.CUSTOMER_USER));
	}

	/** A resend or a create starts an invitation process; it is not this test's business to run it. */
	@AfterEach
	void endInvitations() {
		this.fixtures().endInvitationsIn(this.org, this.runtime);
	}

	static Stream<Arguments> everyViewerAndPlace() {
		return Stream.of(UserType.values())
			.flatMap(viewer -> Stream.of(Place.values()).map(place -> Arguments.of(viewer, place)));
	}

	@ParameterizedTest(name = "{0} views a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void viewAUser(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);

		int status = perform(viewer, get("/users/{id}", target.getId()));

		assertThat(status).isEqualTo(canSee(viewer, place) ? 200 : 404);
	}

	@ParameterizedTest(name = "{0} updates the details of a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void updateAUsersDetails(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);

		int status = perform(viewer, post("/users/{id}", target.getId()).with(csrf())
			.param("firstName", "Renamed")
			.param("lastName", target.getLastName())
			.param("phone", "+1 555 0199"));

		boolean allowed = canAdminister(viewer, place);
		assertThat(status).isEqualTo(allowed ? 302 : 404);
		PortalUser after = this.fixtures().reload(target.getId());
		assertThat(after.getFirstName()).isEqualTo(allowed ? "Renamed" : target.getFirstName());
		assertThat(after.getPhone()).isEqualTo(allowed ? "+1 555 0199" : null);
	}

	@ParameterizedTest(name = "{0} changes the roles of a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void changeAUsersRoles(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);
		Account account = accountAt(viewer, place);
		UserType promoted = account.isPartner() ? UserType.PARTNER_ADMINISTRATOR : UserType.CUSTOMER_ADMINISTRATOR;

		int status = perform(viewer, withRoles(post("/users/{id}", target.getId()).with(csrf())
			.param("firstName", target.getFirstName())
			.param("lastName", target.getLastName()), account, promoted));

		boolean allowed = canAdminister(viewer, place);
		assertThat(status).isEqualTo(allowed ? 302 : 404);
		assertThat(typeOn(target, account)).isEqualTo(allowed ? promoted : targetType(account));
	}

	@ParameterizedTest(name = "{0} opens Link accounts for a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void openLinkAccounts(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);

		int status = perform(viewer, get("/users/{id}/accounts", target.getId()));

		assertThat(status).isEqualTo(canAdminister(viewer, place) ? 200 : 404);
	}

	@ParameterizedTest(name = "{0} links a user in a {1} account to one more account")
	@MethodSource("everyViewerAndPlace")
	void linkAccounts(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);
		Account account = accountAt(viewer, place);
		// The target stays in its account; an administrator of the partner also links it to the customer.
		MockHttpServletRequestBuilder request = withRoles(post("/users/{id}/accounts", target.getId()).with(csrf()),
				account, targetType(account));
		boolean alsoCustomer = viewer == UserType.PARTNER_ADMINISTRATOR && place == Place.OWN;
		if (alsoCustomer) {
			withRoles(request, this.org.customer(), UserType.CUSTOMER_USER);
		}

		int status = perform(viewer, request);

		boolean allowed = canAdminister(viewer, place);
		assertThat(status).isEqualTo(allowed ? 302 : 404);
		boolean livesInCustomer = account.getId().equals(this.org.customer().getId());
		assertThat(typeOn(target, this.org.customer()))
			.isEqualTo(alsoCustomer && allowed || livesInCustomer ? UserType.CUSTOMER_USER : null);
	}

	@ParameterizedTest(name = "{0} links a user in a {1} account to an account outside their own")
	@MethodSource("everyViewerAndPlace")
	void linkingToAnAccountNotAdministeredIsNotFound(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);

		int status = perform(viewer, withRoles(post("/users/{id}/accounts", target.getId()).with(csrf()),
				this.org.foreignCustomer(), UserType.CUSTOMER_USER));

		assertThat(status).isEqualTo(404);
		assertThat(typeOn(target, this.org.foreignCustomer())).isEqualTo(place == Place.FOREIGN ? UserType.CUSTOMER_USER : null);
	}

	@ParameterizedTest(name = "{0} asks to delete a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void confirmDeletion(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);

		int status = perform(viewer, get("/users/delete").param("ids", String.valueOf(target.getId())));

		assertThat(status).isEqualTo(canAdminister(viewer, place) ? 200 : 404);
	}

	@ParameterizedTest(name = "{0} deletes a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void deleteAUser(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);

		int status = perform(viewer, post("/users/delete").with(csrf()).param("ids", String.valueOf(target.getId())));

		boolean allowed = canAdminister(viewer, place);
		assertThat(status).isEqualTo(allowed ? 302 : 404);
		assertThat(this.users.existsById(target.getId())).isEqualTo(!allowed);
	}

	@ParameterizedTest(name = "{0} resends the invitation of a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void resendAnInvitation(UserType viewer, Place place) throws Exception {
		PortalUser target = target(viewer, place);

		int status = perform(viewer, post("/users/{id}/invitation", target.getId()).with(csrf()));

		boolean allowed = canAdminister(viewer, place);
		assertThat(status).isEqualTo(allowed ? 302 : 404);
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(target.getId()))
			.count()).isEqualTo(allowed ? 1 : 0);
	}

	@ParameterizedTest(name = "{0} creates a user in a {1} account")
	@MethodSource("everyViewerAndPlace")
	void createAUser(UserType viewer, Place place) throws Exception {
		Account account = accountAt(viewer, place);
		String email = UserFixtures.uniqueEmail("created");

		int status = perform(viewer, withRoles(post("/users/new/accounts").with(csrf())
			.param("email", email)
			.param("firstName", "New")
			.param("lastName", "Person"), account, targetType(account)));

		boolean allowed = canAdminister(viewer, place);
		assertThat(status).isEqualTo(allowed ? 302 : 404);
		assertThat(this.users.existsByEmail(email)).isEqualTo(allowed);
	}

	@ParameterizedTest(name = "{0} opens Create")
	@EnumSource(UserType.class)
	void openCreate(UserType viewer) throws Exception {
		assertThat(perform(viewer, get("/users/new"))).isEqualTo(viewer.isAdministrator() ? 200 : 404);
	}

	@ParameterizedTest(name = "{0} lists users, related users and related accounts")
	@EnumSource(UserType.class)
	void lists(UserType viewer) throws Exception {
		PortalUser own = target(viewer, Place.OWN);
		PortalUser related = target(viewer, Place.RELATED);
		PortalUser foreign = target(viewer, Place.FOREIGN);
		boolean partner = viewer.has(Role.DEALER_USER);

		String users = body(viewer, "/users");
		assertThat(users).contains(own.getEmail()).doesNotContain(related.getEmail(), foreign.getEmail());
		assertThat(users.contains("id=\"action-create\"")).isEqualTo(viewer.isAdministrator());

		if (partner) {
			String relatedUsers = body(viewer, "/related-users");
			assertThat(relatedUsers).contains(related.getEmail()).doesNotContain(own.getEmail(), foreign.getEmail());
			// A user opened from List related users leads back there, not to List users.
			assertThat(relatedUsers).contains("/users/" + related.getId() + "?from=related-users");
			assertThat(body(viewer, "/users/" + related.getId() + "?from=related-users"))
				.contains("href=\"/related-users\">← List related users</a>");
			assertThat(body(viewer, "/users/" + own.getId())).contains("href=\"/users\">← List users</a>");
			assertThat(body(viewer, "/related-accounts")).contains(this.org.customer().getName())
				.doesNotContain(this.org.foreignCustomer().getName(), this.org.partner().getName() + "<");
		}
		else {
			assertThat(perform(viewer, get("/related-users"))).isEqualTo(404);
			assertThat(perform(viewer, get("/related-accounts"))).isEqualTo(404);
		}
	}

	private PortalUser target(UserType viewer, Place place) {
		Account account = accountAt(viewer, place);
		return this.fixtures().invitedUser(account, targetType(account));
	}

	private Account accountAt(UserType viewer, Place place) {
		boolean partnerSide = viewer.has(Role.DEALER_USER);
		return switch (place) {
			case OWN -> partnerSide ? this.org.partner() : this.org.customer();
			case RELATED -> partnerSide ? this.org.customer() : this.org.partner();
			case FOREIGN -> this.org.foreignCustomer();
		};
	}

	private static UserType targetType(Account account) {
		return account.isPartner() ? UserType.PARTNER_USER : UserType.CUSTOMER_USER;
	}

	/** PRODUCT.md: dealer roles see the partner and its customers; customers only their own account. */
	private static boolean canSee(UserType viewer, Place place) {
		return place == Place.OWN || (place == Place.RELATED && viewer.has(Role.DEALER_USER));
	}

	/** A Dealer Admin administers the partner and its customers, an End User Admin only their own account. */
	private static boolean canAdminister(UserType viewer, Place place) {
		return switch (place) {
			case OWN -> viewer.has(Role.END_USER_ADMIN);
			case RELATED -> viewer.has(Role.DEALER_ADMIN);
			case FOREIGN -> false;
		};
	}

	private static MockHttpServletRequestBuilder withRoles(MockHttpServletRequestBuilder request, Account account,
			UserType type) {
		request.param("account", String.valueOf(account.getId()));
		type.roles().forEach(role -> request.param("roles-" + account.getId(), role.name()));
		return request;
	}

	private UserType typeOn(PortalUser user, Account account) {
		PortalUser reloaded = this.fixtures().reload(user.getId());
		return reloaded == null ? null
				: reloaded.membershipOf(account.getId()).map(AccountMembership::getUserType).orElse(null);
	}

	private int perform(UserType viewer, MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.with(user(UserFixtures.principal(this.viewers.get(viewer)))))
			.andReturn()
			.getResponse()
			.getStatus();
	}

	private String body(UserType viewer, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(UserFixtures.principal(this.viewers.get(viewer)))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
