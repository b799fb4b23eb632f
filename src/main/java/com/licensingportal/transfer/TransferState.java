package com.licensingportal.transfer;

/** Where a channel transfer stands; every state but the first two is final. */
public enum TransferState {

	PENDING_APPROVAL("Pending approval", false), APPROVED("Approved, moving channels", false),
	COMPLETED("Completed", true), REJECTED("Rejected", true), EXPIRED("Expired", true), CANCELLED("Cancelled", true),
	NO_LONGER_POSSIBLE("No longer possible", true);

	private final String label;

	private final boolean finished;

	TransferState(String label, boolean finished) {
		this.label = label;
		this.finished = finished;
	}

	/** How the Transfers page names it. */
	public String label() {
		return this.label;
	}

	public boolean isFinished() {
		return this.finished;
	}

	/**
	 * Whether {@code bpmn/channel-transfer.bpmn} takes a transfer from this state to {@code next}: pending approval
	 * to approved, rejected, expired or cancelled; approved to completed or no longer possible.
	 */
	public boolean canBecome(TransferState next) {
		return switch (this) {
			case PENDING_APPROVAL -> next == APPROVED || next == REJECTED || next == EXPIRED || next == CANCELLED;
			case APPROVED -> next == COMPLETED || next == NO_LONGER_POSSIBLE;
			default -> false;
		};
	}

	/** The Bootstrap badge the pages show it in: green when the channels moved, amber while open. */
	public String badge() {
		return this == COMPLETED ? "text-bg-success" : this.finished ? "text-bg-secondary" : "text-bg-warning";
	}

}
