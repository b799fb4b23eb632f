package com.licensingportal.license;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountVisibility;
import com.licensingportal.account.VisibleAccounts;
import com.licensingportal.security.PortalUserPrincipal;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * The List Entitlements page for a search, also shown by the actions of its form (Export, Transfer) when they
 * refuse what was ticked: the page the user came from, with the reason.
 */
@Component
public class EntitlementListPage {

	static final String VIEW_LIST = "license/entitlements";

	private final AccountVisibility visibility;

	private final AccountRepository accounts;

	private final EntitlementFilters filters;

	private final EntitlementList list;

	private final Clock clock;

	EntitlementListPage(AccountVisibility visibility, AccountRepository accounts, EntitlementFilters filters,
			EntitlementList list, Clock clock) {
		this.visibility = visibility;
		this.accounts = accounts;
		this.filters = filters;
		this.list = list;
		this.clock = clock;
	}

	/** Fills the model for the search; a search that is not right shows its problems instead of rows. */
	public String show(PortalUserPrincipal user, EntitlementSearch search, BindingResult binding, Model model) {
		VisibleAccounts visible = this.visibility.forUser(user.getUserId());
		EntitlementFilters.Checked checked = this.filters.check(search, binding, visible);
		model.addAttribute("page", checked.criteria()
			.map(criteria -> this.list.page(visible, criteria))
			.orElseGet(() -> new EntitlementList.Page(List.of(), 0, 0, 0, 1, search.pageSize())));
		model.addAttribute("problems", checked.problems().stream().map(EntitlementFilters.Problem::message).toList());
		model.addAttribute("columns", EntitlementColumn.values());
		model.addAttribute("pageSizes", EntitlementSearch.PAGE_SIZES);
		model.addAttribute("ownerChoices", visible.visible().size() > 1 ? this.accounts.findByIdInOrderByName(visible.visible())
				: List.of());
		model.addAttribute("today", LocalDate.now(this.clock));
		return VIEW_LIST;
	}

}
