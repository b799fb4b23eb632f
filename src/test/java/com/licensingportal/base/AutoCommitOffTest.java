package com.licensingportal.base;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pool hands out connections with autocommit off and Hibernate does not switch it (application.yml): no
 * {@code SET autocommit} around every transaction. The two settings only work together: a pool that commits each
 * statement by itself, with Hibernate trusting it not to, would make every transaction of the portal and the engine
 * keep half of what it wrote when it fails.
 */
class AutoCommitOffTest extends PortalIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void connectionsLeaveThePoolWithAutocommitOff() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getAutoCommit()).isFalse();
		}
	}

	@Test
	void aTransactionThatFailsHalfWayLeavesNothingBehind() {
		String key = "autocommit-" + UUID.randomUUID();

		assertThatThrownBy(() -> new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
			this.jdbc.update("insert into rate_limit_hit (limit_name, limit_key, hit_at) values (?, ?, ?)", "autocommit",
					key, Timestamp.from(Instant.now()));
			throw new IllegalStateException("the rest of the work failed");
		})).hasMessage("the rest of the work failed");

		assertThat(hits(key)).isZero();
	}

	@Test
	void whatATransactionCommittedIsThereForTheNextConnection() {
		String key = "autocommit-" + UUID.randomUUID();

		new TransactionTemplate(this.transactions).executeWithoutResult(status -> this.jdbc.update(
				"insert into rate_limit_hit (limit_name, limit_key, hit_at) values (?, ?, ?)", "autocommit", key,
				Timestamp.from(Instant.now())));

		assertThat(hits(key)).isOne();
	}

	/** Read on a connection of its own, outside any transaction. */
	private Integer hits(String key) {
		return this.jdbc.queryForObject("select count(*) from rate_limit_hit where limit_key = ?", Integer.class, key);
	}

}
