package com.licensingportal.usermanagement;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.text.Text;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.refusal.RefusedException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the user screens show: always within the viewer's visible accounts ({@link AccountVisibility}), and
 * of a user only the links to those accounts. "Own" accounts are the ones the viewer is linked to; "related"
 * are the other visible ones, the customers of the viewer's partner accounts.
 */
@Service
public class UserDirectory {

	/**
	 * One user as the viewer may see them.
	 *
	 * @param memberships the user's links to accounts the viewer can see
	 * @param administrable whether the viewer administers one of those accounts (may change or delete the user)
	 * @param self whether the user is the viewer
	 */
	public record UserView(PortalUser user, List<AccountMembership> memberships, boolean administrable, boolean self) {

		public boolean canEditDetails() {
			return this.administrable || this.self;
		}

		public boolean isInvited() {
			return this.user.getStatus() == UserStatus.INVITED;
		}

	}

	/** One account the viewer may link users to, and its type's tab. */
	public record AccountChoice(Account account, boolean partner) {
	}

	private final AccountVisibility visibility;

	private final UserRepository users;

	private final AccountRepository accounts;

	UserDirectory(AccountVisibility visibility, UserRepository users, AccountRepository accounts) {
		this.visibility = visibility;
		this.users = users;
		this.accounts = accounts;
	}

	public VisibleAccounts accountsOf(Long viewerId) {
		return this.visibility.forUser(viewerId);
	}

	/** List users: the users of the accounts the viewer is linked to. */
	@Transactional(readOnly = true)
	public List<UserView> usersOfOwnAccounts(Long viewerId) {
		VisibleAccounts visible = this.visibility.forUser(viewerId);
		return usersOf(ownAccounts(viewerId, visible), viewerId, visible);
	}

	/** List related users: the users of the partner's customer accounts. */
	@Transactional(readOnly = true)
	public List<UserView> usersOfRelatedAccounts(Long viewerId) {
		VisibleAccounts visible = this.visibility.forUser(viewerId);
		return usersOf(relatedAccountIds(viewerId, visible), viewerId, visible);
	}

	/** The users of one account, for an administrator of it; for anyone else the account is not found. */
	@Transactional(readOnly = true)
	public List<UserView> usersOfAdministeredAccount(Long viewerId, Long accountId) {
		VisibleAccounts visible = this.visibility.forUser(viewerId);
		if (!visible.canAdminister(accountId)) {
			throw RefusedException.notFound(Text.of("users.refused.account", String.valueOf(accountId)));
		}
		return usersOf(List.of(accountId), viewerId, visible);
	}

	/** List related accounts, with how many users each has. */
	@Transactional(readOnly = true)
	public Map<Account, Long> relatedAccounts(Long viewerId) {
		VisibleAccounts visible = this.visibility.forUser(viewerId);
		Set<Long> related = relatedAccountIds(viewerId, visible);
		if (related.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : this.users.countUsers(related)) {
			counts.put((Long) row[0], (Long) row[1]);
		}
		Map<Account, Long> result = new java.util.LinkedHashMap<>();
		for (Account account : this.accounts.findByIdInOrderByName(related)) {
			result.put(account, counts.getOrDefault(account.getId(), 0L));
		}
		return result;
	}

	/** A user's page; not found when the user has no link to an account the viewer sees. */
	@Transactional(readOnly = true)
	public UserView visibleUser(Long viewerId, Long userId) {
		VisibleAccounts visible = this.visibility.forUser(viewerId);
		PortalUser user = this.users.findWithMembershipsById(userId).orElseThrow(UserDirectory::notFound);
		return viewOf(user, viewerId, visible);
	}

	/** Like {@link #visibleUser}, but also not found unless the viewer administers one of the user's accounts. */
	@Transactional(readOnly = true)
	public UserView administrableUser(Long viewerId, Long userId) {
		UserView view = visibleUser(viewerId, userId);
		if (!view.administrable()) {
			throw notFound();
		}
		return view;
	}

	/** The accounts an administrator may link users to: those they administer, partners first, by name. */
	@Transactional(readOnly = true)
	public List<AccountChoice> linkableAccounts(Long viewerId) {
		VisibleAccounts visible = this.visibility.forUser(viewerId);
		if (!visible.isAdministrator()) {
			throw notFound();
		}
		return this.accounts.findByIdInOrderByName(visible.administered())
			.stream()
			.map(account -> new AccountChoice(account, account.getType() == AccountType.PARTNER))
			.toList();
	}

	/**
	 * The emails of an account's administrators: its active users with an administrator user type there, the
	 * people told about what happens to the account (channels received, licenses expiring).
	 */
	@Transactional(readOnly = true)
	public List<String> administratorEmails(Long accountId) {
		List<UserType> administratorTypes = java.util.Arrays.stream(UserType.values()).filter(UserType::isAdministrator).toList();
		return this.users.findAdministrators(accountId, administratorTypes, UserStatus.ACTIVE)
			.stream()
			.map(PortalUser::getEmail)
			.toList();
	}

	UserView viewOf(PortalUser user, Long viewerId, VisibleAccounts visible) {
		List<AccountMembership> seen = AccountVisibility.linksSeen(user, visible);
		if (seen.isEmpty()) {
			throw notFound();
		}
		return new UserView(user, seen, AccountVisibility.administersOneOf(seen, visible), user.getId().equals(viewerId));
	}

	private List<UserView> usersOf(Collection<Long> accountIds, Long viewerId, VisibleAccounts visible) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return this.users.findLinkedToAny(accountIds).stream().map(user -> viewOf(user, viewerId, visible)).toList();
	}

	private Set<Long> ownAccounts(Long viewerId, VisibleAccounts visible) {
		Set<Long> own = new LinkedHashSet<>();
		this.users.findWithMembershipsById(viewerId)
			.ifPresent(viewer -> viewer.getMemberships()
				.stream()
				.map(membership -> membership.getAccount().getId())
				.filter(visible::canSee)
				.forEach(own::add));
		return own;
	}

	private Set<Long> relatedAccountIds(Long viewerId, VisibleAccounts visible) {
		Set<Long> related = new LinkedHashSet<>(visible.visible());
		related.removeAll(ownAccounts(viewerId, visible));
		return related;
	}

	/** A user that does not exist, or that the viewer may not see or act on: the same "not found" for both. */
	public static RefusedException notFound() {
		return RefusedException.notFound(Text.of("users.refused.user"));
	}

}
