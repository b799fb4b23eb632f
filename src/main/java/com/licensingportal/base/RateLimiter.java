package com.licensingportal.base;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.text.Text;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts attempts at the public forms per client address and per email in a sliding window, in the database
 * so that every node counts the same, each key under its lock ({@link LimitLocks}) so that parallel attempts
 * are counted one after the other. An attempt over either limit is refused and not counted, so that a
 * refused script does not push its own wait further out. Each form's limit is configured as
 * {@code portal.<form>.rate-limit.per-client-address}, {@code .per-email} and {@code .window} ({@link FormRateLimit}).
 */
@Service
public class RateLimiter {

	/** Attempts older than this are of no limit's interest any more. */
	private static final Duration KEPT = Duration.ofDays(1);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final LimitLocks locks;

	RateLimiter(JdbcTemplate jdbc, LimitLocks locks, Clock clock) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.clock = clock;
	}

	/**
	 * Counts one attempt from the client address for the email.
	 * @throws RateLimitedException when the address or the email has used up its attempts; nothing is counted
	 */
	@Transactional
	public void attempt(RateLimit limit, String clientAddress, String email) {
		attempt(limit, "address:" + (clientAddress == null ? "unknown" : clientAddress),
				"users.rate.network", email);
	}

	/**
	 * Counts one attempt by a signed-in user for the email, e.g. an administrator's Create user: the limit's
	 * {@code perClientAddress} counts per user here.
	 * @throws RateLimitedException when the user or the email has used up its attempts; nothing is counted
	 */
	@Transactional
	public void attemptByUser(RateLimit limit, Long userId, String email) {
		attempt(limit, "user:" + userId, "users.rate.user", email);
	}

	private void attempt(RateLimit limit, String addressKey, String addressRefusal, String email) {
		// addressRefusal: the bundle's code of the sentence for a used-up address (or user).
		Instant now = this.clock.instant();
		String emailKey = "email:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
		// Counted one after the other, until the caller's transaction ends: parallel attempts for the same address or
		// email cannot all pass the count before any is recorded. Always the address first, so two never wait for each other.
		this.locks.lock("rate:" + limit.name(), abbreviated(addressKey), now);
		this.locks.lock("rate:" + limit.name(), abbreviated(emailKey), now);
		Instant addressFree = freeAt(limit, addressKey, limit.perClientAddress(), now);
		if (addressFree != null) {
			throw new RateLimitedException(Text.of(addressRefusal, minutes(now, addressFree)),
					Duration.between(now, addressFree));
		}
		Instant emailFree = freeAt(limit, emailKey, limit.perEmail(), now);
		if (emailFree != null) {
			throw new RateLimitedException(Text.of("users.rate.email", minutes(now, emailFree)),
					Duration.between(now, emailFree));
		}
		this.jdbc.update("delete from rate_limit_hit where limit_name = ? and hit_at < ?", limit.name(),
				Timestamp.from(now.minus(KEPT)));
		for (String key : List.of(addressKey, emailKey)) {
			this.jdbc.update("insert into rate_limit_hit (limit_name, limit_key, hit_at) values (?, ?, ?)", limit.name(),
					abbreviated(key), Timestamp.from(now));
		}
	}

	/** When the key may try again, or null when it may now. */
	private Instant freeAt(RateLimit limit, String key, int max, Instant now) {
		List<Timestamp> recent = this.jdbc.queryForList(
				"select hit_at from rate_limit_hit where limit_name = ? and limit_key = ? and hit_at > ?"
						+ " order by hit_at desc",
				Timestamp.class, limit.name(), abbreviated(key), Timestamp.from(now.minus(limit.window())));
		if (recent.size() < max) {
			return null;
		}
		// The attempt that frees a place is the max-th newest one leaving the window.
		return recent.get(max - 1).toInstant().plus(limit.window());
	}

	private static Text minutes(Instant now, Instant then) {
		long minutes = Math.max(1, (Duration.between(now, then).toSeconds() + 59) / 60);
		return Text.of("users.rate.minutes", minutes);
	}

	private static String abbreviated(String key) {
		return key.length() > 300 ? key.substring(0, 300) : key;
	}

}
