package com.licensingportal.token;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

interface PersonalAccessTokenRepository extends JpaRepository<PersonalAccessToken, Long> {

	/**
	 * The token and its user with the user's links and their accounts ({@code [PersonalAccessToken, PortalUser]},
	 * one row per link) in one statement and no transaction: every API request asks, and the links decide what the
	 * request may see, which would otherwise be a second statement (bench/FINDINGS.md).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	@Query("""
			select t, u from PersonalAccessToken t join PortalUser u on u.id = t.userId
			 left join fetch u.memberships m left join fetch m.account where t.tokenHash = :tokenHash""")
	List<Object[]> findWithUserByTokenHash(String tokenHash);

	/** Writes a use unless another request with the token wrote one at or after {@code recordedSince}. */
	@Transactional
	@Modifying
	@Query("""
			update PersonalAccessToken t set t.lastUsedAt = :now
			 where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :recordedSince)""")
	int recordUse(Long id, Instant now, Instant recordedSince);

	/** Revokes every live token of the user. */
	@Transactional
	@Modifying
	@Query("update PersonalAccessToken t set t.revokedAt = :now where t.userId = :userId and t.revokedAt is null")
	int revokeAllOf(Long userId, Instant now);

	List<PersonalAccessToken> findByUserIdOrderByCreatedAtDescIdDesc(Long userId);

	Optional<PersonalAccessToken> findByIdAndUserId(Long id, Long userId);

}
