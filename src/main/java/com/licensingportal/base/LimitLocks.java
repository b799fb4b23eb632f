package com.licensingportal.base;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes count-then-check atomic across requests and nodes: the caller locks the key's row in {@code limit_lock}
 * (table of V16) inside its transaction, then counts and records; a parallel try for the same key waits at the
 * lock until the first commits, and then counts what the first recorded.
 */
@Component
public class LimitLocks {

	private final JdbcTemplate jdbc;

	/**
	 * MySQL and MariaDB make or update the row in one statement, which locks it either way: an update, then an
	 * insert when there was none, deadlocks there (parallel inserts that find the key taken share a lock on it,
	 * and each then waits for the others to let go of it).
	 */
	private final boolean mySql;

	LimitLocks(JdbcTemplate jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.mySql = isMySql(dataSource);
	}

	/** Locks the key's row until the surrounding transaction ends, making the row if it is the key's first try. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(String limitName, String key, Instant now) {
		String limitKey = key.length() > 330 ? key.substring(0, 330) : key;
		if (this.mySql) {
			this.jdbc.update("insert into limit_lock (limit_name, limit_key, used_at) values (?, ?, ?)"
					+ " on duplicate key update used_at = values(used_at)", limitName, limitKey, Timestamp.from(now));
			return;
		}
		if (touch(limitName, limitKey, now) > 0) {
			return;
		}
		try {
			this.jdbc.update("insert into limit_lock (limit_name, limit_key, used_at) values (?, ?, ?)", limitName,
					limitKey, Timestamp.from(now));
		}
		catch (DuplicateKeyException madeMeanwhile) {
			// Another request made the row first and has committed: lock it now.
			touch(limitName, limitKey, now);
		}
	}

	private int touch(String limitName, String limitKey, Instant now) {
		return this.jdbc.update("update limit_lock set used_at = ? where limit_name = ? and limit_key = ?",
				Timestamp.from(now), limitName, limitKey);
	}

	private static boolean isMySql(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
				.toLowerCase(Locale.ROOT);
			return product.contains("mysql") || product.contains("mariadb");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the portal uses", ex);
		}
	}

}
