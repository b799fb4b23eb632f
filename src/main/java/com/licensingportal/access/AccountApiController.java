package com.licensingportal.access;

import java.util.List;

import com.licensingportal.account.AccountType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Accounts")
class AccountApiController {

	private final AccountVisibility visibility;

	AccountApiController(AccountVisibility visibility) {
		this.visibility = visibility;
	}

	/** One account as the API shows it. {@code administered}: the caller may manage its users. */
	record AccountView(Long id, String accountNumber, String name, AccountType type, boolean administered) {
	}

	@GetMapping(path = "/api/v1/accounts", produces = "application/json")
	@Operation(operationId = "listAccounts", summary = "The accounts you can see: your own and, for partners, their related customers")
	List<AccountView> accounts(@AuthenticationPrincipal PortalUserPrincipal user) {
		return this.visibility.accountsSeenBy(user.getUserId())
			.stream()
			.map(account -> new AccountView(account.getId(), account.getAccountNumber(), account.getName(), account.getType(),
					this.visibility.administers(user.getUserId(), account.getId())))
			.toList();
	}

}
