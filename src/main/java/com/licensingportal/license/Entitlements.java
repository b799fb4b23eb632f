package com.licensingportal.license;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.licensingportal.account.Account;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;

import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;

/**
 * The entitlements a user sees, for the pages and the API: each method takes the acting user and resolves what
 * they may see ({@link AccountVisibility}), so no controller decides it.
 */
@Service
public class Entitlements {

	static final int MAX_OWNER_CHOICES = 500;

	private final AccountVisibility visibility;

	private final EntitlementFilters filters;

	private final EntitlementList list;

	private final LineItemHistory history;

	Entitlements(AccountVisibility visibility, EntitlementFilters filters, EntitlementList list,
			LineItemHistory history) {
		this.visibility = visibility;
		this.filters = filters;
		this.list = list;
		this.history = history;
	}

	EntitlementFilters.Checked check(Long userId, EntitlementSearch search, BindingResult binding) {
		return this.filters.check(search, binding, this.visibility.forUser(userId));
	}

	/** The screen's page: counted up to a limit ({@link EntitlementList#page(VisibleAccounts, EntitlementList.Criteria)}). */
	public EntitlementList.Page page(Long userId, EntitlementList.Criteria criteria) {
		return this.list.page(this.visibility.forUser(userId), criteria);
	}

	/** The API's page: its {@code total} counts every matching row. */
	public EntitlementList.Page pageCountingAll(Long userId, EntitlementList.Criteria criteria) {
		return this.list.page(this.visibility.forUser(userId), criteria, true);
	}

	public void forEachMatching(Long userId, EntitlementList.Criteria criteria, Consumer<EntitlementRow> sink) {
		this.list.forEachMatching(this.visibility.forUser(userId), criteria, sink);
	}

	public void forEachSelected(Long userId, Collection<String> activationIds, EntitlementSearch order,
			Consumer<EntitlementRow> sink) {
		this.list.forEachSelected(this.visibility.forUser(userId), activationIds, order, sink);
	}

	/** The line item, if the user sees its owner; for anyone else it does not exist. */
	public Optional<LineItem> find(Long userId, String activationId) {
		return this.history.find(this.visibility.forUser(userId), activationId);
	}

	/** The line item's trail, with the related line items the user does not see left unnamed. */
	public List<LineItemHistory.TrailEntry> trail(Long userId, LineItem item) {
		return this.history.trail(item, this.visibility.forUser(userId));
	}

	/**
	 * The owners to filter by: the user's visible accounts, when there is more than one and at most
	 * {@link #MAX_OWNER_CHOICES} to choose from (a distributor's thousands are typed as an account number instead,
	 * see {@link #ownerTyped}).
	 */
	public List<Account> ownerChoices(Long userId) {
		int seen = this.visibility.forUser(userId).visible().size();
		return seen > 1 && seen <= MAX_OWNER_CHOICES ? this.visibility.accountsSeenBy(userId) : List.of();
	}

	/** Whether the user sees too many accounts to choose the owner from a list: the filter takes its number. */
	public boolean ownerTyped(Long userId) {
		return this.visibility.forUser(userId).visible().size() > MAX_OWNER_CHOICES;
	}

}
