package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.refusal.RefusedException;

import org.springframework.stereotype.Component;

/**
 * What a transfer request must be before anything is reserved, each refusal in the user's words: the source
 * license one the user sees and not expired, the amount available, the target an active account other than the
 * source's, and the license to add to (if any) one of the target's, of the same product, not expired.
 */
@Component
class TransferRequestChecks {

	/** A request that passed the checks: what it moves where. */
	record Checked(int amount, Account target, LineItem addTo) {
	}

	private static final Pattern ACCOUNT_NUMBER = Pattern.compile("A-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");

	private final AccountRepository accounts;

	private final LineItemRepository lineItems;

	private final Clock clock;

	TransferRequestChecks(AccountRepository accounts, LineItemRepository lineItems, Clock clock) {
		this.accounts = accounts;
		this.lineItems = lineItems;
		this.clock = clock;
	}

	/**
	 * The license the channels come from, with its owner and product.
	 *
	 * @throws RefusedException (NOT_FOUND) when the user cannot see it
	 */
	LineItem source(VisibleAccounts visible, String activationId) {
		if (activationId == null) {
			throw RefusedException.invalid("activationId", Text.of("licenses.transfer.chooseSource"));
		}
		return visibleLineItem(visible, activationId);
	}

	Checked check(VisibleAccounts visible, TransferRequest request, LineItem source) {
		checkNotExpired(source);
		int amount = checkAmount(request.amount(), source);
		Account target = target(request, visible, source);
		return new Checked(amount, target, addTo(request.addToActivationId(), visible, source, target));
	}

	private LineItem visibleLineItem(VisibleAccounts visible, String activationId) {
		return this.lineItems.findWithDetailsByActivationId(activationId)
			.filter(item -> visible.canSee(item.getOwner().getId()))
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.license.notFound", activationId)));
	}

	private static int checkAmount(Integer amount, LineItem source) {
		if (amount == null) {
			throw RefusedException.invalid("amount", Text.of("licenses.transfer.enterAmount"));
		}
		if (amount < 1) {
			throw RefusedException.invalid("amount", Text.of("licenses.channels.oneOrMore"));
		}
		int available = source.getAvailableQuantity();
		if (amount > available) {
			throw RefusedException.conflict(available == 0
					? Text.of("licenses.transfer.noneAvailable", source.getActivationId())
					: Text.of("licenses.transfer.notEnough", available, source.getActivationId(), String.valueOf(amount)));
		}
		return amount;
	}

	private void checkNotExpired(LineItem source) {
		if (source.isExpiredOn(LocalDate.now(this.clock))) {
			throw RefusedException.conflict(
					Text.of("licenses.transfer.sourceExpired", source.getActivationId(), source.getExpiresOn()));
		}
	}

	/** The target: an account of the user by id or name, or any active account by its account number. */
	private Account target(TransferRequest request, VisibleAccounts visible, LineItem source) {
		Account target;
		if (request.targetAccountId() != null) {
			target = this.accounts.findById(request.targetAccountId())
				.filter(account -> visible.canSee(account.getId()) && account.isActive())
				.orElseThrow(() -> RefusedException.invalid(request.targetField(),
						Text.of("licenses.transfer.noAccountId", String.valueOf(request.targetAccountId()))));
		}
		else if (request.target() == null) {
			throw RefusedException.invalid(request.targetField(), Text.of("licenses.transfer.chooseTarget"));
		}
		else if (ACCOUNT_NUMBER.matcher(request.target().toUpperCase(Locale.ROOT)).matches()) {
			String number = request.target().toUpperCase(Locale.ROOT);
			target = this.accounts.findByAccountNumber(number)
				.filter(Account::isActive)
				.orElseThrow(() -> RefusedException.invalid(request.targetField(),
						Text.of("licenses.transfer.noAccountNumber", number)));
		}
		else {
			target = visible.visible().isEmpty() ? null
					: this.accounts.findByIdInOrderByName(visible.visible())
						.stream()
						.filter(account -> account.getName().equalsIgnoreCase(request.target()))
						.findFirst()
						.orElse(null);
			if (target == null) {
				throw RefusedException.invalid(request.targetField(),
						Text.of("licenses.transfer.notYourAccount", request.target()));
			}
		}
		if (target.getId().equals(source.getOwner().getId())) {
			throw RefusedException.invalid(request.targetField(),
					Text.of("licenses.transfer.alreadyOwner", source.getActivationId(), target.getName()));
		}
		return target;
	}

	/** The line item to add to: one the user can see, of the target, of the same product, not expired. */
	private LineItem addTo(String activationId, VisibleAccounts visible, LineItem source, Account target) {
		if (activationId == null) {
			return null;
		}
		LineItem addTo = visibleLineItem(visible, activationId);
		if (!addTo.getOwner().getId().equals(target.getId())) {
			throw RefusedException.invalid("addToActivationId", Text.of("licenses.transfer.addToOtherOwner",
					addTo.getActivationId(), addTo.getOwner().getName(), target.getName()));
		}
		if (!addTo.getProduct().getId().equals(source.getProduct().getId())) {
			throw RefusedException.invalid("addToActivationId", Text.of("licenses.transfer.addToOtherProduct",
					addTo.getActivationId(), addTo.getProduct().getPartNumber(),
					String.valueOf(addTo.getProduct().getProductType()), source.getActivationId(),
					source.getProduct().getPartNumber(), String.valueOf(source.getProduct().getProductType())));
		}
		if (addTo.isExpiredOn(LocalDate.now(this.clock))) {
			throw RefusedException.invalid("addToActivationId",
					Text.of("licenses.transfer.addToExpired", addTo.getActivationId(), addTo.getExpiresOn()));
		}
		return addTo;
	}

}
