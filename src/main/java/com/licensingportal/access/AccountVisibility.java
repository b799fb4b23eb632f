package com.licensingportal.access;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The one place that decides which accounts a user may see and administer. */
@Service
public class AccountVisibility {

	private final UserRepository users;

	private final AccountRepository accounts;

	private final TransactionTemplate readOnly;

	private final DecisionMemo memo;

	AccountVisibility(UserRepository users, AccountRepository accounts, PlatformTransactionManager transactions,
			ObjectProvider<DecisionMemo> memo) {
		this.users = users;
		this.accounts = accounts;
		this.memo = memo.getIfAvailable(() -> AccountVisibility::decideAfresh);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		// Two single reads need no transaction of their own (READ COMMITTED gives them no common snapshot anyway):
		// one cost each request four more round trips to the database (bench/FINDINGS.md).
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
	}

	/**
	 * Links to disabled accounts grant nothing; an unknown or inactive user sees nothing. Decided once per
	 * web request (the layout and the page both ask, the web edge's {@link DecisionMemo} remembers): only the
	 * first asks the database, in the caller's transaction if there is one; the second asks nothing.
	 */
	public VisibleAccounts forUser(Long userId) {
		return this.memo.remember(VisibleAccounts.class.getName() + "." + userId, VisibleAccounts.class,
				() -> this.readOnly.execute(status -> decide(userId)));
	}

	/**
	 * As {@link #forUser}, from the user read with their links and accounts by the caller (the API's token look-up
	 * reads them in its own statement): kept for the request, so that {@link #forUser} asks the database nothing.
	 */
	public VisibleAccounts decideFor(PortalUser userWithMemberships) {
		return this.memo.remember(VisibleAccounts.class.getName() + "." + userWithMemberships.getId(),
				VisibleAccounts.class, () -> this.readOnly.execute(status -> decide(userWithMemberships)));
	}

	/**
	 * The accounts the user belongs to (active ones, by name), as "name · account number": what the header shows,
	 * since others ask for the account number (a transfer's target). Asked once per web request, like
	 * {@link #forUser}.
	 */
	public List<String> ownAccountsOf(Long userId) {
		forUser(userId);
		@SuppressWarnings("unchecked")
		List<String> own = this.memo.remember(ownKey(userId), List.class,
				() -> this.readOnly.execute(status -> this.users.findWithMembershipsById(userId)
					.map(AccountVisibility::ownAccounts)
					.orElse(List.of())));
		return own;
	}

	private static String ownKey(Long userId) {
		return AccountVisibility.class.getName() + ".own." + userId;
	}

	private static List<String> ownAccounts(PortalUser user) {
		return user.getMemberships()
			.stream()
			.map(AccountMembership::getAccount)
			.filter(Account::isActive)
			.sorted(Comparator.comparing(Account::getName))
			.map(account -> account.getName() + " · " + account.getAccountNumber())
			.toList();
	}

	/** The accounts the user sees, by name: the choices of an owner or a new device's account. */
	public List<Account> accountsSeenBy(Long userId) {
		VisibleAccounts visible = forUser(userId);
		return visible.visible().isEmpty() ? List.of() : this.accounts.findByIdInOrderByName(visible.visible());
	}

	/** The account with this number, if the user sees it; for anyone else it does not exist. */
	public Optional<Account> accountSeenBy(Long userId, String accountNumber) {
		VisibleAccounts visible = forUser(userId);
		return this.accounts.findByAccountNumber(accountNumber).filter(account -> visible.canSee(account.getId()));
	}

	/** Whether the user administers the account (may change its users, deactivate its devices' channels). */
	public boolean administers(Long userId, Long accountId) {
		return forUser(userId).canAdminister(accountId);
	}

	/**
	 * The transfer rule: a transfer is seen by the user who requested it and by the administrators of its source
	 * account; for anyone else it does not exist.
	 */
	public static boolean seesTransfer(Long viewerId, VisibleAccounts visible, Long requestedByUserId,
			Long sourceAccountId) {
		return requestedByUserId.equals(viewerId) || visible.canAdminister(sourceAccountId);
	}

	/**
	 * The user-directory rule: of a user, a viewer sees only the links to accounts the viewer sees, by account
	 * name; a user without such a link does not exist for the viewer (empty list).
	 */
	public static List<AccountMembership> linksSeen(PortalUser user, VisibleAccounts visible) {
		return user.getMemberships()
			.stream()
			.filter(membership -> visible.canSee(membership.getAccount().getId()))
			.sorted(Comparator.comparing(membership -> membership.getAccount().getName()))
			.toList();
	}

	/** The user-directory rule: a viewer may change a user when they administer one of the links they see. */
	public static boolean administersOneOf(Collection<AccountMembership> links, VisibleAccounts visible) {
		return links.stream().anyMatch(membership -> visible.canAdminister(membership.getAccount().getId()));
	}

	private static <T> T decideAfresh(String key, Class<T> type, Supplier<T> decide) {
		return decide.get();
	}

	private VisibleAccounts decide(Long userId) {
		return decide(userId == null ? null : this.users.findWithMembershipsById(userId).orElse(null));
	}

	private VisibleAccounts decide(PortalUser user) {
		if (user == null || user.getStatus() != UserStatus.ACTIVE) {
			return VisibleAccounts.none();
		}
		// The header's "your accounts" come from the same read: kept for this request, asked for no more.
		List<String> own = ownAccounts(user);
		this.memo.remember(ownKey(user.getId()), List.class, () -> own);
		Map<Long, UserType> links = new LinkedHashMap<>();
		for (AccountMembership membership : user.getMemberships()) {
			if (membership.getAccount().isActive()) {
				links.put(membership.getAccount().getId(), membership.getUserType());
			}
		}
		return VisibleAccounts.of(links, this::activeRelatedCustomers);
	}

	/** Ids only: a partner with hundreds of customers is asked on every page (bench/FINDINGS.md). */
	private List<Long> activeRelatedCustomers(Long partnerId) {
		return this.accounts.findActiveRelatedCustomerIds(partnerId);
	}

}
