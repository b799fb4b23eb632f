package com.licensingportal.license;

import java.time.Clock;
import java.time.LocalDate;

import com.licensingportal.account.AccountVisibility;
import com.licensingportal.account.VisibleAccounts;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.security.PortalUserPrincipal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A line item's page: what it is, where its channels went and everything that happened to it. */
@Controller
class LineItemController {

	static final String VIEW_LINE_ITEM = "license/line-item";

	private final AccountVisibility visibility;

	private final LineItemHistory history;

	private final Clock clock;

	LineItemController(AccountVisibility visibility, LineItemHistory history, Clock clock) {
		this.visibility = visibility;
		this.history = history;
		this.clock = clock;
	}

	@GetMapping("/entitlements/{activationId}")
	String show(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable String activationId, Model model) {
		VisibleAccounts visible = this.visibility.forUser(user.getUserId());
		LineItem item = this.history.find(visible, activationId)
			.orElseThrow(() -> RefusedException.notFound("License " + activationId));
		model.addAttribute("item", item);
		model.addAttribute("placements", this.history.placements(item));
		model.addAttribute("trail", this.history.trail(item, visible));
		model.addAttribute("expired", item.isExpiredOn(LocalDate.now(this.clock)));
		return VIEW_LINE_ITEM;
	}

}
