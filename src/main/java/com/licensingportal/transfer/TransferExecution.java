package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.account.Account;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.NewLicenses;
import com.licensingportal.usermanagement.UserDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code bpmn/channel-transfer.bpmn} does with a transfer once it is decided: carry it out
 * ({@code ExecuteTransfer}) or give its reservation back ({@code ReleaseReservation}). Each step is one
 * transaction under the transfer's lock and then its line items' ({@link TransferLocks}).
 */
@Service
public class TransferExecution {

	/** What an execution did, for the emails. */
	public record Executed(ChannelTransfer transfer, LineItem result, List<String> targetAdministrators,
			List<String> sourceAdministrators) {
	}

	private final TransferLocks locks;

	private final ChannelTransferRepository transfers;

	private final NewLicenses newLicenses;

	private final LicenseEventRepository events;

	private final UserDirectory directory;

	private final Clock clock;

	TransferExecution(TransferLocks locks, ChannelTransferRepository transfers, NewLicenses newLicenses,
			LicenseEventRepository events, UserDirectory directory, Clock clock) {
		this.locks = locks;
		this.transfers = transfers;
		this.newLicenses = newLicenses;
		this.events = events;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * {@code ExecuteTransfer}'s first step: what the request checked, checked again under the locks the execution
	 * takes (the target account active; the license to add to still the target's, of the same product, not
	 * expired; the source license still the source account's and not expired). Empty when the transfer can be
	 * carried out, or was already; otherwise the reason, in the requester's words (English: it is stored with the
	 * transfer and sent to the process).
	 */
	@Transactional
	public Optional<String> noLongerPossible(Long transferId) {
		ChannelTransfer transfer = this.locks.lock(transferId);
		if (transfer.getExecutedAt() != null) {
			return Optional.empty();
		}
		this.locks.lockLineItems(transfer);
		return Optional.ofNullable(whyNoLongerPossible(transfer, LocalDate.now(this.clock))).map(Text::toString);
	}

	private static Text whyNoLongerPossible(ChannelTransfer transfer, LocalDate today) {
		LineItem source = transfer.getSource();
		LineItem addTo = transfer.getAddTo();
		Account target = transfer.getTargetAccount();
		if (!target.isActive()) {
			return Text.of("licenses.transfer.ended.targetDisabled", target.getName(), target.getAccountNumber());
		}
		if (!source.getOwner().getId().equals(transfer.getSourceAccount().getId())) {
			return Text.of("licenses.transfer.ended.sourceMoved", source.getActivationId(),
					transfer.getSourceAccount().getName());
		}
		if (source.isExpiredOn(today)) {
			return Text.of("licenses.transfer.ended.sourceExpired", source.getActivationId(), source.getExpiresOn());
		}
		if (addTo != null) {
			if (!addTo.getOwner().getId().equals(target.getId())) {
				return Text.of("licenses.transfer.ended.addToMoved", addTo.getActivationId(), target.getName());
			}
			if (!addTo.getProduct().getId().equals(source.getProduct().getId())) {
				return Text.of("licenses.transfer.ended.addToProduct", addTo.getActivationId(),
						source.getProduct().getPartNumber());
			}
			if (addTo.isExpiredOn(today)) {
				return Text.of("licenses.transfer.ended.addToExpired", addTo.getActivationId(), addTo.getExpiresOn());
			}
		}
		return null;
	}

	/**
	 * {@code ExecuteTransfer}: moves the reserved channels (a new line item for part of a license, the whole
	 * line item when all its channels go, or onto the chosen line item) and writes both sides' event trails.
	 * A retry after the channels moved (the row says so, read under its lock) changes nothing.
	 */
	@Transactional
	public Executed execute(Long transferId) {
		ChannelTransfer transfer = this.locks.lock(transferId);
		if (transfer.getExecutedAt() == null) {
			transfer.checkExecutable();
			move(transfer);
		}
		return new Executed(transfer, transfer.getResult(),
				this.directory.administratorEmails(transfer.getTargetAccount().getId()),
				this.directory.administratorEmails(transfer.getSourceAccount().getId()));
	}

	private void move(ChannelTransfer transfer) {
		this.locks.lockLineItems(transfer);
		LineItem source = transfer.getSource();
		LineItem addTo = transfer.getAddTo();
		int amount = transfer.getAmount();
		Account target = transfer.getTargetAccount();
		Instant now = this.clock.instant();
		LineItem result;
		if (addTo != null) {
			source.transferOut(amount);
			addTo.receive(amount);
			result = addTo;
		}
		else if (source.getTotalQuantity() == amount) {
			// All channels, none activated, none reserved for anything else: the license itself changes hands.
			source.changeHands(target);
			result = source;
		}
		else {
			result = this.newLicenses.splitOff(source, amount, target, now);
		}
		String actor = transfer.getRequestedBy();
		this.events.save(new LicenseEvent(source.getId(), LicenseEventType.TRANSFERRED_OUT, amount, actor)
			.withRelatedLineItem(result == source ? null : result.getId())
			.withReference(transfer.getTransferNumber())
			.withNote("to " + target.getName() + " (" + target.getAccountNumber() + ")" + approvedBy(transfer)));
		this.events.save(new LicenseEvent(result.getId(), LicenseEventType.TRANSFERRED_IN, amount, actor)
			.withRelatedLineItem(result == source ? null : source.getId())
			.withReference(transfer.getTransferNumber())
			.withNote("from " + transfer.getSourceAccount().getName() + " ("
					+ transfer.getSourceAccount().getAccountNumber() + ")" + approvedBy(transfer)));
		transfer.executed(result, now);
	}

	private static String approvedBy(ChannelTransfer transfer) {
		return transfer.isApprovalRequired() ? ", approved by " + transfer.getDecidedBy() : ", approved automatically";
	}

	/**
	 * {@code ReleaseReservation}: gives the reserved channels back to the source line item and ends the transfer
	 * as rejected, expired or cancelled while it waited for approval, or as no longer possible when it was to be
	 * carried out (with the reason, checked again here). Releasing again with the same outcome (a retry) changes
	 * nothing.
	 */
	@Transactional
	public ChannelTransfer release(Long transferId, TransferState outcome, String by) {
		ChannelTransfer transfer = this.locks.lock(transferId);
		if (transfer.getState() == outcome) {
			return transfer;
		}
		if (!transfer.canEndAs(outcome)) {
			throw new IllegalStateException("Transfer " + transfer.getTransferNumber() + " is " + transfer.getState()
					+ ": its reservation cannot be released as " + outcome);
		}
		String noLongerPossible = outcome == TransferState.NO_LONGER_POSSIBLE
				? noLongerPossible(transferId).orElseThrow(() -> new IllegalStateException("Transfer "
						+ transfer.getTransferNumber() + " can be carried out: its reservation is not released"))
				: null;
		LineItem source = transfer.getSource();
		this.locks.lockSource(transfer);
		source.release(transfer.getAmount());
		String why = switch (outcome) {
			case REJECTED -> "transfer rejected" + (transfer.getDecisionReason() == null ? "" : ": " + transfer.getDecisionReason());
			case EXPIRED -> "transfer expired without a decision";
			case CANCELLED -> "transfer cancelled";
			default -> "transfer no longer possible: " + noLongerPossible;
		};
		this.events.save(new LicenseEvent(source.getId(), LicenseEventType.RELEASED, transfer.getAmount(), by)
			.withReference(transfer.getTransferNumber())
			.withNote(why));
		transfer.ended(outcome, by, this.clock.instant(), noLongerPossible);
		return transfer;
	}

	/** What a transfer's emails say about it, read from its row when each one is sent ({@link TransferMailFacts}). */
	@Transactional
	public Map<String, Object> mailFacts(String transferNumber) {
		return this.transfers.findMailFacts(transferNumber)
			.orElseThrow(() -> new IllegalStateException("No transfer " + transferNumber))
			.model();
	}

}
