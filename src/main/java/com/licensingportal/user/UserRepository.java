package com.licensingportal.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UserRepository extends JpaRepository<PortalUser, Long> {

	@EntityGraph(attributePaths = { "memberships", "memberships.account" })
	Optional<PortalUser> findByEmail(String email);

	@EntityGraph(attributePaths = { "memberships", "memberships.account" })
	Optional<PortalUser> findWithMembershipsById(Long id);

	boolean existsByEmail(String email);

}
