package com.licensingportal.transfer;

import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.mail.MailDates;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemHistory;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.TasklistMarkdown;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order Management's task {@code ApproveChannelTransfer} in Tasklist: the texts its form shows, and the decision
 * it records.
 */
@Service
public class ApprovalTask {

	/** At most this many history entries go into the approval form (a process variable holds 4,000 characters). */
	private static final int HISTORY_ENTRIES = 20;

	private static final int MAX_HISTORY_TEXT = 3900;

	/** Tasklist is Order Management's English tool. */
	private static final Locale TASKLIST = Languages.ENGLISH;

	/** The codes of the user types' names: USER_TYPE + the constant. */
	private static final String USER_TYPE = "mail.userType.";

	private final ChannelTransferRepository transfers;

	private final TransferLocks locks;

	private final UserRepository users;

	private final LineItemHistory history;

	private final Clock clock;

	ApprovalTask(ChannelTransferRepository transfers, TransferLocks locks, UserRepository users,
			LineItemHistory history, Clock clock) {
		this.transfers = transfers;
		this.locks = locks;
		this.users = users;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * What the approval form shows, written as local variables of {@code ApproveChannelTransfer} when it is
	 * created: approvalSummary (source, target, product, amount, requester and the rule, from the transfer's row)
	 * and lineItemHistory (the license's latest history, up to 3,900 characters), both Markdown with every value
	 * escaped, so that a name cannot show Order Management a link or markup. The requester's role and the rule
	 * are the decision's, of this very start. Only a transfer that waits for Order Management needs them.
	 */
	@Transactional
	public Map<String, Object> formTexts(Long transferId, String requesterRole, String approvalRule) {
		ChannelTransfer transfer = this.transfers.findById(transferId)
			.orElseThrow(() -> new IllegalStateException("Transfer " + transferId + " does not exist"));
		LineItem source = transfer.getSource();
		Account from = transfer.getSourceAccount();
		Account to = transfer.getTargetAccount();
		String requesterName = this.users.findById(transfer.getRequestedByUserId())
			.map(PortalUser::getDisplayName)
			.orElse(transfer.getRequestedBy());
		String summary = Text.of("mail.tasklist.transfer.summary", md(transfer.getTransferNumber()), transfer.getAmount(),
				md(source.getProduct().getPartNumber()), md(source.getProduct().getName()),
				md(source.getProduct().getProductType()), md(source.getActivationId()), md(from.getName()),
				md(from.getAccountNumber()), md(to.getName()), md(to.getAccountNumber()), md(how(transfer).in(TASKLIST)),
				md(requesterName), md(transfer.getRequestedBy()),
				md(Text.of(USER_TYPE + UserType.valueOf(requesterRole).name()).in(TASKLIST)), md(approvalRule))
			.in(TASKLIST);
		return Map.of("approvalSummary", summary, "lineItemHistory", historyText(source));
	}

	/**
	 * Order Management's decision, recorded before the process goes on. A transfer cancelled meanwhile refuses
	 * it, so the task's completion fails instead of deciding twice.
	 *
	 * @throws DecisionRefusedException when the transfer is no longer pending, or a rejection has no reason
	 */
	@Transactional
	public void recordDecision(Long transferId, boolean approved, String decidedBy, String reason) {
		ChannelTransfer transfer = this.locks.lock(transferId);
		if (transfer.getState() != TransferState.PENDING_APPROVAL) {
			throw new DecisionRefusedException(Text.of("mail.decision.transfer.notPending",
					transfer.getTransferNumber(), transfer.getState().name()));
		}
		String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
		if (!approved && trimmed == null) {
			throw new DecisionRefusedException(Text.of("mail.decision.transfer.reasonForRejection"));
		}
		transfer.decidedBy(decidedBy, approved, trimmed, this.clock.instant());
	}

	/** How the channels of a transfer move, for its emails: added to a license, the whole license, or a new one. */
	@Transactional(readOnly = true)
	public Text how(String transferNumber) {
		return how(this.transfers.findByTransferNumber(transferNumber)
			.orElseThrow(() -> new IllegalStateException("Transfer " + transferNumber + " does not exist")));
	}

	private static Text how(ChannelTransfer transfer) {
		String target = transfer.getTargetAccount().getName();
		if (transfer.getAddTo() != null) {
			return Text.of("mail.transfer.how.addedTo", target, transfer.getAddTo().getActivationId());
		}
		return transfer.isMovingWholeLineItem() ? Text.of("mail.transfer.how.whole", target)
				: Text.of("mail.transfer.how.newLicense", target);
	}

	/** The line item's latest history as a Markdown list. */
	private String historyText(LineItem source) {
		List<LineItemHistory.TrailEntry> trail = this.history.trail(source);
		StringBuilder text = new StringBuilder();
		int skipped = Math.max(0, trail.size() - HISTORY_ENTRIES);
		if (skipped > 0) {
			text.append(Text.of("mail.tasklist.history.earlier", skipped).in(TASKLIST)).append('\n');
		}
		for (LineItemHistory.TrailEntry entry : trail.subList(skipped, trail.size())) {
			text.append(Text.of("mail.tasklist.history.entry", md(MailDates.format(entry.occurredAt())),
					md(entry.type().label()), entry.quantity(), md(entry.actor())).in(TASKLIST));
			if (entry.deviceName() != null) {
				text.append(Text.of("mail.tasklist.history.device", md(entry.deviceName())).in(TASKLIST));
			}
			if (entry.reference() != null) {
				text.append(" · ").append(md(entry.reference()));
			}
			text.append('\n');
		}
		String all = text.toString();
		return all.length() <= MAX_HISTORY_TEXT ? all : all.substring(0, MAX_HISTORY_TEXT - 1) + "…";
	}

	private static String md(String text) {
		return TasklistMarkdown.escape(text);
	}

}
