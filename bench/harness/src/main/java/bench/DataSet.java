package bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The benchmark data set, written straight into the portal's schema (after Flyway made it) with batched
 * multi-row INSERTs. Seeded, so every run gets the same rows:
 * <ul>
 * <li>10,000 accounts: partner 1 "Bench Partner" with 100 related customers, partner 2 "Bench Distributor"
 * related to every customer, and 9,998 customers; each with the customer number {@link #customerNumber};</li>
 * <li>20 permanent products ACC6-ENT-CH … ACC9-ACS-CH in the catalogue (three of them are the portal's own
 * catalogue rows of V11);</li>
 * <li>100 line items per account (1,000,000), 10 per entitlement, each with its CREATED event, exactly as
 * SalesOrderService.enter writes them (available = total, nothing reserved, lock version 0);</li>
 * <li>users: {@link #PARTNER_USER} (Partner Administrator of partner 1: sees 101 accounts, 10,100 line items),
 * {@link #EXPORT_USER} (Partner Administrator of both partners: sees all 10,000 accounts), and a Customer
 * Administrator in each of partner 1's 100 customers.</li>
 * </ul>
 */
final class DataSet {

	static final String PASSWORD = "Bench-Portal-2026";

	static final String PARTNER_USER = "bench.partner@bench.example";

	static final String EXPORT_USER = "bench.export@bench.example";

	static final long PARTNER_ID = 1;

	static final long DISTRIBUTOR_ID = 2;

	static final int RELATED_TO_PARTNER = 100;

	static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String[] TYPES = { "ENT", "STD", "COR", "ANA", "ACS" };

	private static final String[] TYPE_NAMES = { "ACC Enterprise", "ACC Standard", "ACC Core", "Video Analytics",
			"Access Control" };

	private static final String[] FIRST = { "Harbor", "Cedar", "Northwind", "Summit", "Riverside", "Granite", "Lakeside",
			"Pioneer", "Maple", "Coastal", "Silver", "Evergreen", "Redwood", "Bluewater", "Highland", "Prairie" };

	private static final String[] SECOND = { "Logistics", "Schools", "Hospital", "Retail", "Transit", "Energy", "Bank",
			"Hotels", "Stadium", "Airport", "Warehousing", "University", "Utilities", "Casino", "Port", "Clinic" };

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private static final int ROWS_PER_INSERT = 2000;

	private final int accounts;

	private final int lineItemsPerAccount;

	private final long seed;

	DataSet(int accounts, int lineItemsPerAccount, long seed) {
		this.accounts = accounts;
		this.lineItemsPerAccount = lineItemsPerAccount;
		this.seed = seed;
	}

	int lineItemsPerAccount() {
		return this.lineItemsPerAccount;
	}

	int lineItems() {
		return this.accounts * this.lineItemsPerAccount;
	}

	String describe() {
		return String.format(Locale.ROOT, "%,d accounts with customer numbers, %,d line items (%d per account),"
				+ " %,d CREATED events, %d users, seed %d", this.accounts, lineItems(), this.lineItemsPerAccount, lineItems(),
				2 + RELATED_TO_PARTNER, this.seed);
	}

	/** The accounts partner 1's users see: the partner and its related customers. */
	List<Long> partnerVisibleAccounts() {
		List<Long> ids = new ArrayList<>();
		ids.add(PARTNER_ID);
		for (long id = 3; id < 3 + RELATED_TO_PARTNER; id++) {
			ids.add(id);
		}
		return ids;
	}

	/** What partner 1's users see, as the portal decides it: 101 accounts, listed. */
	EntitlementQuery.Visibility partnerVisibility() {
		return new EntitlementQuery.Visibility(partnerVisibleAccounts(), List.of(PARTNER_ID), List.of(PARTNER_ID));
	}

	/** What the export user sees: every account, as linked partners 1 and 2 and their related customers. */
	EntitlementQuery.Visibility exportVisibility() {
		return new EntitlementQuery.Visibility(allAccounts(), List.of(PARTNER_ID, DISTRIBUTOR_ID),
				List.of(PARTNER_ID, DISTRIBUTOR_ID));
	}

	/** The accounts the export user sees: all of them. */
	List<Long> allAccounts() {
		List<Long> ids = new ArrayList<>();
		for (long id = 1; id <= this.accounts; id++) {
			ids.add(id);
		}
		return ids;
	}

	/** Writes the data set unless this very one is there already. */
	void ensure(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table if not exists bench_dataset (description varchar(200) not null)");
			try (ResultSet rs = statement.executeQuery("select description from bench_dataset")) {
				if (rs.next() && rs.getString(1).equals(describe())) {
					Log.info("Data set already there: %s", describe());
					return;
				}
			}
			try (ResultSet rs = statement.executeQuery("select count(*) from account")) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new IllegalStateException("The bench database holds other data; run bench/run.sh without --reuse-data");
				}
			}
			long started = System.nanoTime();
			connection.setAutoCommit(false);
			statement.execute("set foreign_key_checks = 0");
			statement.execute("set unique_checks = 0");
			write(connection, statement);
			statement.execute("insert into bench_dataset (description) values ('" + describe() + "')");
			connection.commit();
			statement.execute("set foreign_key_checks = 1");
			statement.execute("set unique_checks = 1");
			connection.setAutoCommit(true);
			for (String table : List.of("account", "account_relation", "portal_user", "account_membership", "product",
					"entitlement", "line_item", "license_event")) {
				statement.execute("analyze table " + table);
			}
			Log.info("Data set written in %.0f s: %s", (System.nanoTime() - started) / 1e9, describe());
		}
	}

	private void write(Connection connection, Statement statement) throws SQLException {
		Random random = new Random(this.seed);
		LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
		// Products: ACC{6..9}-{type}-CH, permanent catalogue rows (V11's columns: unit, term, status). The
		// portal's own catalogue (V11) already holds three of these part numbers: those rows are used as they are.
		List<Long> productIds = new ArrayList<>();
		Map<Long, String> partNumberOf = new HashMap<>();
		for (String partNumber : partNumbers()) {
			int t = productIndex(partNumber) % TYPES.length;
			String major = partNumber.substring(3, 4);
			Long existing = null;
			try (ResultSet rs = statement.executeQuery("select id from product where part_number = '" + partNumber + "'")) {
				if (rs.next()) {
					existing = rs.getLong(1);
				}
			}
			if (existing == null) {
				statement.executeUpdate("insert into product (part_number, name, product_type, unit, term_months, status)"
						+ " values ('" + partNumber + "', '" + TYPE_NAMES[t] + " " + major + " channel', '" + TYPE_NAMES[t]
						+ "', 'CHANNEL', null, 'ACTIVE')", Statement.RETURN_GENERATED_KEYS);
				try (ResultSet keys = statement.getGeneratedKeys()) {
					keys.next();
					existing = keys.getLong(1);
				}
			}
			productIds.add(existing);
			partNumberOf.put(existing, partNumber);
		}
		int productCount = productIds.size();
		// Accounts.
		Set<String> numbers = new HashSet<>();
		String[] names = new String[this.accounts + 1];
		Rows accountRows = new Rows(statement,
				"insert into account (id, account_number, name, account_type, status, created_at, customer_number) values ");
		for (long id = 1; id <= this.accounts; id++) {
			String number;
			do {
				number = "A-" + code(random, 2);
			}
			while (!numbers.add(number));
			String name = id == PARTNER_ID ? "Bench Partner" : id == DISTRIBUTOR_ID ? "Bench Distributor"
					: FIRST[random.nextInt(FIRST.length)] + " " + SECOND[random.nextInt(SECOND.length)] + " "
							+ String.format(Locale.ROOT, "%04d", id);
			names[(int) id] = name;
			String type = id <= DISTRIBUTOR_ID ? "PARTNER" : "CUSTOMER";
			accountRows.add(id + ", '" + number + "', '" + name + "', '" + type + "', 'ACTIVE', '"
					+ now.minusDays(1200).format(TIMESTAMP) + "', '" + customerNumber(id) + "'");
		}
		accountRows.flush();
		Rows relations = new Rows(statement, "insert into account_relation (partner_id, customer_id) values ");
		for (long id = 3; id <= this.accounts; id++) {
			if (id < 3 + RELATED_TO_PARTNER) {
				relations.add(PARTNER_ID + ", " + id);
			}
			relations.add(DISTRIBUTOR_ID + ", " + id);
		}
		relations.flush();
		// Users.
		String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);
		statement.execute("insert into portal_user (id, email, first_name, last_name, status, password_hash, created_at) values "
				+ "(1, '" + PARTNER_USER + "', 'Bench', 'Partner', 'ACTIVE', '" + hash + "', '" + now.format(TIMESTAMP) + "'), "
				+ "(2, '" + EXPORT_USER + "', 'Bench', 'Export', 'ACTIVE', '" + hash + "', '" + now.format(TIMESTAMP) + "')");
		statement.execute("insert into account_membership (user_id, account_id, account_type, user_type) values "
				+ "(1, " + PARTNER_ID + ", 'PARTNER', 'PARTNER_ADMINISTRATOR'), "
				+ "(2, " + PARTNER_ID + ", 'PARTNER', 'PARTNER_ADMINISTRATOR'), "
				+ "(2, " + DISTRIBUTOR_ID + ", 'PARTNER', 'PARTNER_ADMINISTRATOR')");
		// A Customer Administrator in each of Bench Partner's customers: a transfer to one tells them by email,
		// so the automatic path runs all its tasks (ExecuteTransfer and both emails).
		Rows customerAdmins = new Rows(statement,
				"insert into portal_user (id, email, first_name, last_name, status, password_hash, created_at) values ");
		Rows customerMemberships = new Rows(statement,
				"insert into account_membership (user_id, account_id, account_type, user_type) values ");
		for (long account = 3; account < 3 + RELATED_TO_PARTNER; account++) {
			customerAdmins.add(account + ", '" + customerAdministrator(account) + "', 'Customer', 'Admin " + account
					+ "', 'ACTIVE', '" + hash + "', '" + now.format(TIMESTAMP) + "'");
			customerMemberships.add(account + ", " + account + ", 'CUSTOMER', 'CUSTOMER_ADMINISTRATOR'");
		}
		customerAdmins.flush();
		customerMemberships.flush();
		connection.commit();
		// Entitlements, line items and their CREATED events, account by account.
		Rows entitlements = new Rows(statement,
				"insert into entitlement (id, entitlement_number, sold_to_account_id, created_at) values ");
		Rows items = new Rows(statement, "insert into line_item (id, activation_id, entitlement_id, owner_account_id,"
				+ " sold_to_account_id, product_id, product_version, total_quantity, available_quantity,"
				+ " reserved_quantity, expires_on, created_at, lock_version, entitlement_number, sold_to_name, part_number,"
				+ " expiry_sort) values ");
		Rows events = new Rows(statement, "insert into license_event (id, line_item_id, event_type, quantity, actor,"
				+ " occurred_at, reference) values ");
		Set<String> activationIds = new HashSet<>(lineItems() * 2);
		long itemId = 0;
		long entitlementId = 0;
		LocalDate firstExpiry = LocalDate.of(2024, 1, 1);
		for (long account = 1; account <= this.accounts; account++) {
			String entitlementNumber = null;
			String createdAt = null;
			for (int i = 0; i < this.lineItemsPerAccount; i++) {
				if (i % 10 == 0) {
					entitlementId++;
					LocalDateTime created = now.minusMinutes(1 + random.nextInt(3 * 365 * 24 * 60))
						.withNano(random.nextInt(1_000_000) * 1000);
					createdAt = created.format(TIMESTAMP);
					entitlementNumber = "E-" + created.toLocalDate().format(DAY) + "-"
							+ String.format(Locale.ROOT, "%06d", entitlementId);
					entitlements.add(entitlementId + ", '" + entitlementNumber + "', " + account + ", '" + createdAt + "'");
				}
				itemId++;
				String activationId;
				do {
					activationId = code(random, 4);
				}
				while (!activationIds.add(activationId));
				int roll = random.nextInt(100);
				int total = roll < 70 ? 1 + random.nextInt(64) : roll < 95 ? 65 + random.nextInt(192) : 500 + random.nextInt(1501);
				String expires = random.nextInt(100) < 30 ? "null"
						: "'" + firstExpiry.plusDays(random.nextInt(6 * 365)) + "'";
				long product = productIds.get(random.nextInt(productCount));
				String version = "7." + (10 + random.nextInt(7));
				items.add(itemId + ", '" + activationId + "', " + entitlementId + ", " + account + ", " + account + ", "
						+ product + ", '" + version + "', " + total + ", " + total + ", 0, " + expires + ", '" + createdAt
						+ "', 0, '" + entitlementNumber + "', '" + names[(int) account] + "', '" + partNumberOf.get(product)
						+ "', " + ("null".equals(expires) ? "'9999-12-31'" : expires));
				events.add(itemId + ", " + itemId + ", 'CREATED', " + total + ", 'sales-order@bench.example', '" + createdAt
						+ "', '" + entitlementNumber + "'");
			}
			if (account % 1000 == 0) {
				entitlements.flush();
				items.flush();
				events.flush();
				connection.commit();
				Log.info("  %,d of %,d line items written", itemId, lineItems());
			}
		}
		entitlements.flush();
		items.flush();
		events.flush();
		// The portal's own Entitlement IDs (today's date and a running number) start after ours.
		statement.execute("insert into entitlement_sequence (id, issued_at) values (" + entitlementId + ", '"
				+ now.format(TIMESTAMP) + "')");
		connection.commit();
	}

	/** The data set's 20 part numbers, ACC6-ENT-CH … ACC9-ACS-CH: new licenses, none a renewal part. */
	static List<String> partNumbers() {
		List<String> parts = new ArrayList<>();
		for (int major = 6; major <= 9; major++) {
			for (String type : TYPES) {
				parts.add("ACC" + major + "-" + type + "-CH");
			}
		}
		return parts;
	}

	private static int productIndex(String partNumber) {
		return partNumbers().indexOf(partNumber);
	}

	/** The order system's customer number of an account (every account has one, unique as V11 requires). */
	static String customerNumber(long accountId) {
		return String.format(Locale.ROOT, "C-%05d", accountId);
	}

	/** The Customer Administrator of one of Bench Partner's customers (accounts 3 to 102; user id = account id). */
	static String customerAdministrator(long accountId) {
		return "customer.admin." + accountId + "@bench.example";
	}

	static String code(Random random, int groups) {
		StringBuilder code = new StringBuilder(groups * 5);
		for (int group = 0; group < groups; group++) {
			if (group > 0) {
				code.append('-');
			}
			for (int i = 0; i < 4; i++) {
				code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
		}
		return code.toString();
	}

	/** Collects value tuples and sends them as multi-row INSERTs of {@link #ROWS_PER_INSERT} rows. */
	private static final class Rows {

		private final Statement statement;

		private final String prefix;

		private final StringBuilder sql = new StringBuilder();

		private int count;

		Rows(Statement statement, String prefix) {
			this.statement = statement;
			this.prefix = prefix;
		}

		void add(String tuple) throws SQLException {
			this.sql.append(this.count == 0 ? this.prefix : ", ").append('(').append(tuple).append(')');
			if (++this.count == ROWS_PER_INSERT) {
				flush();
			}
		}

		void flush() throws SQLException {
			if (this.count > 0) {
				this.statement.execute(this.sql.toString());
				this.sql.setLength(0);
				this.count = 0;
			}
		}

	}

}
