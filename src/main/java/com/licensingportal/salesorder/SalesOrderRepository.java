package com.licensingportal.salesorder;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SalesOrderRepository extends JpaRepository<SalesOrder, Long> {

	Optional<SalesOrder> findByOrderNumber(String orderNumber);

	/** Locks the order for the rest of the transaction: entering, assigning and cancelling take turns. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from SalesOrder o where o.orderNumber = :orderNumber")
	Optional<SalesOrder> lockByOrderNumber(String orderNumber);

}
