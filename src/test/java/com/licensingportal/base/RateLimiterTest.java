package com.licensingportal.base;

import java.time.Duration;
import java.util.UUID;

import com.licensingportal.passwordreset.PasswordResetProperties;
import com.licensingportal.registration.RegistrationProperties;
import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The one rate limiter of the public forms, on the real database: what it counts and what it refuses. */
class RateLimiterTest extends PortalIntegrationTest {

	@Autowired
	RateLimiter limiter;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RegistrationProperties registration;

	@Autowired
	PasswordResetProperties passwordReset;

	private final String name = "test-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anEmailOverItsLimitIsRefusedWithTheTimeToWaitAndTheRefusalIsNotCounted() {
		RateLimit limit = new RateLimit(this.name, 100, 2, Duration.ofMinutes(30));
		String email = "Limit-" + UUID.randomUUID() + "@Example.com";
		this.limiter.attempt(limit, ClientAddresses.unique(), email);
		this.limiter.attempt(limit, ClientAddresses.unique(), email.toLowerCase());

		RateLimitedException refused = catchThrowableOfType(RateLimitedException.class,
				() -> this.limiter.attempt(limit, ClientAddresses.unique(), email));

		assertThat(refused.getMessage()).isEqualTo("There were too many requests for this email address. Try again in 30 minutes.");
		assertThat(refused.retryAfter()).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
		assertThat(hits("email:" + email.toLowerCase())).isEqualTo(2);
	}

	@Test
	void anAddressOverItsLimitIsRefusedForEveryEmailButOtherAddressesAreNot() {
		RateLimit limit = new RateLimit(this.name, 2, 100, Duration.ofHours(1));
		String address = ClientAddresses.unique();
		this.limiter.attempt(limit, address, "a-" + this.name + "@example.com");
		this.limiter.attempt(limit, address, "b-" + this.name + "@example.com");

		assertThatThrownBy(() -> this.limiter.attempt(limit, address, "c-" + this.name + "@example.com"))
			.isInstanceOf(RateLimitedException.class)
			.hasMessage("There were too many requests from your network. Try again in 60 minutes.");
		this.limiter.attempt(limit, ClientAddresses.unique(), "c-" + this.name + "@example.com");
		assertThat(hits("email:c-" + this.name + "@example.com")).isEqualTo(1);
	}

	@Test
	void limitsOfDifferentNamesDoNotMix() {
		String address = ClientAddresses.unique();
		String email = this.name + "@example.com";
		RateLimit one = new RateLimit(this.name, 1, 1, Duration.ofHours(1));
		RateLimit other = new RateLimit(this.name + "-other", 1, 1, Duration.ofHours(1));
		this.limiter.attempt(one, address, email);

		this.limiter.attempt(other, address, email);

		assertThatThrownBy(() -> this.limiter.attempt(one, address, email)).isInstanceOf(RateLimitedException.class);
	}

	@Test
	void eachFormHasItsLimitFromConfiguration() {
		assertThat(this.registration.rateLimit().named("registration"))
			.isEqualTo(new RateLimit("registration", 10, 3, Duration.ofHours(1)));
		assertThat(this.passwordReset.rateLimit().named("password-reset"))
			.isEqualTo(new RateLimit("password-reset", 10, 3, Duration.ofHours(1)));
	}

	@Test
	void aLimitNeedsANameAndPositiveValues() {
		assertThatThrownBy(() -> new RateLimit("", 1, 1, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RateLimit("x", 0, 1, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RateLimit("x", 1, 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
	}

	private long hits(String key) {
		return this.jdbc.queryForObject("select count(*) from rate_limit_hit where limit_name = ? and limit_key = ?",
				Long.class, this.name, key);
	}

}
