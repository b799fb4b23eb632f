package com.licensingportal.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByAccountNumber(String accountNumber);

	Optional<Account> findByName(String name);

	Optional<Account> findByCustomerNumber(String customerNumber);

	List<Account> findByIdInOrderByName(Collection<Long> ids);

	/** Ids of the customer accounts that the given partner accounts sell to. */
	@Query("select c.id from Account p join p.relatedCustomers c where p.id in :partnerIds")
	List<Long> findRelatedCustomerIds(Collection<Long> partnerIds);

	/**
	 * Ids of the active customer accounts that the given partner account sells to, without loading them. One
	 * statement: in the caller's transaction if it has one, else none (AccountVisibility asks on every request).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	@Query("select c.id from Account p join p.relatedCustomers c where p.id = :partnerId"
			+ " and c.status = com.licensingportal.account.AccountStatus.ACTIVE order by c.id")
	List<Long> findActiveRelatedCustomerIds(Long partnerId);

}
