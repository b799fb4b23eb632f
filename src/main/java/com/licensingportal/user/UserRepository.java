package com.licensingportal.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.licensingportal.account.Account;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

public interface UserRepository extends JpaRepository<PortalUser, Long> {

	@EntityGraph(attributePaths = { "memberships", "memberships.account" })
	Optional<PortalUser> findByEmail(String email);

	/** The language the user chose ("en", "fr"), empty when none: read for every new session's pages. */
	@Query("select u.language from PortalUser u where u.id = :id and u.language is not null")
	Optional<String> findLanguageById(Long id);

	/**
	 * One statement, in the caller's transaction if it has one, else none (AccountVisibility asks on every
	 * request). A query string with its fetches, not a derived query or an {@code @EntityGraph}: Hibernate
	 * caches the plan of the one, and translates the others again on every call (bench/FINDINGS.md).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	@Query("select u from PortalUser u left join fetch u.memberships m left join fetch m.account where u.id = :id")
	Optional<PortalUser> findWithMembershipsById(Long id);

	@EntityGraph(attributePaths = { "memberships", "memberships.account" })
	List<PortalUser> findWithMembershipsByIdIn(Collection<Long> ids);

	boolean existsByEmail(String email);

	/** The users linked to at least one of the accounts, with all their links, by name. */
	@Query("select distinct u from PortalUser u join fetch u.memberships m join fetch m.account"
			+ " where u.id in (select l.user.id from AccountMembership l where l.account.id in :accountIds)"
			+ " order by u.lastName, u.firstName, u.id")
	List<PortalUser> findLinkedToAny(Collection<Long> accountIds);

	/** Per account: how many active users hold an administrator user type there. */
	@Query("select m.account.id, count(m) from AccountMembership m where m.account.id in :accountIds"
			+ " and m.userType in :administratorTypes and m.user.status = :active group by m.account.id")
	List<Object[]> countAdministrators(Collection<Long> accountIds, Collection<UserType> administratorTypes,
			UserStatus active);

	/** The active users linked to the account with an administrator user type, by email. */
	@Query("select u from PortalUser u join u.memberships m where m.account.id = :accountId"
			+ " and m.userType in :administratorTypes and u.status = :active order by u.email")
	List<PortalUser> findAdministrators(Long accountId, Collection<UserType> administratorTypes, UserStatus active);

	/** Per account: how many users are linked to it. */
	@Query("select m.account.id, count(m) from AccountMembership m where m.account.id in :accountIds group by m.account.id")
	List<Object[]> countUsers(Collection<Long> accountIds);

	/** Serialises changes to the users of these accounts, so that two admins cannot remove the last administrator together. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id in :accountIds order by a.id")
	List<Account> lockAccounts(Collection<Long> accountIds);

}
