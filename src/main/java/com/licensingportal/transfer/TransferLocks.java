package com.licensingportal.transfer;

import java.util.HashSet;
import java.util.Set;

import com.licensingportal.license.LineItemLocks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.stereotype.Component;

/**
 * Whoever changes a transfer locks its row first, then the line items it touches ({@link LineItemLocks}, in
 * Activation ID order); a request, before its transfer exists, the line items it names. So transfers, approvals,
 * cancellations and activations never wait on each other in a circle.
 */
@Component
class TransferLocks {

	private final ChannelTransferRepository transfers;

	private final LineItemLocks lineItems;

	private final EntityManager entityManager;

	TransferLocks(ChannelTransferRepository transfers, LineItemLocks lineItems, EntityManager entityManager) {
		this.transfers = transfers;
		this.lineItems = lineItems;
		this.entityManager = entityManager;
	}

	/**
	 * Before a transfer exists: the line items a request names, the source and the one to add to. The latter is
	 * locked too because inserting the transfer checks its foreign key, which would otherwise wait for that license
	 * while holding the source, against an execution that holds them the other way round.
	 */
	void lockLineItemsOf(TransferRequest request) {
		Set<String> named = new HashSet<>();
		named.add(request.activationId());
		if (request.addToActivationId() != null) {
			named.add(request.addToActivationId());
		}
		this.lineItems.lockRowsByActivationIds(named);
	}

	/**
	 * The transfer's row, locked and read afresh; as it is when this transaction holds the lock already (a
	 * second read would throw away its changes).
	 */
	ChannelTransfer lock(Long transferId) {
		ChannelTransfer transfer = this.transfers.findById(transferId)
			.orElseThrow(() -> new IllegalStateException("No transfer " + transferId));
		if (this.entityManager.getLockMode(transfer) != LockModeType.PESSIMISTIC_WRITE) {
			this.transfers.lockRowById(transferId);
			this.entityManager.refresh(transfer);
			this.entityManager.lock(transfer, LockModeType.PESSIMISTIC_WRITE);
		}
		return transfer;
	}

	/** The transfer's source line item, locked and read afresh: all that a release changes. */
	void lockSource(ChannelTransfer transfer) {
		this.lineItems.lock(transfer.getSource());
	}

	/** The transfer's source line item and the one it adds to, if any, locked and read afresh. */
	void lockLineItems(ChannelTransfer transfer) {
		if (transfer.getAddTo() == null) {
			this.lineItems.lock(transfer.getSource());
		}
		else {
			this.lineItems.lock(transfer.getSource(), transfer.getAddTo());
		}
	}

}
