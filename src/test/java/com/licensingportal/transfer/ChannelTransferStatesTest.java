package com.licensingportal.transfer;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.Entitlement;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which state changes a transfer makes and which it refuses, without Spring. */
class ChannelTransferStatesTest {

	private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

	private static final List<TransferState> RELEASED_WHILE_PENDING = List.of(TransferState.REJECTED,
			TransferState.EXPIRED, TransferState.CANCELLED);

	private final Account source = new Account("Spruce Partners", AccountType.PARTNER);

	private final Account target = new Account("Juniper Corp", AccountType.CUSTOMER);

	private final LineItem lineItem = new LineItem("7KQ2-9XTM-C4HP-R8WD",
			new Entitlement("E-1", this.source, NOW), this.source, new Product("ACC7-ENT-CH", "ACC Enterprise", "Permanent"),
			"7.14", 10, null);

	private ChannelTransfer pending() {
		ChannelTransfer transfer = new ChannelTransfer("T-7KQ2-9XTM", this.lineItem, this.target, null, 4, 1L,
				"requester@example.com", "key", "fingerprint", NOW);
		transfer.decided(true, "Needs approval", "instance-1", NOW);
		return transfer;
	}

	private ChannelTransfer approved() {
		ChannelTransfer transfer = pending();
		transfer.decidedBy("om", true, null, NOW);
		return transfer;
	}

	@Test
	void anAutomaticApprovalIsRecordedOnceWhenTheProcessStarts() {
		ChannelTransfer transfer = new ChannelTransfer("T-7KQ2-9XTM", this.lineItem, this.target, null, 4, 1L,
				"requester@example.com", "key", "fingerprint", NOW);
		transfer.decided(false, "Related customer", "instance-1", NOW);
		assertThat(transfer.getState()).isEqualTo(TransferState.APPROVED);
		assertThat(transfer.getDecidedBy()).isEqualTo("automatic");
		assertThatThrownBy(() -> transfer.decided(true, "again", "instance-2", NOW))
			.isInstanceOf(IllegalStateException.class);
		assertThat(transfer.getProcessInstanceId()).isEqualTo("instance-1");
	}

	@Test
	void orderManagementDecidesAPendingTransferOnlyOnce() {
		ChannelTransfer rejected = pending();
		rejected.decidedBy("om", false, "x".repeat(1200), NOW);
		assertThat(rejected.getState()).isEqualTo(TransferState.PENDING_APPROVAL);
		assertThat(rejected.getDecisionReason()).hasSize(1000);

		ChannelTransfer approved = approved();
		assertThat(approved.getState()).isEqualTo(TransferState.APPROVED);
		assertThatThrownBy(() -> approved.decidedBy("someone else", false, "no", NOW))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Transfer T-7KQ2-9XTM is approved, moving channels and can no longer be decided");
		assertThat(approved.getDecidedBy()).isEqualTo("om");
	}

	@Test
	void onlyAnApprovedTransferMovesItsChannelsAndOnlyOnce() {
		ChannelTransfer pending = pending();
		assertThatThrownBy(() -> pending.executed(this.lineItem, NOW)).isInstanceOf(IllegalStateException.class);
		assertThat(pending.getExecutedAt()).isNull();

		ChannelTransfer transfer = approved();
		transfer.executed(this.lineItem, NOW);
		assertThat(transfer.getState()).isEqualTo(TransferState.COMPLETED);
		assertThatThrownBy(() -> transfer.executed(this.lineItem, NOW)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> transfer.ended(TransferState.NO_LONGER_POSSIBLE, "system", NOW, "too late"))
			.isInstanceOf(IllegalStateException.class);
		assertThat(transfer.getState()).isEqualTo(TransferState.COMPLETED);
	}

	@Test
	void aPendingTransferEndsRejectedExpiredOrCancelledAndNothingElse() {
		for (TransferState outcome : TransferState.values()) {
			ChannelTransfer transfer = pending();
			assertThat(transfer.canEndAs(outcome)).as(outcome.name()).isEqualTo(RELEASED_WHILE_PENDING.contains(outcome));
			if (RELEASED_WHILE_PENDING.contains(outcome)) {
				transfer.ended(outcome, "someone", NOW, null);
				assertThat(transfer.getState()).isEqualTo(outcome);
				assertThat(transfer.canEndAs(TransferState.CANCELLED)).as("ended already").isFalse();
			}
			else {
				assertThatThrownBy(() -> transfer.ended(outcome, "someone", NOW, null))
					.isInstanceOf(IllegalStateException.class);
				assertThat(transfer.getState()).isEqualTo(TransferState.PENDING_APPROVAL);
			}
		}
	}

	@Test
	void anApprovedTransferEndsOnlyAsNoLongerPossibleWithItsReasonCutToTheColumn() {
		for (TransferState outcome : EnumSet.complementOf(EnumSet.of(TransferState.NO_LONGER_POSSIBLE))) {
			assertThat(approved().canEndAs(outcome)).as(outcome.name()).isFalse();
		}
		ChannelTransfer transfer = approved();
		transfer.ended(TransferState.NO_LONGER_POSSIBLE, "system", NOW, "y".repeat(600));
		assertThat(transfer.getState()).isEqualTo(TransferState.NO_LONGER_POSSIBLE);
		assertThat(transfer.getEndedReason()).hasSize(500).endsWith("…");
	}

	@Test
	void howTheChannelsArriveSaysWhetherTheWholeLicenseMoves() {
		assertThat(pending().how()).isEqualTo("a new license (new Entitlement ID and Activation ID) for Juniper Corp");
		ChannelTransfer whole = new ChannelTransfer("T-2", this.lineItem, this.target, null, 10, 1L, "r@example.com",
				"key", "fingerprint", NOW);
		assertThat(whole.how()).isEqualTo("the whole license moves to Juniper Corp, keeping its Activation ID");
	}

}
