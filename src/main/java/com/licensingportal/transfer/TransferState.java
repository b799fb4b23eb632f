package com.licensingportal.transfer;

import com.licensingportal.text.Text;

/** Where a channel transfer stands; every state but the first two is final. */
public enum TransferState {

	PENDING_APPROVAL(false), APPROVED(false), COMPLETED(true), REJECTED(true), EXPIRED(true), CANCELLED(true),
	NO_LONGER_POSSIBLE(true);

	private final boolean finished;

	TransferState(boolean finished) {
		this.finished = finished;
	}

	/** Each constant's code is this and its name (LicensesTextsTest checks that the bundle has them all). */
	private static final String CODE = "licenses.transfer.state.";

	/** How the Transfers page names it (licenses.transfer.state.*). */
	public Text text() {
		return Text.of(CODE + name());
	}

	/** Its name in English (logs, Tasklist). */
	public String label() {
		return text().toString();
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
