package com.licensingportal.account;

import java.util.List;

import com.licensingportal.security.PortalUserPrincipal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class AccountApiController {

	private final AccountVisibility visibility;

	private final AccountRepository accounts;

	AccountApiController(AccountVisibility visibility, AccountRepository accounts) {
		this.visibility = visibility;
		this.accounts = accounts;
	}

	/** One account as the API shows it. {@code administered}: the caller may manage its users. */
	record AccountView(Long id, String accountNumber, String name, AccountType type, boolean administered) {
	}

	@GetMapping(path = "/api/v1/accounts", produces = "application/json")
	@Operation(operationId = "listAccounts", summary = "The accounts you can see: your own and, for partners, their related customers")
	List<AccountView> accounts(@AuthenticationPrincipal PortalUserPrincipal user) {
		VisibleAccounts seen = this.visibility.forUser(user.getUserId());
		if (seen.visible().isEmpty()) {
			return List.of();
		}
		return this.accounts.findByIdInOrderByName(seen.visible())
			.stream()
			.map(account -> new AccountView(account.getId(), account.getAccountNumber(), account.getName(), account.getType(),
					seen.canAdminister(account.getId())))
			.toList();
	}

}
