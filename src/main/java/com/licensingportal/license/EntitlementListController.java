package com.licensingportal.license;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountVisibility;
import com.licensingportal.account.VisibleAccounts;
import com.licensingportal.security.PortalUserPrincipal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
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

	private static final Map<String, String> BAD_VALUES = Map.of("availableMin",
			"Available quantity must be a whole number of channels, 0 or more.", "totalMin",
			"Total quantity must be a whole number of channels, 0 or more.", "expiringBefore",
			"Expiring before must be a date such as 2027-01-31.", "page", "The page must be a number.", "size",
			"The page size must be a number.");

	private final AccountVisibility visibility;

	private final AccountRepository accounts;

	private final EntitlementList list;

	private final Clock clock;

	EntitlementListController(AccountVisibility visibility, AccountRepository accounts, EntitlementList list,
			Clock clock) {
		this.visibility = visibility;
		this.accounts = accounts;
		this.list = list;
		this.clock = clock;
	}

	@GetMapping("/entitlements")
	String list(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("search") EntitlementSearch search,
			BindingResult binding, Model model) {
		VisibleAccounts visible = this.visibility.forUser(user.getUserId());
		List<String> problems = new ArrayList<>();
		Optional<EntitlementList.Criteria> criteria = criteria(search, binding, visible, problems);
		model.addAttribute("page", criteria.map(c -> this.list.page(visible, c))
			.orElseGet(() -> new EntitlementList.Page(List.of(), 0, 0, 0, 1, search.pageSize())));
		model.addAttribute("problems", problems);
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
		Optional<EntitlementList.Criteria> criteria = criteria(search, binding, visible, new ArrayList<>());
		if (criteria.isEmpty()) {
			return new ModelAndView("redirect:/entitlements?" + search.query());
		}
		try (EntitlementCsv csv = startCsv(response)) {
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
		try (EntitlementCsv csv = startCsv(response)) {
			this.list.forEachSelected(visible, selected.stream().map(String::strip).distinct().toList(), search,
					csv.sink());
		}
		return null; // the response is written
	}

	private EntitlementCsv startCsv(HttpServletResponse response) throws IOException {
		response.setContentType(EntitlementCsv.CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("entitlements-" + LocalDate.now(this.clock) + ".csv")
			.build()
			.toString());
		return new EntitlementCsv(response.getOutputStream());
	}

	/** The search as the list applies it, or empty with the reasons in {@code problems}. */
	private Optional<EntitlementList.Criteria> criteria(EntitlementSearch search, BindingResult binding,
			VisibleAccounts visible, List<String> problems) {
		for (FieldError error : binding.getFieldErrors()) {
			problems.add(BAD_VALUES.getOrDefault(error.getField(), "The search has a value that is not right."));
		}
		if (search.getAvailableMin() != null && search.getAvailableMin() < 0) {
			problems.add(BAD_VALUES.get("availableMin"));
		}
		if (search.getTotalMin() != null && search.getTotalMin() < 0) {
			problems.add(BAD_VALUES.get("totalMin"));
		}
		if (search.getExpiration() != null && !List.of(EntitlementSearch.PERMANENT, EntitlementSearch.EXPIRES,
				EntitlementSearch.EXPIRED).contains(search.getExpiration())) {
			problems.add("Expiration must be Permanent, Expires or Expired.");
		}
		Long ownerId = null;
		if (search.getOwner() != null) {
			ownerId = this.accounts.findByAccountNumber(search.getOwner())
				.map(Account::getId)
				.filter(visible::canSee)
				.orElse(null);
			if (ownerId == null) {
				problems.add("None of your accounts has the number " + search.getOwner() + ".");
			}
		}
		return problems.isEmpty() ? Optional.of(new EntitlementList.Criteria(search, ownerId)) : Optional.empty();
	}

}
