package bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * One List Entitlements search, both as the page's URL (the subject) and as the raw SQL the page runs (the
 * baseline). The SQL is the portal's, taken from {@code license/EntitlementList} (FROM, COLUMNS, visibleOwner(),
 * where(), orderBy(), page()) and {@code EntitlementColumn}: keep them in step when those change.
 */
record EntitlementQuery(String label, Map<String, String> parameters) {

	static final String FROM = " from line_item li join account o on o.id = li.owner_account_id";

	static final String COLUMNS = """
			select li.id, li.activation_id, li.entitlement_number, li.sold_to_name, li.part_number,
			 li.product_version, li.available_quantity, li.total_quantity, li.expires_on,
			 o.account_number as owner_number, o.name as owner_name
			""";

	/** EntitlementList.COUNT_LIMIT: the page counts the matching rows up to this many, or to the page's end. */
	static final int COUNT_LIMIT = 10_000;

	/** EntitlementList.JOINED_COUNT_LIMIT: a user joined through the relations counts up to this many. */
	static final int JOINED_COUNT_LIMIT = 1_000;

	/** EntitlementList.COUNT_BUDGET: such a user's count is stopped by the database after this many milliseconds. */
	static final int COUNT_BUDGET_MILLIS = 100;

	/** EntitlementList.LISTED_ACCOUNTS_LIMIT: more visible accounts than this are joined through the relations. */
	static final int LISTED_ACCOUNTS_LIMIT = 500;

	/** EntitlementList.MAX_MATCHING_NAMES. */
	static final int MAX_MATCHING_NAMES = 500;

	private static final Map<String, String> SORT_COLUMNS = Map.of("activationId", "li.activation_id", "entitlementId",
			"li.entitlement_number", "soldTo", "li.sold_to_name", "product", "li.part_number", "version",
			"li.product_version", "available", "li.available_quantity", "total", "li.total_quantity", "expiration",
			"li.expiry_sort");

	/**
	 * What a user sees, as the portal's VisibleAccounts has it: the accounts as a list, the linked ones, and the
	 * partners whose active related customers make up the rest.
	 */
	record Visibility(List<Long> visible, List<Long> linked, List<Long> sellingPartners) {
	}

	/** The "filtered and sorted" searches of benchmark 3, as a partner would bookmark them. */
	static List<EntitlementQuery> pageMix() {
		return List.of(new EntitlementQuery("newest first (default)", params()),
				new EntitlementQuery("by Sold to, page 3", params("sort", "soldTo", "dir", "asc", "page", "3")),
				new EntitlementQuery("Product contains ENT, by Expiration",
						params("product", "ENT", "sort", "expiration", "dir", "asc")),
				new EntitlementQuery("expiring before 2027-01-01, by Available desc, 100 rows",
						params("expiration", "expires", "expiringBefore", "2027-01-01", "sort", "available", "dir", "desc",
								"size", "100")),
				new EntitlementQuery("Sold to contains harbor, Version 7.12, by Total",
						params("soldTo", "harbor", "version", "7.12", "sort", "total", "dir", "desc")));
	}

	/** Export All Matching with no filter and the used-up ones too: every row the user sees. */
	static EntitlementQuery exportAll() {
		return new EntitlementQuery("every row", params("showUsedUp", "true"));
	}

