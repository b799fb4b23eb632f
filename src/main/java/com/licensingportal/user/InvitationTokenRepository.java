package com.licensingportal.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface InvitationTokenRepository extends JpaRepository<InvitationToken, Long> {

	Optional<InvitationToken> findByTokenHash(String tokenHash);

	/** Claims a token: of two requests with the same link, only one deletes the row, the other gets 0. */
	@Modifying(flushAutomatically = true)
	@Query("delete from InvitationToken t where t.tokenHash = :tokenHash")
	int deleteByTokenHash(String tokenHash);

	/** Every link of the user stops working at once. */
	@Modifying(flushAutomatically = true)
	@Query("delete from InvitationToken t where t.userId = :userId")
	int deleteAllOfUser(Long userId);

}
