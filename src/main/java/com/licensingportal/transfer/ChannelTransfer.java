package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.time.Instant;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.NumericBooleanConverter;
import org.hibernate.type.SqlTypes;

/**
 * One request to move channels of a line item to another account: reserved when requested, then executed,
 * rejected, expired or cancelled by {@code bpmn/channel-transfer.bpmn}. {@link #getExecutedAt()} records
 * that the channels moved, so that a retried execution never moves them twice.
 */
@Entity
@Table(name = "channel_transfer")
public class ChannelTransfer {

	private static final int MAX_DECISION_REASON = 1000;

	private static final int MAX_ENDED_REASON = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The public reference, e.g. {@code T-7KQ2-9XTM}: the API's transfer id and the process's business key. */
	@Column(name = "transfer_number", nullable = false, updatable = false)
	private String transferNumber;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_line_item_id", updatable = false)
	private LineItem source;

	@ManyToOne(optional = false)
	@JoinColumn(name = "source_account_id", updatable = false)
	private Account sourceAccount;

	@ManyToOne(optional = false)
	@JoinColumn(name = "target_account_id", updatable = false)
	private Account targetAccount;

	/** The target's line item the channels are added to; null for a new license (or moving the whole one). */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "add_to_line_item_id", updatable = false)
	private LineItem addTo;

	@Column(nullable = false, updatable = false)
	private int amount;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private TransferState state;

	@Column(name = "requested_by_user_id", nullable = false, updatable = false)
	private Long requestedByUserId;

	/** The requester's email when they asked. */
	@Column(name = "requested_by", nullable = false, updatable = false)
	private String requestedBy;

	@Column(name = "requested_at", nullable = false, updatable = false)
	private Instant requestedAt;

	@Column(name = "idempotency_key", nullable = false, updatable = false)
	private String idempotencyKey;

	/** A hash of what was asked, to tell a repeated request from a different one with the same key. */
	@Column(name = "request_fingerprint", nullable = false, updatable = false)
	private String requestFingerprint;

	@Convert(converter = NumericBooleanConverter.class)
	@Column(name = "approval_required", nullable = false)
	private boolean approvalRequired;

	/** Which rule of {@code bpmn/transfer-approval.dmn} decided, in words. */
	@Column(name = "approval_rule")
	private String approvalRule;

	@Column(name = "process_instance_id")
	private String processInstanceId;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "decision_reason")
	private String decisionReason;

	/** The line item that holds the channels afterwards: new, moved or added to. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "result_line_item_id")
	private LineItem result;

	@Column(name = "executed_at")
	private Instant executedAt;

	@Column(name = "ended_at")
	private Instant endedAt;

	@Column(name = "ended_by")
	private String endedBy;

	/** Why a transfer that was no longer possible when carried out ended so, in the requester's words. */
	@Column(name = "ended_reason")
	private String endedReason;

	protected ChannelTransfer() {
	}

	ChannelTransfer(String transferNumber, LineItem source, Account targetAccount, LineItem addTo, int amount,
			Long requestedByUserId, String requestedBy, String idempotencyKey, String requestFingerprint, Instant now) {
		this.transferNumber = transferNumber;
		this.source = source;
		this.sourceAccount = source.getOwner();
		this.targetAccount = targetAccount;
		this.addTo = addTo;
		this.amount = amount;
		this.state = TransferState.PENDING_APPROVAL;
		this.requestedByUserId = requestedByUserId;
		this.requestedBy = requestedBy;
		this.requestedAt = now;
		this.idempotencyKey = idempotencyKey;
		this.requestFingerprint = requestFingerprint;
		this.approvalRequired = true;
	}

	/* The state changes, each refusing a transition that TransferState#canBecome does not allow. */

	/** What the approval decision said when the process started: pending approval, or approved at once by the rule. */
	void decided(boolean approvalRequired, String rule, String processInstanceId, Instant now) {
		if (this.state != TransferState.PENDING_APPROVAL || this.processInstanceId != null) {
			throw refused("be decided by the approval rule");
		}
		this.approvalRequired = approvalRequired;
		this.approvalRule = rule;
		this.processInstanceId = processInstanceId;
		if (!approvalRequired) {
			become(TransferState.APPROVED, "be approved");
			this.decidedBy = "automatic";
			this.decidedAt = now;
		}
	}

	/** Order Management's decision on a transfer pending approval; an approval lets the channels move. */
	void decidedBy(String who, boolean approved, String reason, Instant now) {
		if (this.state != TransferState.PENDING_APPROVAL) {
			throw refused("be decided");
		}
		this.decidedBy = who;
		this.decidedAt = now;
		this.decisionReason = reason == null || reason.length() <= MAX_DECISION_REASON ? reason
				: reason.substring(0, MAX_DECISION_REASON);
		if (approved) {
			become(TransferState.APPROVED, "be approved");
		}
	}

	/** Refuses unless the transfer is approved and its channels have not moved yet. */
	void checkExecutable() {
		if (!this.state.canBecome(TransferState.COMPLETED)) {
			throw refused("move its channels");
		}
	}

	/** The channels moved; {@code result} holds them now. */
	void executed(LineItem result, Instant now) {
		become(TransferState.COMPLETED, "move its channels");
		this.result = result;
		this.executedAt = now;
		this.endedAt = now;
	}

	/**
	 * Whether the reservation can be released as {@code outcome}: rejected, expired or cancelled while pending
	 * approval, no longer possible once approved but not carried out.
	 */
	boolean canEndAs(TransferState outcome) {
		return outcome.isFinished() && outcome != TransferState.COMPLETED && this.state.canBecome(outcome);
	}

	/** Ends the transfer without moving channels (see {@link #canEndAs}); {@code reason} says why, or is null. */
	void ended(TransferState outcome, String by, Instant now, String reason) {
		if (!canEndAs(outcome)) {
			throw refused("end as " + outcome);
		}
		this.state = outcome;
		this.endedBy = by;
		this.endedAt = now;
		this.endedReason = cut(reason, MAX_ENDED_REASON);
	}

	private void become(TransferState next, String what) {
		if (!this.state.canBecome(next)) {
			throw refused(what);
		}
		this.state = next;
	}

	/** A text longer than its column is cut short, ending in "…". */
	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private IllegalStateException refused(String what) {
		return new IllegalStateException("Transfer " + this.transferNumber + " is "
				+ this.state.label().toLowerCase(java.util.Locale.ROOT) + " and can no longer " + what);
	}

	/** How the channels arrive, in English (the API's value, Tasklist); pages use {@link #howText()}. */
	public String how() {
		return howText().toString();
	}

	/** How the channels arrive, in words: added to a license, the whole license, or a new one. */
	public Text howText() {
		return how(this.addTo, this.targetAccount, isMovingWholeLineItem());
	}

	/** As {@link #howText()}, for a transfer not yet requested. */
	static Text how(LineItem addTo, Account target, boolean wholeLicense) {
		return how(addTo == null ? null : addTo.getActivationId(), target.getName(), wholeLicense);
	}

	/** How the channels move, from the transfer's facts (the emails read them from its row). */
	static Text how(String addToActivationId, String targetName, boolean wholeLicense) {
		if (addToActivationId != null) {
			return Text.of("licenses.transfer.how.addTo", targetName, addToActivationId);
		}
		if (wholeLicense) {
			return Text.of("licenses.transfer.how.whole", targetName);
		}
		return Text.of("licenses.transfer.how.new", targetName);
	}

	/** All channels of a license without any activated: the license itself changes hands. */
	public boolean isMovingWholeLineItem() {
		if (this.addTo != null) {
			return false;
		}
		if (this.result != null) {
			return this.result.getId().equals(this.source.getId());
		}
		return this.amount == this.source.getTotalQuantity();
	}

	public Long getId() {
		return this.id;
	}

	public String getTransferNumber() {
		return this.transferNumber;
	}

	public LineItem getSource() {
		return this.source;
	}

	public Account getSourceAccount() {
		return this.sourceAccount;
	}

	public Account getTargetAccount() {
		return this.targetAccount;
	}

	public LineItem getAddTo() {
		return this.addTo;
	}

	public int getAmount() {
		return this.amount;
	}

	public TransferState getState() {
		return this.state;
	}

	public Long getRequestedByUserId() {
		return this.requestedByUserId;
	}

	public String getRequestedBy() {
		return this.requestedBy;
	}

	public Instant getRequestedAt() {
		return this.requestedAt;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public String getRequestFingerprint() {
		return this.requestFingerprint;
	}

	public boolean isApprovalRequired() {
		return this.approvalRequired;
	}

	public String getApprovalRule() {
		return this.approvalRule;
	}

	public String getProcessInstanceId() {
		return this.processInstanceId;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getEndedReason() {
		return this.endedReason;
	}

	public String getDecisionReason() {
		return this.decisionReason;
	}

	public LineItem getResult() {
		return this.result;
	}

	public Instant getExecutedAt() {
		return this.executedAt;
	}

	public Instant getEndedAt() {
		return this.endedAt;
	}

	public String getEndedBy() {
		return this.endedBy;
	}

}
