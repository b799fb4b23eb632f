package com.licensingportal.license;

import com.licensingportal.text.Text;
import java.time.Clock;
import java.time.LocalDate;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.refusal.RefusedException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A line item's page: what it is, where its channels went and everything that happened to it. */
@Controller
class LineItemController {

	static final String VIEW_LINE_ITEM = "license/line-item";

	private final Entitlements entitlements;

	private final LineItemHistory history;

	private final Clock clock;

	LineItemController(Entitlements entitlements, LineItemHistory history, Clock clock) {
		this.entitlements = entitlements;
		this.history = history;
		this.clock = clock;
	}

	@GetMapping("/entitlements/{activationId}")
	String show(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable String activationId, Model model) {
		LineItem item = this.entitlements.find(user.getUserId(), activationId)
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.license.notFound", activationId)));
		model.addAttribute("item", item);
		model.addAttribute("placements", this.history.placements(item));
		model.addAttribute("trail", this.entitlements.trail(user.getUserId(), item));
		model.addAttribute("expired", item.isExpiredOn(LocalDate.now(this.clock)));
		return VIEW_LINE_ITEM;
	}

}
