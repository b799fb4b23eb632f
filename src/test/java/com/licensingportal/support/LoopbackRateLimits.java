package com.licensingportal.support;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tests over real HTTP all come from the loopback address, and the rate limits per client address are kept
 * in the database (on MySQL also across runs): such tests start with the loopback's counts forgotten, so
 * that they depend neither on each other nor on an earlier run.
 */
public final class LoopbackRateLimits {

	private LoopbackRateLimits() {
	}

	public static void forget(JdbcTemplate jdbc) {
		jdbc.update("delete from rate_limit_hit where limit_key in (?, ?, ?)", "address:127.0.0.1",
				"address:0:0:0:0:0:0:0:1", "address:::1");
	}

}
