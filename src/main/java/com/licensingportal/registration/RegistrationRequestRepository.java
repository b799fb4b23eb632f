package com.licensingportal.registration;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegistrationRequestRepository extends JpaRepository<RegistrationRequest, Long> {

	/** The request of this email that waits for a decision, if any: there is at most one. */
	Optional<RegistrationRequest> findByOpenEmail(String email);

	List<RegistrationRequest> findByEmailOrderBySubmittedAtDesc(String email);

}
