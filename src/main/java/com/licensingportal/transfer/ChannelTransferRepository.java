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
	 * Locks the transfer's row for the rest of the transaction and reads nothing (its own row only: a locking
	 * select with joins would lock the accounts too). Callers go through {@link TransferLocks}.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t.id from ChannelTransfer t where t.id = :id")
	Optional<Long> lockRowById(Long id);

	@EntityGraph(attributePaths = { "source", "source.product", "source.entitlement", "sourceAccount", "targetAccount",
			"addTo", "result" })
	Optional<ChannelTransfer> findByTransferNumber(String transferNumber);

	/** What the transfer's emails say about it, in one statement ({@link TransferMailFacts}). */
	@Query("""
			select new com.licensingportal.transfer.TransferMailFacts(t.transferNumber, t.amount, s.activationId,
			 s.totalQuantity, p.partNumber, p.name, sa.name, ta.name, ta.accountNumber, a.activationId, r.id, s.id,
			 u.firstName, u.lastName, t.requestedBy, t.approvalRule)
			 from ChannelTransfer t join t.source s join s.product p join t.sourceAccount sa join t.targetAccount ta
			 left join t.addTo a left join t.result r left join PortalUser u on u.id = t.requestedByUserId
			 where t.transferNumber = :transferNumber""")
	Optional<TransferMailFacts> findMailFacts(String transferNumber);

	Optional<ChannelTransfer> findByRequestedByUserIdAndIdempotencyKey(Long requestedByUserId, String idempotencyKey);

	/** The transfers a user asked for, or that were asked for from the given accounts, newest first. */
	@EntityGraph(attributePaths = { "source", "source.product", "sourceAccount", "targetAccount", "addTo", "result" })
	@Query("""
			select t from ChannelTransfer t where t.requestedByUserId = :userId or t.sourceAccount.id in :accountIds
			 order by t.requestedAt desc, t.id desc""")
	List<ChannelTransfer> findRequestedByOrFrom(Long userId, Collection<Long> accountIds, Pageable page);

}
