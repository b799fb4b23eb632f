package com.licensingportal.license;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.licensingportal.access.PortalUserPrincipal;

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

	private final Entitlements entitlements;

	private final Clock clock;

	EntitlementListPage(Entitlements entitlements, Clock clock) {
		this.entitlements = entitlements;
		this.clock = clock;
	}

	/** Fills the model for the search; a search that is not right shows its problems instead of rows. */
	public String show(PortalUserPrincipal user, EntitlementSearch search, BindingResult binding, Model model) {
		EntitlementFilters.Checked checked = this.entitlements.check(user.getUserId(), search, binding);
		model.addAttribute("page", checked.criteria()
			.map(criteria -> this.entitlements.page(user.getUserId(), criteria))
			.orElseGet(() -> new EntitlementList.Page(List.of(), 0, 0, 0, 1, search.pageSize())));
		model.addAttribute("problems", checked.problems().stream().map(EntitlementFilters.Problem::message).toList());
		model.addAttribute("columns", EntitlementColumn.values());
		model.addAttribute("pageSizes", EntitlementSearch.PAGE_SIZES);
		model.addAttribute("ownerChoices", this.entitlements.ownerChoices(user.getUserId()));
		model.addAttribute("ownerTyped", this.entitlements.ownerTyped(user.getUserId()));
		model.addAttribute("today", LocalDate.now(this.clock));
		return VIEW_LIST;
	}

}
