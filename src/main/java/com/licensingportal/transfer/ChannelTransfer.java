package com.licensingportal.transfer;

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

	/** What the approval decision said: pending approval, or approved at once by the rule. */
	void decided(boolean approvalRequired, String rule, String processInstanceId, Instant now) {
		this.approvalRequired = approvalRequired;
		this.approvalRule = rule;
		this.processInstanceId = processInstanceId;
		if (!approvalRequired) {
			this.state = TransferState.APPROVED;
			this.decidedBy = "automatic";
			this.decidedAt = now;
		}
	}

	/** Order Management's decision; an approval lets the channels move. */
	void decidedBy(String who, boolean approved, String reason, Instant now) {
		this.decidedBy = who;
		this.decidedAt = now;
		this.decisionReason = reason;
		if (approved) {
			this.state = TransferState.APPROVED;
		}
	}

	void executed(LineItem result, Instant now) {
		this.result = result;
		this.executedAt = now;
		this.endedAt = now;
		this.state = TransferState.COMPLETED;
	}

	void ended(TransferState outcome, String by, Instant now) {
		ended(outcome, by, now, null);
	}

	void ended(TransferState outcome, String by, Instant now, String reason) {
		this.state = outcome;
		this.endedBy = by;
		this.endedAt = now;
		this.endedReason = reason;
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
