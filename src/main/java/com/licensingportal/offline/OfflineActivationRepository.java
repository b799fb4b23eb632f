package com.licensingportal.offline;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OfflineActivationRepository extends JpaRepository<OfflineActivation, Long> {

	Optional<OfflineActivation> findByNonce(String nonce);

}
