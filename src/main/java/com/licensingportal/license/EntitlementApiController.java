package com.licensingportal.license;

import com.licensingportal.text.Text;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.licensingportal.account.Account;
import com.licensingportal.base.ApiPage;
import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.refusal.RefusedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** List Entitlements, a line item's page and the CSV export, for scripts: the same search, the same rows. */
@RestController
@Tag(name = "Entitlements")
class EntitlementApiController {

	private static final String SORT_KEYS = Arrays.stream(EntitlementColumn.values())
		.map(EntitlementColumn::key)
		.collect(Collectors.joining(", "));

	private final Entitlements entitlements;

	private final LineItemHistory history;

	private final Clock clock;

	EntitlementApiController(Entitlements entitlements, LineItemHistory history, Clock clock) {
		this.entitlements = entitlements;
		this.history = history;
		this.clock = clock;
	}

	/** One row of List Entitlements. */
	record EntitlementItem(@Schema(example = "7KQ2-9XTM-C4HP-R8WD") String activationId,
			@Schema(example = "E-20261127-0001") String entitlementId, @Schema(example = "Harbor Logistics") String soldTo,
			@Schema(example = "ACC7-ENT-CH") String product, @Schema(example = "7.14") String version,
			@Schema(example = "6") int availableQuantity, @Schema(example = "8") int totalQuantity,
			@Schema(example = "2027-01-31", description = "the last day the license can be used; null when permanent",
					nullable = true) LocalDate expiration) {

		static EntitlementItem of(EntitlementRow row) {
			return new EntitlementItem(row.activationId(), row.entitlementId(), row.soldTo(), row.product(),
					row.version(), row.available(), row.total(), row.expiresOn());
		}

	}

	record AccountRef(@Schema(example = "A-7KQ2-9XTM") String accountNumber,
			@Schema(example = "Harbor Logistics") String name) {

		static AccountRef of(Account account) {
			return new AccountRef(account.getAccountNumber(), account.getName());
		}

	}

	record ProductView(@Schema(example = "ACC7-ENT-CH") String partNumber,
			@Schema(example = "ACC 7 Enterprise camera channel") String name,
			@Schema(example = "ACC Enterprise") String productType) {
	}

	/** A line item with where its channels are and everything that happened to it, oldest first. */
	record EntitlementDetail(@Schema(example = "7KQ2-9XTM-C4HP-R8WD") String activationId,
			@Schema(example = "E-20261127-0001") String entitlementId, AccountRef owner, AccountRef soldTo,
			ProductView product, @Schema(example = "7.14") String version, @Schema(example = "8") int totalQuantity,
			@Schema(example = "6") int availableQuantity, @Schema(example = "2") int activatedQuantity,
			@Schema(example = "0", description = "held by pending transfers") int reservedQuantity,
			@Schema(example = "2027-01-31", nullable = true, description = "null when permanent") LocalDate expiration,
			boolean expired, Instant createdAt, List<LineItemHistory.Placement> devices,
			List<LineItemHistory.TrailEntry> events) {
	}

	@GetMapping(path = "/api/v1/entitlements", produces = "application/json")
	@Operation(operationId = "listEntitlements", summary = "List your entitlements: one item per line item, filtered, sorted and paged as on the page",
			description = "Text filters match any part of the value, ignoring case. Line items without available channels "
					+ "are left out unless showUsedUp=true. sort is one of activationId, entitlementId, soldTo, product, "
					+ "version, available, total, expiration (dir asc or desc); without it the newest come first.")
	ApiPage<EntitlementItem> list(@AuthenticationPrincipal PortalUserPrincipal user,
			@ParameterObject EntitlementSearch search, BindingResult binding) {
		EntitlementList.Page page = this.entitlements.pageCountingAll(user.getUserId(), criteria(user, search, binding));
		// The list shows the last page for one beyond it; a script asking for the next page must get none.
		List<EntitlementItem> items = page.number() < search.pageNumber() ? List.of()
				: page.rows().stream().map(EntitlementItem::of).toList();
		return new ApiPage<>(items, search.pageNumber(), page.size(), page.matching());
	}

