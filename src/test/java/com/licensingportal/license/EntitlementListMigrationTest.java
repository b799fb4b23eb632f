package com.licensingportal.license;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V26 copies the names List Entitlements sorts on onto the line items that exist already: an upgraded
 * portal lists them as before, by their own names, with permanent licenses after every date.
 */
class EntitlementListMigrationTest {

	@Test
	void theMigrationFillsTheCopiesOfExistingLineItems() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:v26-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		Flyway.configure().dataSource(dataSource).target("25").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("insert into account (id, account_number, name, account_type, status, created_at)"
				+ " values (901, 'A-MIG1', 'Harbor Schools 0901', 'CUSTOMER', 'ACTIVE', current_timestamp)");
		jdbc.update("insert into product (id, part_number, name, product_type) values (901, 'MIG-ENT-CH', 'Migrated', 'ACC')");
		jdbc.update("insert into entitlement (id, entitlement_number, sold_to_account_id, created_at)"
				+ " values (901, 'E-20240101-000901', 901, current_timestamp)");
		for (Object[] item : new Object[][] { { 901, "MIG1-AAAA", LocalDate.of(2027, 3, 1) }, { 902, "MIG1-BBBB", null } }) {
			jdbc.update("insert into line_item (id, activation_id, entitlement_id, owner_account_id, sold_to_account_id,"
					+ " product_id, product_version, total_quantity, available_quantity, reserved_quantity, expires_on,"
					+ " created_at, lock_version) values (?, ?, 901, 901, 901, 901, '7.12', 5, 5, 0, ?, current_timestamp, 0)",
					item);
		}

		Flyway.configure().dataSource(dataSource).target("26").load().migrate();

		Map<String, Object> dated = jdbc.queryForMap("select * from line_item where id = 901");
		assertThat(dated).containsEntry("ENTITLEMENT_NUMBER", "E-20240101-000901")
			.containsEntry("SOLD_TO_NAME", "Harbor Schools 0901")
			.containsEntry("PART_NUMBER", "MIG-ENT-CH");
		assertThat(jdbc.queryForObject("select expiry_sort from line_item where id = 901", LocalDate.class))
			.isEqualTo(LocalDate.of(2027, 3, 1));
		assertThat(jdbc.queryForObject("select expiry_sort from line_item where id = 902", LocalDate.class))
			.isEqualTo(LineItem.PERMANENT_SORT);
	}

}
