package com.licensingportal.license;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Entitlement IDs such as {@code E-20261127-0001}: the day the order entered the system and a running
 * number drawn from the database, so that concurrent orders on several nodes never share one.
 */
@Component
public class EntitlementIdGenerator {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	EntitlementIdGenerator(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public String next() {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update(connection -> {
			PreparedStatement insert = connection.prepareStatement(
					"insert into entitlement_sequence (issued_at) values (?)", Statement.RETURN_GENERATED_KEYS);
			insert.setTimestamp(1, Timestamp.from(this.clock.instant()));
			return insert;
		}, key);
		long number = key.getKey().longValue();
		return "E-" + LocalDate.now(this.clock).format(DAY) + "-" + String.format("%04d", number);
	}

}
