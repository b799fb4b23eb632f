package com.licensingportal.license;

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
	record Problem(String field, String message) {
	}

	/** The search as the list applies it, or the problems that stop it. */
	record Checked(Optional<EntitlementList.Criteria> criteria, List<Problem> problems) {
	}

	private static final Map<String, String> BAD_VALUES = Map.of("availableMin",
			"Available quantity must be a whole number of channels, 0 or more.", "totalMin",
			"Total quantity must be a whole number of channels, 0 or more.", "expiringBefore",
			"Expiring before must be a date such as 2027-01-31.", "page", "The page must be a number.", "size",
			"The page size must be a number.");

	private final AccountRepository accounts;

	EntitlementFilters(AccountRepository accounts) {
		this.accounts = accounts;
	}

	Checked check(EntitlementSearch search, BindingResult binding, VisibleAccounts visible) {
		List<Problem> problems = new ArrayList<>();
		for (FieldError error : binding.getFieldErrors()) {
			problems.add(new Problem(error.getField(),
					BAD_VALUES.getOrDefault(error.getField(), "The search has a value that is not right.")));
		}
		if (search.getAvailableMin() != null && search.getAvailableMin() < 0) {
			problems.add(new Problem("availableMin", BAD_VALUES.get("availableMin")));
		}
		if (search.getTotalMin() != null && search.getTotalMin() < 0) {
			problems.add(new Problem("totalMin", BAD_VALUES.get("totalMin")));
		}
		if (search.getExpiration() != null && !List.of(EntitlementSearch.PERMANENT, EntitlementSearch.EXPIRES,
				EntitlementSearch.EXPIRED).contains(search.getExpiration())) {
			problems.add(new Problem("expiration", "Expiration must be Permanent, Expires or Expired."));
		}
		Long ownerId = null;
		if (search.getOwner() != null) {
			ownerId = this.accounts.findByAccountNumber(search.getOwner())
				.map(Account::getId)
				.filter(visible::canSee)
				.orElse(null);
			if (ownerId == null) {
				problems.add(new Problem("owner", "None of your accounts has the number " + search.getOwner() + "."));
			}
		}
		return new Checked(problems.isEmpty() ? Optional.of(new EntitlementList.Criteria(search, ownerId))
				: Optional.empty(), List.copyOf(problems));
	}

}
