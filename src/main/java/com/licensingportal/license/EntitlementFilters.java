package com.licensingportal.license;

import com.licensingportal.text.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.access.VisibleAccounts;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Checks a List Entitlements search the same way for the page and the API: each value that is not right
 * gets a sentence in the user's words and the parameter's name, and the owner account's number is resolved
 * among the user's visible accounts.
 */
@Component
class EntitlementFilters {

	/** A search parameter that is not right. */
	record Problem(String field, Text message) {
	}

	/** The search as the list applies it, or the problems that stop it. */
	record Checked(Optional<EntitlementList.Criteria> criteria, List<Problem> problems) {
	}

	/** The fields whose value the binder could not read, each with its code (licenses.search.bad.*). */
	private static final java.util.Set<String> BAD_VALUES = java.util.Set.of("availableMin", "totalMin",
			"expiringBefore", "page", "size");

	private final AccountRepository accounts;

	EntitlementFilters(AccountRepository accounts) {
		this.accounts = accounts;
	}

	Checked check(EntitlementSearch search, BindingResult binding, VisibleAccounts visible) {
		List<Problem> problems = new ArrayList<>();
		for (FieldError error : binding.getFieldErrors()) {
			problems.add(new Problem(error.getField(),
					bad(error.getField())));
		}
		if (search.getAvailableMin() != null && search.getAvailableMin() < 0) {
			problems.add(new Problem("availableMin", bad("availableMin")));
		}
		if (search.getTotalMin() != null && search.getTotalMin() < 0) {
			problems.add(new Problem("totalMin", bad("totalMin")));
		}
		if (search.getExpiration() != null && !List.of(EntitlementSearch.PERMANENT, EntitlementSearch.EXPIRES,
				EntitlementSearch.EXPIRED).contains(search.getExpiration())) {
			problems.add(new Problem("expiration", Text.of("licenses.search.bad.expiration")));
		}
		Long ownerId = null;
		if (search.getOwner() != null) {
			ownerId = this.accounts.findByAccountNumber(search.getOwner())
				.map(Account::getId)
				.filter(visible::canSee)
				.orElse(null);
			if (ownerId == null) {
				problems.add(new Problem("owner", Text.of("licenses.search.bad.owner", search.getOwner())));
			}
		}
		return new Checked(problems.isEmpty() ? Optional.of(new EntitlementList.Criteria(search, ownerId))
				: Optional.empty(), List.copyOf(problems));
	}

	private static Text bad(String field) {
		return Text.of(BAD_VALUES.contains(field) ? "licenses.search.bad." + field : "licenses.search.bad.other");
	}

}
