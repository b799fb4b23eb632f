package com.licensingportal.transfer;

import com.licensingportal.refusal.DecisionRefusedException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.license.Channels;
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

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

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
		String summary = "### Transfer " + md(transfer.getTransferNumber()) + "\n\n**" + md(Channels.of(transfer.getAmount()))
				+ "** of **" + md(source.getProduct().getPartNumber()) + "** (" + md(source.getProduct().getName()) + ", "
				+ md(source.getProduct().getProductType()) + "), license " + md(source.getActivationId()) + "\n\n"
				+ "- **From:** " + md(from.getName()) + " (" + md(from.getAccountNumber()) + ")\n"
				+ "- **To:** " + md(to.getName()) + " (" + md(to.getAccountNumber()) + ")\n"
				+ "- **How:** " + md(transfer.how()) + "\n"
				+ "- **Requested by:** " + md(requesterName) + " (" + md(transfer.getRequestedBy()) + "), "
				+ md(UserType.valueOf(requesterRole).label()) + "\n"
				+ "- **Why it needs approval:** " + md(approvalRule);
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
			throw new DecisionRefusedException("Transfer " + transfer.getTransferNumber() + " is "
					+ transfer.getState().label().toLowerCase(java.util.Locale.ROOT) + " and can no longer be decided.");
		}
		String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
		if (!approved && trimmed == null) {
			throw new DecisionRefusedException("Give a reason for the requester when you reject the transfer.");
		}
		transfer.decidedBy(decidedBy, approved, trimmed, this.clock.instant());
	}

	/** The line item's latest history as a Markdown list. */
	private String historyText(LineItem source) {
		List<LineItemHistory.TrailEntry> trail = this.history.trail(source);
		StringBuilder text = new StringBuilder();
		int skipped = Math.max(0, trail.size() - HISTORY_ENTRIES);
		if (skipped > 0) {
			text.append("- (").append(skipped).append(" earlier entries on the license's page in the portal)\n");
		}
		for (LineItemHistory.TrailEntry entry : trail.subList(skipped, trail.size())) {
			text.append("- ").append(md(WHEN.format(entry.occurredAt()))).append(" · ").append(md(entry.type().label()))
				.append(" · ").append(md(Channels.of(entry.quantity()))).append(" · ").append(md(entry.actor()));
			if (entry.deviceName() != null) {
				text.append(" · on ").append(md(entry.deviceName()));
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