	@GetMapping(path = "/api/v1/entitlements/{activationId}", produces = "application/json")
	@Operation(operationId = "getEntitlement", summary = "One line item of yours with the devices its channels are on and its event trail")
	EntitlementDetail show(@AuthenticationPrincipal PortalUserPrincipal user,
			@PathVariable @Parameter(example = "7KQ2-9XTM-C4HP-R8WD") String activationId) {
		LineItem item = this.entitlements.find(user.getUserId(), activationId)
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.license.apiNotFound", activationId)));
		return new EntitlementDetail(item.getActivationId(), item.getEntitlement().getEntitlementId(),
				AccountRef.of(item.getOwner()), AccountRef.of(item.getSoldTo()),
				new ProductView(item.getProduct().getPartNumber(), item.getProduct().getName(),
						item.getProduct().getProductType()),
				item.getProductVersion(), item.getTotalQuantity(), item.getAvailableQuantity(),
				item.getActivatedQuantity(), item.getReservedQuantity(), item.getExpiresOn(),
				item.isExpiredOn(LocalDate.now(this.clock)), item.getCreatedAt(), this.history.placements(item),
				this.history.trail(item));
	}

	@GetMapping("/api/v1/entitlements/export")
	@Operation(operationId = "exportEntitlements", summary = "Export your entitlements as CSV: every row the filters match, or the listed Activation IDs",
			description = "The CSV of List Entitlements (RFC 4180, UTF-8, the page's column names), streamed. Give the "
					+ "filters of GET /api/v1/entitlements, or activationIds (at most 1000, repeated or comma-separated); "
					+ "Activation IDs that are not yours are left out. sort and dir apply to both.",
			responses = @ApiResponse(responseCode = "200", description = "the CSV file",
					content = @Content(mediaType = "text/csv")))
	void export(@AuthenticationPrincipal PortalUserPrincipal user, @ParameterObject EntitlementSearch search,
			BindingResult binding,
			@RequestParam(required = false) @Parameter(description = "export exactly these line items",
					example = "7KQ2-9XTM-C4HP-R8WD,4JHT-8ZRW-Q6NB-3MXC") List<String> activationIds,
			HttpServletResponse response) throws IOException {
		EntitlementList.Criteria criteria = criteria(user, search, binding);
		List<String> selected = activationIds == null ? null : selection(activationIds, search);
		try (EntitlementCsv csv = EntitlementCsv.attachment(response, LocalDate.now(this.clock))) {
			if (selected == null) {
				this.entitlements.forEachMatching(user.getUserId(), criteria, csv.sink());
			}
			else {
				this.entitlements.forEachSelected(user.getUserId(), selected, search, csv.sink());
			}
		}
	}

	/** The search as the page applies it; anything the page would complain about is a 422 here. */
	private EntitlementList.Criteria criteria(PortalUserPrincipal user, EntitlementSearch search, BindingResult binding) {
		EntitlementFilters.Checked checked = this.entitlements.check(user.getUserId(), search, binding);
		List<FieldError> problems = new ArrayList<>();
		checked.problems().forEach(problem -> problems.add(new FieldError(problem.field(), problem.message())));
		if (search.getSort() != null && search.sortColumn() == null) {
			problems.add(new FieldError("sort", Text.of("licenses.api.sortBy", String.valueOf(SORT_KEYS))));
		}
		if (search.getDir() != null && !List.of("asc", "desc").contains(search.getDir())) {
			problems.add(new FieldError("dir", Text.of("licenses.api.sortDirection")));
		}
		if (!binding.hasFieldErrors("page") && !binding.hasFieldErrors("size")) {
			problems.addAll(ApiPage.pagingProblems(search.getPage(), search.getSize(), EntitlementSearch.PAGE_SIZES));
		}
		if (!problems.isEmpty()) {
			throw RefusedException.invalid(problems);
		}
		return checked.criteria().orElseThrow();
	}

	private static List<String> selection(List<String> activationIds, EntitlementSearch search) {
		// Repeated parameters arrive one per value; a comma-separated one is split here.
		List<String> selected = activationIds.stream()
			.flatMap(value -> Arrays.stream(value.split(",")))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.map(id -> id.toUpperCase(Locale.ROOT))
			.distinct()
			.toList();
		if (selected.isEmpty()) {
			throw RefusedException.invalid("activationIds", Text.of("licenses.api.export.none"));
		}
		if (selected.size() > EntitlementListController.MAX_SELECTED) {
			throw RefusedException.invalid("activationIds",
					Text.of("licenses.api.export.tooMany", String.valueOf(EntitlementListController.MAX_SELECTED)));
		}
		if (search.hasFilters()) {
			throw RefusedException.invalid("activationIds", Text.of("licenses.api.export.both"));
		}
		return selected;
	}

}
