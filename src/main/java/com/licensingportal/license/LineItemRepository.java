package com.licensingportal.license;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface LineItemRepository extends JpaRepository<LineItem, Long> {

	Optional<LineItem> findByActivationId(String activationId);

	/**
	 * Locks the row for the rest of the transaction and reads nothing: for a caller that reads the line item
	 * with {@link #findWithDetailsByActivationId} next, one statement instead of the entity's and then its
	 * owner's and product's (bench/FINDINGS.md). Only this row: a locking select with joins would lock the
	 * joined accounts and product too. Callers go through {@link LineItemLocks}, which keeps the order.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select li.id from LineItem li where li.activationId = :activationId")
	Optional<Long> lockRowByActivationId(String activationId);

	/** As {@link #lockRowByActivationId}, for a line item this transaction has read already. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select li.id from LineItem li where li.id = :id")
	Optional<Long> lockRowById(Long id);

	/**
	 * The line item with its entitlement, accounts and product in one statement. Its fetches are in the query
	 * string, not an {@code @EntityGraph}: Hibernate translates a query with an entity graph again on every
	 * call, and caches the plan of a query string (activation, transfers: bench/FINDINGS.md).
	 */
	@Query("""
			select li from LineItem li join fetch li.entitlement join fetch li.owner join fetch li.soldTo
			 join fetch li.product where li.activationId = :activationId""")
	Optional<LineItem> findWithDetailsByActivationId(String activationId);

	/** The account's line items that can be activated on the given day: channels left and not expired. */
	@EntityGraph(attributePaths = { "entitlement", "owner", "soldTo", "product" })
	@Query("""
			select li from LineItem li where li.owner.id = :accountId and li.availableQuantity > 0
			 and (li.expiresOn is null or li.expiresOn >= :day) order by li.product.partNumber, li.activationId""")
	List<LineItem> findActivatable(Long accountId, java.time.LocalDate day);

	/** The line items of a product that the given accounts own and that have not expired: channels can be added to them. */
	@EntityGraph(attributePaths = { "entitlement", "owner", "soldTo", "product" })
	@Query("""
			select li from LineItem li where li.owner.id in :accountIds and li.product.id = :productId
			 and (li.expiresOn is null or li.expiresOn >= :day) order by li.owner.name, li.activationId""")
	List<LineItem> findOfProductOwnedBy(Collection<Long> accountIds, Long productId, java.time.LocalDate day);

	/** The line items with channels left that the given accounts own, newest first. */
	@EntityGraph(attributePaths = { "entitlement", "owner", "soldTo", "product" })
	@Query("select li from LineItem li where li.owner.id in :accountIds and li.availableQuantity > 0 order by li.createdAt desc, li.id desc")
	List<LineItem> findAvailableOwnedBy(Collection<Long> accountIds);

}
