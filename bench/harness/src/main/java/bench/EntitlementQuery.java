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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One List Entitlements search, both as the page's URL (the subject) and as the raw SQL the page runs (the
 * baseline). The SQL is the portal's, taken from {@code license/EntitlementList} (FROM, COLUMNS, joinsFor(),
 * where(), orderBy(), page()): keep them in step when that class changes.
 */
record EntitlementQuery(String label, Map<String, String> parameters) {

	static final String FROM = """
			 from line_item li
			 join entitlement e on e.id = li.entitlement_id
			 join account s on s.id = li.sold_to_account_id
			 join account o on o.id = li.owner_account_id
			 join product p on p.id = li.product_id
			""";

	static final String COLUMNS = """
			select li.id, li.activation_id, e.entitlement_number, s.name as sold_to_name, p.part_number,
			 li.product_version, li.available_quantity, li.total_quantity, li.expires_on,
			 o.account_number as owner_number, o.name as owner_name
			""";

	private static final List<String[]> JOINS = List.of(
			new String[] { "e", " join entitlement e on e.id = li.entitlement_id" },
			new String[] { "s", " join account s on s.id = li.sold_to_account_id" },
			new String[] { "o", " join account o on o.id = li.owner_account_id" },
			new String[] { "p", " join product p on p.id = li.product_id" });

	private static final Map<String, String> SORT_COLUMNS = Map.of("activationId", "li.activation_id", "entitlementId",
			"e.entitlement_number", "soldTo", "s.name", "product", "p.part_number", "version", "li.product_version",
			"available", "li.available_quantity", "total", "li.total_quantity", "expiration",
			"case when li.expires_on is null then 1 else 0 end {dir}, li.expires_on");

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

	/** The page's statements: totals, the page's ids, then those rows' columns. Returns the rows read. */
	int runPage(Connection connection, Collection<Long> visible, LocalDate today) throws SQLException {
		List<Object> args = new ArrayList<>();
		String where = where(visible, args, today);
		String orderBy = orderBy();
		long matching;
		try (PreparedStatement totals = prepare(connection, "select count(*), coalesce(sum(li.available_quantity), 0),"
				+ " coalesce(sum(li.total_quantity), 0)" + joinsFor(where) + where, args); ResultSet rs = totals.executeQuery()) {
			rs.next();
			matching = rs.getLong(1);
			rs.getLong(2);
			rs.getLong(3);
		}
		int size = Integer.parseInt(this.parameters.getOrDefault("size", "25"));
		int lastPage = (int) Math.max(1, (matching + size - 1) / size);
		int number = Math.min(Integer.parseInt(this.parameters.getOrDefault("page", "1")), lastPage);
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(size);
		pageArgs.add((long) (number - 1) * size);
		List<Object> ids = new ArrayList<>();
		try (PreparedStatement page = prepare(connection, "select li.id" + joinsFor(where + orderBy) + where + orderBy
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

	/** {@code from line_item li} and the joins whose alias {@code sql} uses, as EntitlementList.joinsFor. */
	static String joinsFor(String sql) {
		StringBuilder from = new StringBuilder(" from line_item li");
		for (String[] join : JOINS) {
			if (Pattern.compile("(?<![\\w.])" + join[0] + "\\.").matcher(sql).find()) {
				from.append(join[1]);
			}
		}
		return from.toString();
	}

	/** Every matching row, streamed row by row (MySQL Connector/J's Integer.MIN_VALUE fetch size). */
	void stream(Connection connection, Collection<Long> visible, LocalDate today, Consumer<Row> sink) throws SQLException {
		List<Object> args = new ArrayList<>();
		String sql = COLUMNS + FROM + where(visible, args, today) + orderBy();
		try (PreparedStatement statement = prepare(connection, sql, args)) {
			statement.setFetchSize(Integer.MIN_VALUE);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					sink.accept(Row.read(rs));
				}
			}
		}
	}

	private String where(Collection<Long> visible, List<Object> args, LocalDate today) {
		StringBuilder where = new StringBuilder(" where li.owner_account_id in (");
		where.append(visible.stream().map(id -> "?").collect(Collectors.joining(", "))).append(")");
		args.addAll(visible);
		if (!"true".equals(this.parameters.get("showUsedUp"))) {
			where.append(" and li.available_quantity > 0");
		}
		contains(where, args, "li.activation_id", "activationId");
		contains(where, args, "e.entitlement_number", "entitlementId");
		contains(where, args, "s.name", "soldTo");
		contains(where, args, "p.part_number", "product");
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
		String escaped = value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		where.append(" and lower(").append(column).append(") like ? escape '!'");
		args.add("%" + escaped + "%");
	}

	private String orderBy() {
		String sort = this.parameters.get("sort");
		if (sort == null || !SORT_COLUMNS.containsKey(sort)) {
			return " order by li.created_at desc, li.id desc";
		}
		String direction = "desc".equals(this.parameters.get("dir")) ? "desc" : "asc";
		return " order by " + SORT_COLUMNS.get(sort).replace("{dir}", direction) + " " + direction + ", li.id " + direction;
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
