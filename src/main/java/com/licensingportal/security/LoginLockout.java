package com.licensingportal.security;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.licensingportal.base.LimitLocks;
import com.licensingportal.user.PortalUser;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After {@code max-failures} failed logins for one email within {@code lockout} ({@link LoginProperties}), further
 * tries for that email from the same client address are refused for {@code lockout}. Keyed by address too, so
 * that nobody can lock a user out from elsewhere. Kept in the database so that every node sees the same count;
 * failures a day old are removed by the nightly personal-data-retention process, not on the login's path.
 * <p>
 * A password is checked ({@link #check}) under a database lock of its email and address, and counted or
 * forgotten in the same transaction: so parallel tries are checked one after the other and none slips past the
 * limit, while parallel tries with the right password are never refused. Camunda's logins are checked the same
 * way under their own names ({@link #camundaUser}).
 */
@Service
public class LoginLockout {

	private static final String LIMIT_NAME = "login";

	private final JdbcTemplate jdbc;

	private final LimitLocks locks;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	LoginLockout(JdbcTemplate jdbc, LimitLocks locks, PlatformTransactionManager transactions, Clock clock,
			LoginProperties settings) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.maxFailures = settings.maxFailures();
		this.window = settings.lockout();
	}

	/** The name under which a Camunda user's logins are counted: never the same as a portal user's email. */
	public static String camundaUser(String userId) {
		return "camunda:" + userId;
	}

	/** How long a locked email waits from its last failure. */
	public Duration window() {
		return this.window;
	}

	/**
	 * Checks a password under the lock of its name and address: parallel tries are checked one after the other, so
	 * that none slips past the limit, and a right password is never refused because other tries of the same user
	 * were still under way (as a count taken before the check would: an order system sending many requests at once).
	 * An exception from the check rolls its count back: it was not the user's doing.
	 * @return whether the password was right (its failures at this address are then forgotten)
	 * @throws LoginLockedException when the name has had too many failures from this address
	 */
	public boolean check(String name, String clientAddress, BooleanSupplier passwordIsRight) {
		Instant now = now();
		String normalized = emailKey(name);
		Boolean right = this.transaction.execute(status -> {
			this.locks.lock(LIMIT_NAME, normalized + " " + clientAddress, now);
			if (isLocked(normalized, clientAddress)) {
				return null;
			}
			if (passwordIsRight.getAsBoolean()) {
				this.jdbc.update("delete from login_failure where email = ? and client_address = ?", normalized,
						clientAddress);
				return true;
			}
			insertFailure(normalized, clientAddress, now);
			return false;
		});
		if (right == null) {
			throw new LoginLockedException();
		}
		return right;
	}

	@Transactional(readOnly = true)
	public boolean isLocked(String email, String clientAddress) {
		List<Timestamp> recent = this.jdbc.queryForList(
				"select failed_at from login_failure where email = ? and client_address = ? and failed_at > ?"
						+ " order by failed_at desc",
				Timestamp.class, emailKey(email), clientAddress,
				Timestamp.from(now().minus(this.window.multipliedBy(2))));
		if (recent.size() < this.maxFailures) {
			return false;
		}
		Instant newest = recent.get(0).toInstant();
		Instant tenthNewest = recent.get(this.maxFailures - 1).toInstant();
		boolean burst = !tenthNewest.isBefore(newest.minus(this.window));
		return burst && now().isBefore(newest.plus(this.window));
	}

	/** A failure counted after the fact (tests). */
	@Transactional
	public void recordFailure(String email, String clientAddress) {
		insertFailure(emailKey(email), clientAddress, now());
	}

	@Transactional
	public void recordSuccess(String email, String clientAddress) {
		this.jdbc.update("delete from login_failure where email = ? and client_address = ?",
				emailKey(email), clientAddress);
	}

	/** After a password reset: the email's failed logins, from every address, no longer count. */
	@Transactional
	public void forgetFailures(String email) {
		this.jdbc.update("delete from login_failure where email = ?", emailKey(email));
	}

	/** The email as counted: normalised, and no longer than the column (a guesser may send anything). */
	private static String emailKey(String email) {
		String normalized = PortalUser.normalizeEmail(email == null ? "" : email);
		return normalized.length() > 254 ? normalized.substring(0, 254) : normalized;
	}

	private long insertFailure(String normalizedEmail, String clientAddress, Instant now) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into login_failure (email, client_address, failed_at) values (?, ?, ?)",
					Statement.RETURN_GENERATED_KEYS);
			insert.setString(1, normalizedEmail);
			insert.setString(2, clientAddress);
			insert.setTimestamp(3, Timestamp.from(now));
			return insert;
		}, key);
		return key.getKey().longValue();
	}

	private Instant now() {
		return this.clock.instant();
	}

}