	private static Map<String, String> params(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	String query() {
		return this.parameters.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * The page's statements: the totals (counted up to COUNT_LIMIT or the page's end), the page's ids, then those
	 * rows' columns. Returns the rows read.
	 */
	int runPage(Connection connection, Visibility visible, LocalDate today) throws SQLException {
		List<Object> args = new ArrayList<>();
		String where = where(connection, visible, args, today);
		String from = from(visible);
		String orderBy = orderBy();
		int size = Integer.parseInt(this.parameters.getOrDefault("size", "25"));
		int asked = Integer.parseInt(this.parameters.getOrDefault("page", "1"));
		boolean listed = listed(visible);
		long limit = Math.max(listed ? COUNT_LIMIT : JOINED_COUNT_LIMIT, (long) asked * size);
		List<Object> countArgs = new ArrayList<>(args);
		countArgs.add(limit + 1);
		String count = "select count(*), coalesce(sum(m.available_quantity), 0), coalesce(sum(m.total_quantity), 0) from"
				+ " (select li.available_quantity, li.total_quantity" + countFrom(visible) + where + " limit ?) m";
		if (!listed) {
			count = "/*M! SET STATEMENT max_statement_time=" + COUNT_BUDGET_MILLIS / 1000.0 + " FOR */ select /*+ MAX_EXECUTION_TIME("
					+ COUNT_BUDGET_MILLIS + ") */" + count.substring("select".length());
		}
		int number;
		try (PreparedStatement totals = prepare(connection, count, countArgs); ResultSet rs = totals.executeQuery()) {
			rs.next();
			long matching = Math.min(rs.getLong(1), limit);
			rs.getLong(2);
			rs.getLong(3);
			int lastPage = (int) Math.max(1, (matching + size - 1) / size);
			number = Math.min(asked, lastPage);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != 1969 && ex.getErrorCode() != 3024) {
				throw ex;
			}
			// The database stopped the count: the page shows the page asked for, "of many".
			number = asked;
		}
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) (number - 1) * size);
		List<Object> ids = new ArrayList<>();
		try (PreparedStatement page = prepare(connection, "select li.id" + from + where + orderBy
				+ " limit ? offset ?", pageArgs); ResultSet rs = page.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		if (ids.isEmpty()) {
			return 0;
		}
		int rows = 0;
		try (PreparedStatement page = prepare(connection, COLUMNS + FROM + " where li.id in ("
				+ ids.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")" + orderBy, ids);
				ResultSet rs = page.executeQuery()) {
			while (rs.next()) {
				Row.read(rs);
				rows++;
			}
		}
		return rows;
	}

	/** Every matching row, streamed row by row (MySQL Connector/J's Integer.MIN_VALUE fetch size). */
	void stream(Connection connection, Visibility visible, LocalDate today, Consumer<Row> sink) throws SQLException {
		List<Object> args = new ArrayList<>();
		String sql = COLUMNS + FROM + where(connection, visible, args, today) + orderBy();
		try (PreparedStatement statement = prepare(connection, sql, args)) {
			statement.setFetchSize(Integer.MIN_VALUE);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					sink.accept(Row.read(rs));
				}
			}
		}
	}

	/** EntitlementList.from: the owner index for a user whose accounts are listed. */
	static String from(Visibility visible) {
		return listed(visible) ? " from line_item li /*! force index (ix_line_item_owner_list) */" : " from line_item li";
	}

	/** EntitlementList.countFrom: a partner of thousands never counts through the "channels left" index. */
	static String countFrom(Visibility visible) {
		return listed(visible) ? from(visible) : " from line_item li /*! ignore index (ix_line_item_available) */";
	}

	private static boolean listed(Visibility visible) {
		return visible.visible().size() <= LISTED_ACCOUNTS_LIMIT || visible.sellingPartners().isEmpty();
	}

	/** EntitlementList.visibleOwner: the accounts listed when they are few, else a join through the relations. */
	static String visibleOwner(Visibility visible, List<Object> args) {
		if (listed(visible)) {
			args.addAll(visible.visible());
			return "li.owner_account_id in (" + marks(visible.visible()) + ")";
		}
		args.addAll(visible.linked());
		args.addAll(visible.sellingPartners());
		return "(li.owner_account_id in (" + marks(visible.linked()) + ") or li.owner_account_id in (select r.customer_id"
				+ " from account_relation r join account c on c.id = r.customer_id where r.partner_id in ("
				+ marks(visible.sellingPartners()) + ") and c.status = 'ACTIVE'))";
	}

	private static String marks(Collection<Long> ids) {
		return ids.stream().map(id -> "?").collect(Collectors.joining(", "));
	}

	private String where(Connection connection, Visibility visible, List<Object> args, LocalDate today)
			throws SQLException {
		StringBuilder where = new StringBuilder(" where ").append(visibleOwner(visible, args));
		if (!"true".equals(this.parameters.get("showUsedUp"))) {
			where.append(" and li.available_quantity > 0");
		}
		contains(where, args, "li.activation_id", "activationId");
		contains(where, args, "li.entitlement_number", "entitlementId");
		containsIn(connection, where, args, "li.product_id", "select p.id from product p where ", "p.part_number",
				"li.part_number", "product");
		containsIn(connection, where, args, "li.sold_to_account_id", "select a.id from account a where ", "a.name",
				"li.sold_to_name", "soldTo");
		contains(where, args, "li.product_version", "version");
		if (this.parameters.containsKey("availableMin")) {
			where.append(" and li.available_quantity >= ?");
			args.add(Integer.parseInt(this.parameters.get("availableMin")));
		}
		if (this.parameters.containsKey("expiringBefore")) {
			where.append(" and li.expires_on < ?");
			args.add(Date.valueOf(LocalDate.parse(this.parameters.get("expiringBefore"))));
		}
		String expiration = this.parameters.get("expiration");
		if ("permanent".equals(expiration)) {
			where.append(" and li.expires_on is null");
		}
		else if ("expires".equals(expiration)) {
			where.append(" and li.expires_on >= ?");
			args.add(Date.valueOf(today));
		}
		else if ("expired".equals(expiration)) {
			where.append(" and li.expires_on < ?");
			args.add(Date.valueOf(today));
		}
		return where.toString();
	}

	private void contains(StringBuilder where, List<Object> args, String column, String name) {
		String value = this.parameters.get(name);
		if (value == null) {
			return;
		}
		where.append(" and lower(").append(column).append(") like ? escape '!'");
		args.add(pattern(value));
	}

	/** EntitlementList.containsIn: names matched in their own table first, then line items by those ids. */
	private void containsIn(Connection connection, StringBuilder where, List<Object> args, String key, String select,
			String column, String copy, String name) throws SQLException {
		String value = this.parameters.get(name);
		if (value == null) {
			return;
		}
		List<Object> ids = new ArrayList<>();
		try (PreparedStatement statement = prepare(connection, select + "lower(" + column + ") like ? escape '!' limit "
				+ (MAX_MATCHING_NAMES + 1), List.of(pattern(value))); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		if (ids.size() > MAX_MATCHING_NAMES) {
			where.append(" and lower(").append(copy).append(") like ? escape '!'");
			args.add(pattern(value));
		}
		else if (ids.isEmpty()) {
			where.append(" and 1 = 0");
		}
		else {
			where.append(" and ").append(key).append(" in (").append(ids.stream().map(id -> "?").collect(Collectors.joining(", ")))
				.append(")");
			args.addAll(ids);
		}
	}

	private static String pattern(String value) {
		return "%" + value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	private String orderBy() {
		String sort = this.parameters.get("sort");
		if (sort == null || !SORT_COLUMNS.containsKey(sort)) {
			return " order by li.created_at desc, li.id desc";
		}
		String direction = "desc".equals(this.parameters.get("dir")) ? "desc" : "asc";
		return " order by " + SORT_COLUMNS.get(sort) + " " + direction + ", li.id " + direction;
	}

	private static PreparedStatement prepare(Connection connection, String sql, List<Object> args) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql);
		for (int i = 0; i < args.size(); i++) {
			statement.setObject(i + 1, args.get(i));
		}
		return statement;
	}

	/** A row as the page and the CSV use it. */
	record Row(long id, String activationId, String entitlementId, String soldTo, String product, String version,
			int available, int total, LocalDate expiresOn, String ownerNumber, String ownerName) {

		static Row read(ResultSet rs) throws SQLException {
			return new Row(rs.getLong("id"), rs.getString("activation_id"), rs.getString("entitlement_number"),
					rs.getString("sold_to_name"), rs.getString("part_number"), rs.getString("product_version"),
					rs.getInt("available_quantity"), rs.getInt("total_quantity"),
					rs.getObject("expires_on", LocalDate.class), rs.getString("owner_number"), rs.getString("owner_name"));
		}

	}

}
