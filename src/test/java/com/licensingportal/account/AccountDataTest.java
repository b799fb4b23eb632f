package com.licensingportal.account;

import java.util.List;
import java.util.UUID;

import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accounts, users and memberships on the real database (H2, or MariaDB with -Pmysql). */
class AccountDataTest extends PortalIntegrationTest {

	@Autowired
	AccountRepository accounts;

	@Autowired
	UserRepository users;

	@Autowired
	AccountVisibility visibility;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aPartnerKeepsItsRelatedCustomers() {
		Account partner = this.accounts.save(new Account(unique("Partner"), AccountType.PARTNER));
		Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		partner.addRelatedCustomer(customer);
		this.accounts.save(partner);

		assertThat(this.accounts.findRelatedCustomerIds(List.of(partner.getId()))).containsExactly(customer.getId());
		assertThat(this.accounts.findByAccountNumber(partner.getAccountNumber())).isPresent();
		assertThat(partner.getAccountNumber()).matches("A-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
	}

	@Test
	void onlyAPartnerSellsToACustomer() {
		Account customer = new Account(unique("Customer"), AccountType.CUSTOMER);
		Account other = new Account(unique("Customer"), AccountType.CUSTOMER);

		assertThatThrownBy(() -> customer.addRelatedCustomer(other)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDatabaseRefusesARelationFromACustomer() {
		Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		Account other = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));

		assertThatThrownBy(() -> this.jdbc.update(
				"insert into account_relation (partner_id, partner_type, customer_id, customer_type) values (?, 'PARTNER', ?, 'CUSTOMER')",
				customer.getId(), other.getId()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aUserIsLinkedWithOneOfTheFourUserTypes() {
		Account partner = this.accounts.save(new Account(unique("Partner"), AccountType.PARTNER));
		PortalUser user = new PortalUser(uniqueEmail(), "Pat", "Partner");
		user.link(partner, UserType.PARTNER_USER);
		this.users.save(user);

		PortalUser loaded = this.users.findByEmail(user.getEmail()).orElseThrow();
		assertThat(loaded.getMemberships()).singleElement().satisfies(membership -> {
			assertThat(membership.getUserType()).isEqualTo(UserType.PARTNER_USER);
			assertThat(membership.getAccountType()).isEqualTo(AccountType.PARTNER);
		});
		assertThat(loaded.getStatus()).isEqualTo(UserStatus.INVITED);
	}

	@Test
	void dealerRolesAreRefusedOnACustomerAccount() {
		Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		PortalUser user = new PortalUser(uniqueEmail(), "Cas", "Customer");

		assertThatThrownBy(() -> user.link(customer, UserType.PARTNER_ADMINISTRATOR))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("customer account");
	}

	@Test
	void theDatabaseItselfRefusesDealerRolesOnACustomerAccountAndUnknownCombinations() {
		Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		PortalUser user = this.users.save(new PortalUser(uniqueEmail(), "Cas", "Customer"));
		String insert = "insert into account_membership (user_id, account_id, account_type, user_type) values (?, ?, ?, ?)";

		assertThatThrownBy(() -> this.jdbc.update(insert, user.getId(), customer.getId(), "CUSTOMER", "PARTNER_USER"))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update(insert, user.getId(), customer.getId(), "PARTNER", "PARTNER_USER"))
			.as("the account type must match the account")
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.update(insert, user.getId(), customer.getId(), "CUSTOMER", "DEALER_ADMIN_ONLY"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void emailsAreUniqueWhateverTheirCase() {
		String email = uniqueEmail();
		this.users.save(new PortalUser(email, "First", "User"));

		assertThatThrownBy(() -> this.users.saveAndFlush(new PortalUser(email.toUpperCase(), "Second", "User")))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void theEmailCannotChangeOnceTheUserIsLinked() {
		Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		PortalUser user = new PortalUser(uniqueEmail(), "Lin", "Ked");
		user.changeEmail("still-free-" + user.getEmail());
		user.link(customer, UserType.CUSTOMER_USER);

		assertThatThrownBy(() -> user.changeEmail("other@example.com")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void visibilityFollowsTheDatabaseAndIgnoresDisabledAccounts() {
		Account partner = this.accounts.save(new Account(unique("Partner"), AccountType.PARTNER));
		Account active = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		Account disabled = new Account(unique("Customer"), AccountType.CUSTOMER);
		disabled.setStatus(AccountStatus.DISABLED);
		disabled = this.accounts.save(disabled);
		partner.addRelatedCustomer(active);
		partner.addRelatedCustomer(disabled);
		this.accounts.save(partner);
		PortalUser user = new PortalUser(uniqueEmail(), "Vis", "Ible");
		user.activate("{noop}irrelevant");
		user.link(partner, UserType.PARTNER_ADMINISTRATOR);
		this.users.save(user);

		VisibleAccounts seen = this.visibility.forUser(user.getId());

		assertThat(seen.visible()).containsExactlyInAnyOrder(partner.getId(), active.getId());
		assertThat(seen.administered()).containsExactlyInAnyOrder(partner.getId(), active.getId());
	}

	@Test
	void anInvitedUserSeesNothingYet() {
		Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		PortalUser user = new PortalUser(uniqueEmail(), "Not", "Yet");
		user.link(customer, UserType.CUSTOMER_ADMINISTRATOR);
		this.users.save(user);

		assertThat(this.visibility.forUser(user.getId()).visible()).isEmpty();
	}

	private static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID();
	}

	private static String uniqueEmail() {
		return "user-" + UUID.randomUUID() + "@example.com";
	}

}
