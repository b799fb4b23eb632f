package com.licensingportal.license;

import com.licensingportal.account.AccountVisibility;
import com.licensingportal.account.VisibleAccounts;
import com.licensingportal.security.PortalUserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class EntitlementListController {

	static final String VIEW_LIST = "license/entitlements";

	private final AccountVisibility visibility;

	private final LineItemRepository lineItems;

	EntitlementListController(AccountVisibility visibility, LineItemRepository lineItems) {
		this.visibility = visibility;
		this.lineItems = lineItems;
	}

	@GetMapping("/entitlements")
	String list(@AuthenticationPrincipal PortalUserPrincipal user, Model model) {
		VisibleAccounts accounts = this.visibility.forUser(user.getUserId());
		model.addAttribute("lineItems",
				accounts.visible().isEmpty() ? java.util.List.of() : this.lineItems.findAvailableOwnedBy(accounts.visible()));
		return VIEW_LIST;
	}

}
