package com.licensingportal.license;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface EntitlementRepository extends JpaRepository<Entitlement, Long> {

	Optional<Entitlement> findByEntitlementId(String entitlementId);

}
