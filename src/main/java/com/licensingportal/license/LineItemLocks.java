package com.licensingportal.license;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.stereotype.Component;

/**
 * The one way to lock line items before their counts change: always in Activation ID order, so that activations,
 * returns, transfers, cancellations and renewals racing on the same line items wait for each other instead of
 * deadlocking, and never overdraw. Each lock holds until the caller's transaction ends. Only the line item's own
 * row is locked: a locking select with joins would lock the joined accounts and product too (MariaDB has no
 * {@code FOR UPDATE OF}), and deadlock with inserts that check their foreign keys.
 */
@Component
public class LineItemLocks {

	private final LineItemRepository lineItems;

	private final EntityManager entityManager;

	LineItemLocks(LineItemRepository lineItems, EntityManager entityManager) {
		this.lineItems = lineItems;
		this.entityManager = entityManager;
	}

	/**
	 * Locks the line items with these Activation IDs and reads them with their entitlement, accounts and product.
	 *
	 * @return those that exist, in Activation ID order (no one is told which do not)
	 */
	public List<LineItem> lockByActivationIds(Collection<String> activationIds) {
		List<LineItem> locked = new ArrayList<>();
		for (String activationId : lockRowsByActivationIds(activationIds)) {
			this.lineItems.findWithDetailsByActivationId(activationId).ifPresent(locked::add);
		}
		return locked;
	}

	/**
	 * Locks the rows of the line items with these Activation IDs and reads nothing, for a caller that reads them
	 * next (one that has read them already in this transaction would not see their new counts: use {@link #lock}).
	 *
	 * @return the Activation IDs in the order they were locked
	 */
	public SortedSet<String> lockRowsByActivationIds(Collection<String> activationIds) {
		SortedSet<String> ordered = new TreeSet<>(activationIds);
		ordered.forEach(this.lineItems::lockRowByActivationId);
		return ordered;
	}

	/**
	 * Locks line items this transaction has read already and reads their counts afresh under the lock. One it has
	 * locked before is left as it is: it is current, and reading it again would throw away its changes.
	 */
	public void lock(LineItem... items) {
		List<LineItem> ordered = new ArrayList<>(List.of(items));
		ordered.sort(Comparator.comparing(LineItem::getActivationId));
		for (LineItem item : ordered) {
			if (this.entityManager.getLockMode(item) == LockModeType.PESSIMISTIC_WRITE) {
				continue;
			}
			this.lineItems.lockRowById(item.getId());
			this.entityManager.refresh(item);
			// Tells the persistence context that this transaction holds the lock (the row is this version now).
			this.entityManager.lock(item, LockModeType.PESSIMISTIC_WRITE);
		}
	}

}
