package com.licensingportal.support;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Client addresses for tests of the rate limits per address, which are kept in the database (on MySQL also
 * across runs): a test counts only its own requests.
 */
public final class ClientAddresses {

	private ClientAddresses() {
	}

	/** An address of the test's own, for MockMvc requests ({@code request.setRemoteAddr(...)}). */
	public static String unique() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

	/**
	 * Tests over real HTTP all come from the loopback address: they start with its counts forgotten, so that
	 * they depend neither on each other nor on an earlier run.
	 */
	public static void forgetLoopbackCounts(JdbcTemplate jdbc) {
		Committed.update(jdbc, "delete from rate_limit_hit where limit_key in (?, ?, ?)", "address:127.0.0.1",
				"address:0:0:0:0:0:0:0:1", "address:::1");
	}

}
