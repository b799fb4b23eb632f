package com.licensingportal.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.licensingportal.base.ReadableCode;

/**
 * The cluster test's own MariaDB database, beside the suite's: made afresh for every run, filled with the
 * accounts, users and licenses the test needs, and read to check what the two nodes did. Its name is the
 * suite's ({@code PORTAL_DB_URL}) with {@code _cluster} appended, or {@code portal.cluster.database}.
 */
final class ClusterDatabase {

	private static final Pattern URL = Pattern.compile("jdbc:mysql://([^:/?]+)(?::(\\d+))?/([^?]*)(\\?.*)?");

	private final String host;

	private final int port;

	private final String name;

	private final String parameters;

	private final String user;

	private final String password;

	private ClusterDatabase(String host, int port, String name, String parameters, String user, String password) {
		this.host = host;
		this.port = port;
		this.name = name;
		this.parameters = parameters;
		this.user = user;
		this.password = password;
	}

	/** From the environment the {@code -Pmysql} suite runs with. */
	static ClusterDatabase fromEnvironment() {
		String url = env("PORTAL_DB_URL", "jdbc:mysql://127.0.0.1:3306/licensing_portal?sendFractionalSeconds=false"
				+ "&rewriteBatchedStatements=true&useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=UTF-8");
		Matcher matcher = URL.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("PORTAL_DB_URL is not a MySQL/MariaDB JDBC URL: " + url);
		}
		String name = System.getProperty("portal.cluster.database", matcher.group(3) + "_cluster");
		if (!name.matches("[A-Za-z0-9_]+") || !name.contains("cluster")) {
			// The test drops this database: never one that is not obviously the cluster test's own.
			throw new IllegalArgumentException("The cluster test's database must be named *cluster*, not " + name);
		}
		return new ClusterDatabase(matcher.group(1), matcher.group(2) == null ? 3306 : Integer.parseInt(matcher.group(2)),
				name, matcher.group(4) == null ? "" : matcher.group(4), env("PORTAL_DB_USER", "portal"),
				env("PORTAL_DB_PASSWORD", "portal"));
	}

	private static String env(String name, String otherwise) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? otherwise : value;
	}

	String host() {
		return this.host;
	}

	int port() {
		return this.port;
	}

	String name() {
		return this.name;
	}

	String user() {
		return this.user;
	}

	String password() {
		return this.password;
	}

	/** The JDBC URL the nodes use, through {@code address} ({@code host:port}): MariaDB itself or a proxy. */
	String urlThrough(String address) {
		return "jdbc:mysql://" + address + "/" + this.name + this.parameters;
	}

	/** Drops and creates the database: the nodes' Flyway and Camunda make their schema in it. */
	void recreate() throws SQLException {
		try (Connection server = DriverManager.getConnection("jdbc:mysql://" + this.host + ":" + this.port + "/"
				+ this.parameters, this.user, this.password); Statement statement = server.createStatement()) {
			statement.execute("drop database if exists " + this.name);
			statement.execute("create database " + this.name + " character set utf8mb4 collate utf8mb4_unicode_ci");
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(urlThrough(this.host + ":" + this.port), this.user, this.password);
	}

	/** Whether MariaDB answers a query right now. */
	boolean answers() {
		DriverManager.setLoginTimeout(2);
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			return statement.executeQuery("select 1").next();
		}
		catch (SQLException notYet) {
			return false;
		}
	}

	/** The rows of a query as maps, column labels in lower case. */
	List<Map<String, Object>> rows(String sql, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (ResultSet result = statement.executeQuery()) {
				int columns = result.getMetaData().getColumnCount();
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int column = 1; column <= columns; column++) {
						row.put(result.getMetaData().getColumnLabel(column).toLowerCase(), result.getObject(column));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Query failed: " + sql, ex);
		}
	}

	long count(String sql, Object... parameters) {
		Object value = rows(sql, parameters).get(0).values().iterator().next();
		return value == null ? 0 : ((Number) value).longValue();
	}

	/**
	 * One consistent read of the channel invariant, per product of the test: total channels, available, reserved,
	 * on devices, the lowest available count of a line item, and how many line items do not add up (total =
	 * available + reserved + activated).
	 */
	Map<String, Channels> channels() {
		Map<String, Channels> products = new LinkedHashMap<>();
		for (Map<String, Object> row : rows("""
				select p.part_number,
				 sum(li.total_quantity) as total, sum(li.available_quantity) as available,
				 sum(li.reserved_quantity) as reserved, min(li.available_quantity) as lowest_available,
				 sum(coalesce(d.activated, 0)) as on_devices,
				 sum(case when li.total_quantity = li.available_quantity + li.reserved_quantity + coalesce(d.activated, 0)
				  then 0 else 1 end) as not_adding_up,
				 count(*) as line_items
				 from product p
				 join line_item li on li.product_id = p.id
				 left join (select line_item_id, sum(quantity) as activated from device_license group by line_item_id) d
				  on d.line_item_id = li.id
				 where p.part_number like 'CLU-%'
				 group by p.part_number order by p.part_number""")) {
			products.put((String) row.get("part_number"),
					new Channels(number(row, "total"), number(row, "available"), number(row, "reserved"),
							number(row, "on_devices"), number(row, "lowest_available"), number(row, "not_adding_up"),
							number(row, "line_items")));
		}
		return products;
	}

	/** One product's channels at one moment. */
	record Channels(long total, long available, long reserved, long onDevices, long lowestAvailable, long notAddingUp,
			long lineItems) {

		/** What exists: on line items (available or reserved) plus on devices; equals total when everything adds up. */
		long existing() {
			return this.available + this.reserved + this.onDevices;
		}

	}

	private static long number(Map<String, Object> row, String column) {
		Object value = row.get(column);
		return value == null ? 0 : ((Number) value).longValue();
	}

	/** What {@link #seed()} made. */
	record Seeded(String partnerNumber, List<String> customerNumbers, List<String> bulk, Map<String, String> addTo,
			Map<String, String> productOf, String expiringActivationId) {
	}

	static final String PASSWORD = "Cluster-Portal-2026";

	static final String PARTNER_ADMIN = "partner.admin@cluster.example";

	static final String PARTNER_USER = "partner.user@cluster.example";

	static final String SESSION_USER = "session.user@cluster.example";

	static final int CUSTOMERS = 4;

	static final int BULK_PER_PRODUCT = 4;

	static final int BULK_CHANNELS = 250;

	static String customerName(int customer) {
		return "Cluster Customer " + customer;
	}

	static String customerAdmin(int customer) {
		return "admin@customer" + customer + ".cluster.example";
	}

	static final String SECOND_CUSTOMER_ADMIN = "second.admin@customer1.cluster.example";

	/**
	 * The test's accounts, users and licenses, written as the portal writes them (each line item with its CREATED
	 * event, a device with its ACTIVATED one): a partner with {@value #CUSTOMERS} related customers; its
	 * administrator and a Partner User who request the transfers; an administrator per customer (two for customer 1)
	 * who hear of them; per product {@value #BULK_PER_PRODUCT} partner line items of {@value #BULK_CHANNELS} channels,
	 * and one line item of 10 channels per customer to add to; a license of customer 1 that expires in 20 days (the
	 * expiry digest); 3 channels of customer 2 on a device.
	 */
	Seeded seed(String passwordHash) throws SQLException {
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			Instant now = Instant.now();
			long standard = insert(connection, "insert into product (part_number, name, product_type) values (?, ?, ?)",
					"CLU-STD-CH", "Cluster Standard camera channel", "ACC Standard");
			long enterprise = insert(connection, "insert into product (part_number, name, product_type) values (?, ?, ?)",
					"CLU-ENT-CH", "Cluster Enterprise camera channel", "ACC Enterprise");
			Map<Long, String> partNumbers = Map.of(standard, "CLU-STD-CH", enterprise, "CLU-ENT-CH");
			String partnerNumber = "A-" + ReadableCode.random(2);
			long partner = account(connection, partnerNumber, "Cluster Partner", "PARTNER", now);
			List<String> customerNumbers = new ArrayList<>();
			List<Long> customers = new ArrayList<>();
			for (int customer = 1; customer <= CUSTOMERS; customer++) {
				String number = "A-" + ReadableCode.random(2);
				long id = account(connection, number, customerName(customer), "CUSTOMER", now);
				insert(connection, "insert into account_relation (partner_id, customer_id) values (?, ?)", partner, id);
				customerNumbers.add(number);
				customers.add(id);
			}
			user(connection, PARTNER_ADMIN, "Paula", partner, "PARTNER", "PARTNER_ADMINISTRATOR", passwordHash, now);
			user(connection, PARTNER_USER, "Peter", partner, "PARTNER", "PARTNER_USER", passwordHash, now);
			for (int customer = 1; customer <= CUSTOMERS; customer++) {
				user(connection, customerAdmin(customer), "Carla", customers.get(customer - 1), "CUSTOMER",
						"CUSTOMER_ADMINISTRATOR", passwordHash, now);
			}
			user(connection, SECOND_CUSTOMER_ADMIN, "Cody", customers.get(0), "CUSTOMER", "CUSTOMER_ADMINISTRATOR",
					passwordHash, now);
			user(connection, SESSION_USER, "Sam", customers.get(CUSTOMERS - 1), "CUSTOMER", "CUSTOMER_USER", passwordHash,
					now);

			List<String> bulk = new ArrayList<>();
			Map<String, String> productOf = new LinkedHashMap<>();
			Map<String, String> addTo = new LinkedHashMap<>();
			for (long product : List.of(standard, enterprise)) {
				for (int i = 0; i < BULK_PER_PRODUCT; i++) {
					String activationId = lineItem(connection, partner, product, BULK_CHANNELS, null, now);
					bulk.add(activationId);
					productOf.put(activationId, partNumbers.get(product));
				}
				for (int customer = 1; customer <= CUSTOMERS; customer++) {
					String activationId = lineItem(connection, customers.get(customer - 1), product, 10, null, now);
					addTo.put(customerNumbers.get(customer - 1) + "/" + partNumbers.get(product), activationId);
					productOf.put(activationId, partNumbers.get(product));
				}
			}
			String expiring = lineItem(connection, customers.get(0), standard, 5, LocalDate.now().plusDays(20), now);
			String onDevice = addTo.get(customerNumbers.get(1) + "/CLU-ENT-CH");
			activate(connection, onDevice, customers.get(1), 3, now);
			connection.commit();
			return new Seeded(partnerNumber, customerNumbers, bulk, addTo, productOf, expiring);
		}
	}

	private static long account(Connection connection, String number, String name, String type, Instant now)
			throws SQLException {
		return insert(connection, "insert into account (account_number, name, account_type, status, created_at)"
				+ " values (?, ?, ?, 'ACTIVE', ?)", number, name, type, Timestamp.from(now));
	}

	private static void user(Connection connection, String email, String firstName, long account, String accountType,
			String userType, String passwordHash, Instant now) throws SQLException {
		long user = insert(connection, "insert into portal_user (email, first_name, last_name, status, password_hash,"
				+ " created_at) values (?, ?, 'Cluster', 'ACTIVE', ?, ?)", email, firstName, passwordHash, Timestamp.from(now));
		insert(connection, "insert into account_membership (user_id, account_id, account_type, user_type) values (?, ?, ?, ?)",
				user, account, accountType, userType);
	}

	private static String lineItem(Connection connection, long owner, long product, int channels, LocalDate expiresOn,
			Instant now) throws SQLException {
		long number = insert(connection, "insert into entitlement_sequence (issued_at) values (?)", Timestamp.from(now));
		long entitlement = insert(connection, "insert into entitlement (entitlement_number, sold_to_account_id, created_at)"
				+ " values (?, ?, ?)", String.format("E-20200101-%04d", number), owner, Timestamp.from(now));
		String activationId = ReadableCode.random(4);
		long lineItem = insert(connection, "insert into line_item (activation_id, entitlement_id, owner_account_id,"
				+ " sold_to_account_id, product_id, product_version, total_quantity, available_quantity, reserved_quantity,"
				+ " expires_on, created_at, lock_version, entitlement_number, sold_to_name, part_number, expiry_sort)"
				+ " values (?, ?, ?, ?, ?, '7.14', ?, ?, 0, ?, ?, 0, ?, (select name from account where id = ?),"
				+ " (select part_number from product where id = ?), ?)", activationId, entitlement, owner, owner, product,
				channels, channels, expiresOn, Timestamp.from(now), String.format("E-20200101-%04d", number), owner, product,
				expiresOn == null ? LocalDate.of(9999, 12, 31) : expiresOn);
		insert(connection, "insert into license_event (line_item_id, event_type, quantity, actor, occurred_at, reference)"
				+ " values (?, 'CREATED', ?, 'cluster-test', ?, ?)", lineItem, channels, Timestamp.from(now),
				String.format("E-20200101-%04d", number));
		return activationId;
	}

	private static void activate(Connection connection, String activationId, long account, int channels, Instant now)
			throws SQLException {
		long lineItem;
		try (PreparedStatement find = connection.prepareStatement("select id from line_item where activation_id = ?")) {
			find.setString(1, activationId);
			try (ResultSet result = find.executeQuery()) {
				result.next();
				lineItem = result.getLong(1);
			}
		}
		long device = insert(connection, "insert into device (device_number, name, host_id, account_id, activated_at)"
				+ " values (?, 'CLUSTER-NVR-01', ?, ?, ?)", "D-" + ReadableCode.random(2),
				"CLUSTER-HOST-" + ReadableCode.random(2), account, Timestamp.from(now));
		insert(connection, "insert into device_license (device_id, line_item_id, quantity, activated_at, activated_by)"
				+ " values (?, ?, ?, ?, 'cluster-test')", device, lineItem, channels, Timestamp.from(now));
		try (PreparedStatement update = connection
			.prepareStatement("update line_item set available_quantity = available_quantity - ? where id = ?")) {
			update.setInt(1, channels);
			update.setLong(2, lineItem);
			update.executeUpdate();
		}
		insert(connection, "insert into license_event (line_item_id, event_type, quantity, actor, occurred_at, device_id)"
				+ " values (?, 'ACTIVATED', ?, 'cluster-test', ?, ?)", lineItem, channels, Timestamp.from(now), device);
	}

	private static long insert(Connection connection, String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.executeUpdate();
			try (ResultSet keys = statement.getGeneratedKeys()) {
				return keys.next() ? keys.getLong(1) : 0;
			}
		}
	}

}
