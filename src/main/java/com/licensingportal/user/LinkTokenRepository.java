package com.licensingportal.user;

import java.util.Optional;

import com.licensingportal.user.LinkToken.Purpose;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface LinkTokenRepository extends JpaRepository<LinkToken, Long> {

	Optional<LinkToken> findByTokenHashAndPurpose(String tokenHash, Purpose purpose);

	/** Claims a token: of two requests with the same link, only one deletes the row, the other gets 0. */
	@Modifying(flushAutomatically = true)
	@Query("delete from LinkToken t where t.tokenHash = :tokenHash")
	int deleteByTokenHash(String tokenHash);

	/** Every link of the user for this purpose stops working at once. */
	@Modifying(flushAutomatically = true)
	@Query("delete from LinkToken t where t.userId = :userId and t.purpose = :purpose")
	int deleteAllOfUser(Long userId, Purpose purpose);

}
