package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemHistory;
import com.licensingportal.license.LineItemRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the Transfer page offers the acting user: the source line item, the target accounts and their licenses. */
@Service
public class TransferChoices {

	/**
	 * @param source the line item the channels come from
	 * @param expired whether it has expired today
	 * @param targets the other active accounts the user sees, by name
	 * @param addTo their line items of the same product, to add the channels to
	 */
	public record Choices(LineItem source, boolean expired, List<Account> targets, List<LineItem> addTo) {
	}

	private final AccountVisibility visibility;

	private final AccountRepository accounts;

	private final LineItemHistory history;

	private final LineItemRepository lineItems;

	private final Clock clock;

	TransferChoices(AccountVisibility visibility, AccountRepository accounts, LineItemHistory history,
			LineItemRepository lineItems, Clock clock) {
		this.visibility = visibility;
		this.accounts = accounts;
		this.history = history;
		this.lineItems = lineItems;
		this.clock = clock;
	}

	/** @throws RefusedException (NOT_FOUND) when the user does not see the line item */
	@Transactional(readOnly = true)
	public Choices of(Long userId, String activationId) {
		VisibleAccounts visible = this.visibility.forUser(userId);
		LineItem source = activationId == null ? null : this.history.find(visible, activationId.strip()).orElse(null);
		if (source == null) {
			throw RefusedException.notFound(Text.of("licenses.license.notFound", activationId));
		}
		LocalDate today = LocalDate.now(this.clock);
		Set<Long> others = new LinkedHashSet<>(visible.visible());
		others.remove(source.getOwner().getId());
		List<Account> targets = others.isEmpty() ? List.of()
				: this.accounts.findByIdInOrderByName(others).stream().filter(Account::isActive).toList();
		List<LineItem> addTo = others.isEmpty() ? List.of()
				: this.lineItems.findOfProductOwnedBy(others, source.getProduct().getId(), today);
		return new Choices(source, source.isExpiredOn(today), targets, addTo);
	}

}
