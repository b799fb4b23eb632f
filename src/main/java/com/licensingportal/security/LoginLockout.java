package com.licensingportal.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.licensingportal.user.PortalUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After {@code max-failures} failed logins for one email within {@code window}, further tries for that
 * email from the same client address are refused for {@code window}. Keyed by address too, so that nobody
 * can lock a user out from elsewhere. Kept in the database so that every node sees the same count.
 */
@Service
public class LoginLockout {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final int maxFailures;

	private final Duration window;

	LoginLockout(JdbcTemplate jdbc, Clock clock, @Value("${portal.login.max-failures:10}") int maxFailures,
			@Value("${portal.login.lockout:PT15M}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
	}

	@Transactional(readOnly = true)
	public boolean isLocked(String email, String clientAddress) {
		List<Timestamp> recent = this.jdbc.queryForList(
				"select failed_at from login_failure where email = ? and client_address = ? and failed_at > ?"
						+ " order by failed_at desc",
				Timestamp.class, PortalUser.normalizeEmail(email), clientAddress,
				Timestamp.from(now().minus(this.window.multipliedBy(2))));
		if (recent.size() < this.maxFailures) {
			return false;
		}
		Instant newest = recent.get(0).toInstant();
		Instant tenthNewest = recent.get(this.maxFailures - 1).toInstant();
		boolean burst = !tenthNewest.isBefore(newest.minus(this.window));
		return burst && now().isBefore(newest.plus(this.window));
	}

	@Transactional
	public void recordFailure(String email, String clientAddress) {
		Instant now = now();
		this.jdbc.update("delete from login_failure where failed_at < ?", Timestamp.from(now.minus(Duration.ofDays(1))));
		this.jdbc.update("insert into login_failure (email, client_address, failed_at) values (?, ?, ?)",
				PortalUser.normalizeEmail(email), clientAddress, Timestamp.from(now));
	}

	@Transactional
	public void recordSuccess(String email, String clientAddress) {
		this.jdbc.update("delete from login_failure where email = ? and client_address = ?",
				PortalUser.normalizeEmail(email), clientAddress);
	}

	/** After a password reset: the email's failed logins, from every address, no longer count. */
	@Transactional
	public void forgetFailures(String email) {
		this.jdbc.update("delete from login_failure where email = ?", PortalUser.normalizeEmail(email));
	}

	private Instant now() {
		return this.clock.instant();
	}

}
