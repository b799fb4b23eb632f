package com.licensingportal.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A test's own write of a fixture row, committed: the pool's connections have autocommit off, so a write outside
 * a transaction would be rolled back when its connection goes back to the pool (application.yml).
 */
public final class Committed {

	private Committed() {
	}

	public static int update(JdbcTemplate jdbc, String sql, Object... args) {
		return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
			.execute(status -> jdbc.update(sql, args));
	}

}
