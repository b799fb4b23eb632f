package com.licensingportal.api;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonalAccessTokenRepository extends JpaRepository<PersonalAccessToken, Long> {

	Optional<PersonalAccessToken> findByTokenHash(String tokenHash);

	List<PersonalAccessToken> findByUserIdOrderByCreatedAtDescIdDesc(Long userId);

	Optional<PersonalAccessToken> findByIdAndUserId(Long id, Long userId);

}
