package com.licensingportal.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the portal keeps of personal data that has served its purpose, and for how long: one row per kind, each a
 * DELETE of the rows older than the kind's retention (README: Data retention). Run daily by the BPMN process
 * {@code personal-data-retention} (its timer job runs on one node). License history, devices, transfers and users
 * are not here: they are the audit trail and the portal's data. A new table of such rows (e.g. a new rate limit) is
 * one more row in {@link #kinds}.
 */
@Component("personalDataRetention")
public class PersonalDataRetention {

	private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

	/**
	 * One kind of data: the statement removes the rows whose time is before its one parameter, the cut-off (a UTC
	 * timestamp, or epoch milliseconds where the table keeps those).
	 */
	record Kind(String name, String deleteOlderThanCutOff, Duration retention, boolean epochMillis) {
	}

	private final List<Kind> kinds;

	private final String cycle;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	PersonalDataRetention(JdbcTemplate jdbc, Clock clock, RetentionProperties retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.cycle = retention.cycle();
		this.kinds = List.of(
				// Decided (approved, rejected, withdrawn) requests: names, email, phone and message of the requester.
				new Kind("decided registration requests",
						"DELETE FROM registration_request WHERE status <> 'OPEN' AND COALESCE(decided_at, submitted_at) < ?",
						retention.registrationRequests(), false),
				// Used links are deleted when used; these are the ones nobody followed, counted from their expiry.
				new Kind("expired link tokens", "DELETE FROM link_token WHERE expires_at < ?", retention.linkTokens(), false),
				new Kind("rate-limit hits", "DELETE FROM rate_limit_hit WHERE hit_at < ?", retention.rateLimits(), false),
				new Kind("failed logins", "DELETE FROM login_failure WHERE failed_at < ?", retention.failedLogins(), false),
				// One row per email or address a limit has counted (security/LimitLocks): made again on the next try.
				new Kind("limit locks", "DELETE FROM limit_lock WHERE used_at < ?", retention.rateLimits(), false),
				// Spring Session removes them every minute too; here for a node that was down.
				new Kind("expired sessions", "DELETE FROM SPRING_SESSION WHERE EXPIRY_TIME < ?", Duration.ZERO, true));
	}

	/** The process's timer: a Camunda cron expression, daily by default. */
	public String getCycle() {
		return this.cycle;
	}

	/** Removes what is past its retention; the number of rows removed per kind. */
	@Transactional
	public Map<String, Integer> removeExpired() {
		Instant now = this.clock.instant();
		Map<String, Integer> removed = new LinkedHashMap<>();
		for (Kind kind : this.kinds) {
			Instant cutOff = now.minus(kind.retention());
			Object parameter = kind.epochMillis() ? (Object) cutOff.toEpochMilli()
					: LocalDateTime.ofInstant(cutOff, ZoneOffset.UTC);
			removed.put(kind.name(), this.jdbc.update(kind.deleteOlderThanCutOff(), parameter));
		}
		log.info("Personal data retention removed {}", removed);
		return removed;
	}

}
