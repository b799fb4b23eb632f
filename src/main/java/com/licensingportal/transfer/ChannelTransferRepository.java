package com.licensingportal.transfer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ChannelTransferRepository extends JpaRepository<ChannelTransfer, Long> {

	/**
	 * Locks the transfer's row for the rest of the transaction. Whoever changes a transfer takes this lock
	 * first and the line items' locks after it (in Activation ID order), so transfers, cancellations and
	 * activations never wait on each other in a circle.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from ChannelTransfer t where t.id = :id")
	Optional<ChannelTransfer> lockById(Long id);

	@EntityGraph(attributePaths = { "source", "source.product", "source.entitlement", "sourceAccount", "targetAccount",
			"addTo", "result" })
	Optional<ChannelTransfer> findByTransferNumber(String transferNumber);

	Optional<ChannelTransfer> findByRequestedByUserIdAndIdempotencyKey(Long requestedByUserId, String idempotencyKey);

	/** The transfers a user asked for, or that were asked for from the given accounts, newest first. */
	@EntityGraph(attributePaths = { "source", "source.product", "sourceAccount", "targetAccount", "addTo", "result" })
	@Query("""
			select t from ChannelTransfer t where t.requestedByUserId = :userId or t.sourceAccount.id in :accountIds
			 order by t.requestedAt desc, t.id desc""")
	List<ChannelTransfer> findRequestedByOrFrom(Long userId, Collection<Long> accountIds, Pageable page);

}
