package com.licensingportal.hostile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * What a refused request must not change: every portal table's rows (a SHA-256 per table over all columns of
 * all rows, ordered by primary key, with the row count) and the number of rows in each of Camunda's runtime
 * tables (a process started, a job, a task, a variable, an event subscription) and of started process
 * instances in its history. Found through the JDBC metadata, so that a table added by a later migration is
 * covered without anyone remembering; works on H2 and MySQL/MariaDB alike.
 */
record DatabaseSnapshot(Map<String, String> portalTables, Map<String, Long> engineTables) {

	/**
	 * Bookkeeping that is meant to change on any request, refused or not, and why; nothing else is left out.
	 * A table name ending in {@code *} stands for every table it starts.
	 */
	static final Map<String, String> EXCLUDED = Map.of(
			"rate_limit_hit", "the public forms' rate limits count every attempt, refused or not",
			"login_failure", "a refused login counts towards the lockout of its email",
			"limit_lock", "every counted attempt first locks its key's row (and makes it, the first time)",
			"spring_session*", "sessions, when they are kept in the database: any request may create or touch one",
			"personal_access_token.last_used_at", "an API call records its token's last use, refused or not",
			"flyway_schema_history", "not the portal's data: the migrations applied",
			"act_ru_meter_log", "Camunda's metrics, written by a timer thread of the engine's own");

	/** Camunda's history is counted only where it tells of a process started (and maybe already ended). */
	private static final Set<String> ENGINE_HISTORY = Set.of("act_hi_procinst");

	static DatabaseSnapshot take(DataSource dataSource) {
		Map<String, String> portal = new TreeMap<>();
		Map<String, Long> engine = new TreeMap<>();
		try (Connection connection = dataSource.getConnection()) {
			DatabaseMetaData metadata = connection.getMetaData();
			for (String table : tables(connection)) {
				String name = table.toLowerCase(Locale.ROOT);
				if (excluded(name)) {
					continue;
				}
				if (name.startsWith("act_")) {
					if (name.startsWith("act_ru_") || ENGINE_HISTORY.contains(name)) {
						engine.put(name, count(connection, table));
					}
					continue;
				}
				portal.put(name, hash(connection, table, primaryKey(metadata, connection, table)));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not take the database snapshot", ex);
		}
		return new DatabaseSnapshot(portal, engine);
	}

	/** The tables whose snapshot differs from {@code other}'s, with both sides; empty when nothing changed. */
	List<String> differencesFrom(DatabaseSnapshot other) {
		List<String> differences = new ArrayList<>();
		Set<String> tables = new TreeSet<>(this.portalTables.keySet());
		tables.addAll(other.portalTables.keySet());
		for (String table : tables) {
			if (!String.valueOf(this.portalTables.get(table)).equals(String.valueOf(other.portalTables.get(table)))) {
				differences.add(table + ": " + other.portalTables.get(table) + " -> " + this.portalTables.get(table));
			}
		}
		Set<String> engineTables = new TreeSet<>(this.engineTables.keySet());
		engineTables.addAll(other.engineTables.keySet());
		for (String table : engineTables) {
			if (!String.valueOf(this.engineTables.get(table)).equals(String.valueOf(other.engineTables.get(table)))) {
				differences.add(table + ": " + other.engineTables.get(table) + " rows -> " + this.engineTables.get(table));
			}
		}
		return differences;
	}

	private static boolean excluded(String name) {
		return EXCLUDED.keySet()
			.stream()
			.anyMatch(key -> key.endsWith("*") ? name.startsWith(key.substring(0, key.length() - 1)) : key.equals(name));
	}

	private static boolean excludedColumn(String table, String column) {
		return EXCLUDED.containsKey(table + "." + column);
	}

	/** The base tables of the connection's own schema (H2: PUBLIC; MySQL: its database). */
	private static List<String> tables(Connection connection) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet found = connection.getMetaData()
			.getTables(connection.getCatalog(), connection.getSchema(), "%", null)) {
			while (found.next()) {
				String type = found.getString("TABLE_TYPE");
				if ("TABLE".equalsIgnoreCase(type) || "BASE TABLE".equalsIgnoreCase(type)) {
					tables.add(found.getString("TABLE_NAME"));
				}
			}
		}
		return tables;
	}

	private static List<String> primaryKey(DatabaseMetaData metadata, Connection connection, String table)
			throws SQLException {
		Map<Short, String> columns = new TreeMap<>();
		try (ResultSet key = metadata.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), table)) {
			while (key.next()) {
				columns.put(key.getShort("KEY_SEQ"), key.getString("COLUMN_NAME"));
			}
		}
		return List.copyOf(columns.values());
	}

	private static long count(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/** "rows=N sha256=..." over every column but the excluded ones, row by row in primary key order. */
	private static String hash(Connection connection, String table, List<String> primaryKey) throws SQLException {
		MessageDigest digest = sha256();
		String name = table.toLowerCase(Locale.ROOT);
		long rows = 0;
		String order = primaryKey.isEmpty() ? "" : " order by " + String.join(", ", primaryKey);
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select * from " + table + order)) {
			ResultSetMetaData columns = result.getMetaData();
			while (result.next()) {
				rows++;
				for (int i = 1; i <= columns.getColumnCount(); i++) {
					String column = columns.getColumnLabel(i).toLowerCase(Locale.ROOT);
					if (excludedColumn(name, column)) {
						continue;
					}
					String value = result.getString(i);
					digest.update((column + "=" + (value == null ? "\u2400" : value) + "\u001F").getBytes(StandardCharsets.UTF_8));
				}
				digest.update((byte) '\n');
			}
		}
		return "rows=" + rows + " sha256=" + HexFormat.of().formatHex(digest.digest()).substring(0, 16);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
