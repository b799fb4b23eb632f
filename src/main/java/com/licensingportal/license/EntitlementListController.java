package com.licensingportal.license;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountVisibility;
import com.licensingportal.account.VisibleAccounts;
import com.licensingportal.security.PortalUserPrincipal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** List Entitlements: the unactivated licenses of the user's visible accounts, and their CSV export. */
@Controller
class EntitlementListController {

	static final String VIEW_LIST = "license/entitlements";

	static final String NOTHING_SELECTED = "Select at least one license to export.";

	static final int MAX_SELECTED = 1000;

	private final AccountVisibility visibility;

	private final AccountRepository accounts;

	private final EntitlementFilters filters;

	private final EntitlementList list;

	private final Clock clock;

	EntitlementListController(AccountVisibility visibility, AccountRepository accounts, EntitlementFilters filters,
			EntitlementList list, Clock clock) {
		this.visibility = visibility;
		this.accounts = accounts;
		this.filters = filters;
		this.list = list;
		this.clock = clock;
	}

	@GetMapping("/entitlements")
	String list(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("search") EntitlementSearch search,
			BindingResult binding, Model model) {
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

	/** Export > Export All Matching: every row the filters match, not only the page shown. */
	@GetMapping("/entitlements/export")
	ModelAndView exportAllMatching(@AuthenticationPrincipal PortalUserPrincipal user,
			@ModelAttribute("search") EntitlementSearch search, BindingResult binding, HttpServletResponse response)
			throws IOException {
		VisibleAccounts visible = this.visibility.forUser(user.getUserId());
		Optional<EntitlementList.Criteria> criteria = this.filters.check(search, binding, visible).criteria();
		if (criteria.isEmpty()) {
			return new ModelAndView("redirect:/entitlements?" + search.query());
		}
		try (EntitlementCsv csv = EntitlementCsv.attachment(response, LocalDate.now(this.clock))) {
			this.list.forEachMatching(visible, criteria.get(), csv.sink());
		}
		return null; // the response is written
	}

	/** Export > Export Selected Items: the checked rows, in the order the list shows them. */
	@PostMapping("/entitlements/export")
	ModelAndView exportSelected(@AuthenticationPrincipal PortalUserPrincipal user,
			@ModelAttribute("search") EntitlementSearch search, BindingResult binding,
			@RequestParam(name = "selected", required = false) List<String> selected, HttpServletResponse response,
			RedirectAttributes redirect) throws IOException {
		if (selected == null || selected.isEmpty() || selected.size() > MAX_SELECTED) {
			redirect.addFlashAttribute("message", selected == null || selected.isEmpty() ? NOTHING_SELECTED
					: "Select at most " + MAX_SELECTED + " licenses, or use Export All Matching.");
			return new ModelAndView("redirect:/entitlements?" + search.queryForPage(search.pageNumber()));
		}
		VisibleAccounts visible = this.visibility.forUser(user.getUserId());
		try (EntitlementCsv csv = EntitlementCsv.attachment(response, LocalDate.now(this.clock))) {
			this.list.forEachSelected(visible, selected.stream().map(String::strip).distinct().toList(), search,
					csv.sink());
		}
		return null; // the response is written
	}

}
