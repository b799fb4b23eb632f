package com.licensingportal.license;

import java.util.Locale;
import com.licensingportal.text.Text;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PageRefusal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** List Entitlements: the unactivated licenses of the user's visible accounts, and their CSV export. */
@Controller
class EntitlementListController {

	static final Text NOTHING_SELECTED = Text.of("licenses.list.export.none");

	static final int MAX_SELECTED = 1000;

	private final Entitlements entitlements;

	private final EntitlementListPage listPage;

	private final Clock clock;

	EntitlementListController(Entitlements entitlements, EntitlementListPage listPage, Clock clock) {
		this.entitlements = entitlements;
		this.listPage = listPage;
		this.clock = clock;
	}

	@GetMapping("/entitlements")
	String list(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("search") EntitlementSearch search,
			BindingResult binding, Model model) {
		return this.listPage.show(user, search, binding, model);
	}

	/**
	 * Export &gt; Export All Matching: every row the filters match, not only the page shown. Filters that are
	 * not right get the list with their problems instead of a file.
	 */
	@GetMapping("/entitlements/export")
	ModelAndView exportAllMatching(@AuthenticationPrincipal PortalUserPrincipal user,
			@ModelAttribute("search") EntitlementSearch search, BindingResult binding, Model model,
			HttpServletResponse response) throws IOException {
		Optional<EntitlementList.Criteria> criteria = this.entitlements.check(user.getUserId(), search, binding).criteria();
		if (criteria.isEmpty()) {
			return new ModelAndView(this.listPage.show(user, search, binding, model));
		}
		try (EntitlementCsv csv = EntitlementCsv.attachment(response, LocalDate.now(this.clock))) {
			this.entitlements.forEachMatching(user.getUserId(), criteria.get(), csv.sink());
		}
		return null; // the response is written
	}

	/**
	 * Export &gt; Export Selected Items: the checked rows, in the order the list shows them. None, or too many,
	 * get the list again with the reason.
	 */
	@PostMapping("/entitlements/export")
	ModelAndView exportSelected(@AuthenticationPrincipal PortalUserPrincipal user,
			@ModelAttribute("search") EntitlementSearch search, BindingResult binding,
			@RequestParam(name = "selected", required = false) List<String> selected, Model model,
			HttpServletResponse response, Locale locale) throws IOException {
		if (selected == null || selected.isEmpty() || selected.size() > MAX_SELECTED) {
			model.addAttribute("message", (selected == null || selected.isEmpty() ? NOTHING_SELECTED
					: Text.of("licenses.list.export.tooMany", String.valueOf(MAX_SELECTED))).in(locale));
			PageRefusal.answer(model, HttpStatus.UNPROCESSABLE_ENTITY);
			return new ModelAndView(this.listPage.show(user, search, binding, model));
		}
		try (EntitlementCsv csv = EntitlementCsv.attachment(response, LocalDate.now(this.clock))) {
			this.entitlements.forEachSelected(user.getUserId(), selected.stream().map(String::strip).distinct().toList(), search,
					csv.sink());
		}
		return null; // the response is written
	}

}
