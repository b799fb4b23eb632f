package com.licensingportal.usermanagement;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh accounts and users with unique names for one test, so that tests never depend on each other's
 * data nor on what an earlier run left in the database.
 */
final class UserFixtures {

	static final String PASSWORD = "Fixture-Password-2026";

	private final AccountRepository accounts;

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final TransactionTemplate transaction;

	UserFixtures(AccountRepository accounts, UserRepository users, PasswordEncoder passwordEncoder,
			TransactionTemplate transaction) {
		this.accounts = accounts;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.transaction = transaction;
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String uniqueEmail(String prefix) {
		return unique(prefix).toLowerCase() + "@fixture.example";
	}

	/** A partner with one related customer, and a partner and customer unrelated to them. */
	record Org(Account partner, Account customer, Account foreignPartner, Account foreignCustomer) {
	}

	Org org() {
		return this.transaction.execute(status -> {
			Account partner = this.accounts.save(new Account(unique("Partner"), AccountType.PARTNER));
			Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
			partner.addRelatedCustomer(customer);
			Account foreignPartner = this.accounts.save(new Account(unique("Foreign partner"), AccountType.PARTNER));
			Account foreignCustomer = this.accounts.save(new Account(unique("Foreign customer"), AccountType.CUSTOMER));
			foreignPartner.addRelatedCustomer(foreignCustomer);
			return new Org(partner, customer, foreignPartner, foreignCustomer);
		});
	}

	/** An active user who can log in with {@link #PASSWORD}. */
	PortalUser activeUser(Account account, UserType type) {
		return this.transaction.execute(status -> {
			PortalUser user = new PortalUser(uniqueEmail(type.name()), "First", unique(type.label().replace(' ', '-')));
			user.activate(this.passwordEncoder.encode(PASSWORD));
			user.link(this.accounts.getReferenceById(account.getId()), type);
			return this.users.save(user);
		});
	}

	/** A user who was invited but has not accepted; no invitation process runs for them. */
	PortalUser invitedUser(Account account, UserType type) {
		return this.transaction.execute(status -> {
			PortalUser user = new PortalUser(uniqueEmail("invited"), "Ivy", unique(type.label().replace(' ', '-')));
			user.link(this.accounts.getReferenceById(account.getId()), type);
			return this.users.save(user);
		});
	}

	/** An active user for tests that build the principal themselves: no password hashing. */
	PortalUser activeUserWithoutPassword(Account account, UserType type) {
		return this.transaction.execute(status -> {
			PortalUser user = new PortalUser(uniqueEmail(type.name()), "First", unique(type.label().replace(' ', '-')));
			user.activate("{noop}" + UUID.randomUUID());
			user.link(this.accounts.getReferenceById(account.getId()), type);
			return this.users.save(user);
		});
	}

	/**
	 * Ends the invitation processes that a test left running for users of the organisation, so that no
	 * forgotten timer or mail job of this test fires in a later one (the database outlives the run on MySQL).
	 */
	void endInvitationsIn(Org org, RuntimeService runtime) {
		List<Long> accountIds = List.of(org.partner().getId(), org.customer().getId(), org.foreignPartner().getId(),
				org.foreignCustomer().getId());
		Set<String> businessKeys = this.users.findLinkedToAny(accountIds)
			.stream()
			.map(user -> String.valueOf(user.getId()))
			.collect(Collectors.toSet());
		runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.list()
			.stream()
			.filter(pi -> businessKeys.contains(pi.getBusinessKey()))
			.forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "end of test"));
	}

	PortalUser reload(Long userId) {
		return this.users.findWithMembershipsById(userId).orElse(null);
	}

	static PortalUserPrincipal principal(PortalUser user) {
		return new PortalUserPrincipal(user.getId(), user.getEmail(), user.getDisplayName(), user.getPasswordHash(), true);
	}

}
