package com.licensingportal.license;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.licensingportal.access.VisibleAccounts;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Service;

/**
 * The rows of List Entitlements: one page for the screen, or every matching row, one at a time, for the
 * CSV export. Always restricted to the line items that the user's visible accounts own.
 */
@Service
public class EntitlementList {

	/** One page of the list and what the whole search matched. */
	public record Page(List<EntitlementRow> rows, long matching, long availableChannels, long totalChannels,
			int number, int size) {

		public int pages() {
			return (int) Math.max(1, (this.matching + this.size - 1) / this.size);
		}

		public long firstRow() {
			return this.matching == 0 ? 0 : (long) (this.number - 1) * this.size + 1;
		}

		public long lastRow() {
			return (long) (this.number - 1) * this.size + this.rows.size();
		}

		static Page empty(int size) {
			return new Page(List.of(), 0, 0, 0, 1, size);
		}

	}

	/** The filters an export or page applies, with the owner account already resolved to its id. */
	public record Criteria(EntitlementSearch search, Long ownerAccountId) {
	}

	private static final String FROM = """
			 from line_item li
			 join entitlement e on e.id = li.entitlement_id
			 join account s on s.id = li.sold_to_account_id
			 join account o on o.id = li.owner_account_id
			 join product p on p.id = li.product_id
			""";

	/** The joins of {@link #FROM}, for statements that need only some of them. */
	private static final List<Join> JOINS = List.of(new Join("e", " join entitlement e on e.id = li.entitlement_id"),
			new Join("s", " join account s on s.id = li.sold_to_account_id"),
			new Join("o", " join account o on o.id = li.owner_account_id"),
			new Join("p", " join product p on p.id = li.product_id"));

	private static final String COLUMNS = """
			select li.id, li.activation_id, e.entitlement_number, s.name as sold_to_name, p.part_number,
			 li.product_version, li.available_quantity, li.total_quantity, li.expires_on,
			 o.account_number as owner_number, o.name as owner_name
			""";

	/** The Expiration filter's choices; "expires" means dated and not yet expired. */
	private static final Map<String, String> EXPIRATIONS = Map.of(EntitlementSearch.PERMANENT,
			"li.expires_on is null", EntitlementSearch.EXPIRES, "li.expires_on >= :today",
			EntitlementSearch.EXPIRED, "li.expires_on < :today");

	private static final int STREAM_FETCH_SIZE = 500;

	private static final RowMapper<EntitlementRow> ROW = EntitlementList::row;

	private final NamedParameterJdbcTemplate jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	private volatile NamedParameterJdbcTemplate streaming;

	EntitlementList(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/**
	 * One page in two steps: the totals and the page's line item ids from {@code line_item} and only the tables
	 * that a filter or the sort needs (an index-only read of the owner index on MySQL), then the columns of
	 * just those rows. Reading every column of all matching rows only to keep 25 made the page slow for a
	 * partner with many accounts (bench/FINDINGS.md).
	 */
	public Page page(VisibleAccounts accounts, Criteria criteria) {
		EntitlementSearch search = criteria.search();
		if (accounts.visible().isEmpty()) {
			return Page.empty(search.pageSize());
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(accounts.visible(), criteria, params);
		String orderBy = orderBy(search);
		Totals totals = this.jdbc.queryForObject("select count(*), coalesce(sum(li.available_quantity), 0),"
				+ " coalesce(sum(li.total_quantity), 0)" + joinsFor(where) + where, params,
				(rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
		int size = search.pageSize();
		int lastPage = (int) Math.max(1, (totals.matching + size - 1) / size);
		int number = Math.min(search.pageNumber(), lastPage);
		params.addValue("limit", size).addValue("offset", (long) (number - 1) * size);
		List<Long> ids = this.jdbc.queryForList("select li.id" + joinsFor(where + orderBy) + where + orderBy
				+ " limit :limit offset :offset", params, Long.class);
		List<EntitlementRow> rows = ids.isEmpty() ? List.of()
				: this.jdbc.query(COLUMNS + FROM + " where li.id in (:ids)" + orderBy, new MapSqlParameterSource("ids", ids),
						ROW);
		return new Page(rows, totals.matching, totals.available, totals.total, number, size);
	}

	/**
	 * {@code from line_item li} and the joins whose alias {@code sql} uses. Every join follows a non-null
	 * foreign key, so leaving one out changes no count.
	 */
	static String joinsFor(String sql) {
		StringBuilder from = new StringBuilder(" from line_item li");
		for (Join join : JOINS) {
			if (join.usedBy(sql)) {
				from.append(join.sql());
			}
		}
		return from.toString();
	}

	/**
	 * Hands every matching row to {@code sink} while it is read from the database, without holding the
	 * rows in memory: MySQL streams them one by one, other databases fetch a few hundred at a time.
	 */
	public void forEachMatching(VisibleAccounts accounts, Criteria criteria, Consumer<EntitlementRow> sink) {
		if (accounts.visible().isEmpty()) {
			return;
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String sql = COLUMNS + FROM + where(accounts.visible(), criteria, params) + orderBy(criteria.search());
		streaming().query(sql, params, (ResultSet rs) -> sink.accept(row(rs, 0)));
	}

	/** Hands the selected rows among the visible ones to {@code sink}, in the search's sort order. */
	public void forEachSelected(VisibleAccounts accounts, Collection<String> activationIds, EntitlementSearch order,
			Consumer<EntitlementRow> sink) {
		if (accounts.visible().isEmpty() || activationIds.isEmpty()) {
			return;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("visible", accounts.visible())
			.addValue("selected", activationIds);
		String sql = COLUMNS + FROM + " where li.owner_account_id in (:visible) and li.activation_id in (:selected)"
				+ orderBy(order);
		streaming().query(sql, params, (ResultSet rs) -> sink.accept(row(rs, 0)));
	}

	private String where(Collection<Long> visible, Criteria criteria, MapSqlParameterSource params) {
		EntitlementSearch search = criteria.search();
		StringBuilder where = new StringBuilder(" where li.owner_account_id in (:visible)");
		params.addValue("visible", visible);
		if (!search.isShowUsedUp()) {
			where.append(" and li.available_quantity > 0");
		}
		contains(where, params, "li.activation_id", "activationId", search.getActivationId());
		contains(where, params, "e.entitlement_number", "entitlementId", search.getEntitlementId());
		contains(where, params, "s.name", "soldTo", search.getSoldTo());
		contains(where, params, "p.part_number", "product", search.getProduct());
		contains(where, params, "li.product_version", "version", search.getVersion());
		condition(where, params, "li.available_quantity >= :availableMin", "availableMin", search.getAvailableMin());
		condition(where, params, "li.total_quantity >= :totalMin", "totalMin", search.getTotalMin());
		condition(where, params, "li.expires_on < :expiringBefore", "expiringBefore", search.getExpiringBefore());
		condition(where, params, "li.owner_account_id = :owner", "owner", criteria.ownerAccountId());
		String expiration = search.getExpiration() == null ? null : EXPIRATIONS.get(search.getExpiration());
		condition(where, params, expiration, "today", LocalDate.now(this.clock));
		return where.toString();
	}

	private static void condition(StringBuilder where, MapSqlParameterSource params, String condition, String name,
			Object value) {
		if (condition != null && value != null) {
			where.append(" and ").append(condition);
			params.addValue(name, value);
		}
	}

	/** Case-insensitive "contains", with the user's % and _ taken literally. */
	private static void contains(StringBuilder where, MapSqlParameterSource params, String column, String name,
			String value) {
		if (value == null) {
			return;
		}
		String escaped = value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		where.append(" and lower(").append(column).append(") like :").append(name).append(" escape '!'");
		params.addValue(name, "%" + escaped + "%");
	}

	private static String orderBy(EntitlementSearch search) {
		String direction = search.isDescending() ? "desc" : "asc";
		EntitlementColumn column = search.sortColumn();
		if (column == null) {
			return " order by li.created_at desc, li.id desc";
		}
		return " order by " + column.orderBy(direction) + ", li.id " + direction;
	}

	private NamedParameterJdbcTemplate streaming() {
		NamedParameterJdbcTemplate template = this.streaming;
		if (template == null) {
			JdbcTemplate jdbcTemplate = new JdbcTemplate(this.dataSource);
			// MySQL Connector/J only streams row by row with this fetch size; otherwise it reads the whole result.
			jdbcTemplate.setFetchSize(isMySql() ? Integer.MIN_VALUE : STREAM_FETCH_SIZE);
			template = new NamedParameterJdbcTemplate(jdbcTemplate);
			this.streaming = template;
		}
		return template;
	}

	private boolean isMySql() {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName);
			return product.toLowerCase(Locale.ROOT).contains("mysql") || product.toLowerCase(Locale.ROOT).contains("mariadb");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database the portal uses", ex);
		}
	}

	private static EntitlementRow row(ResultSet rs, int rowNumber) throws SQLException {
		return new EntitlementRow(rs.getLong("id"), rs.getString("activation_id"), rs.getString("entitlement_number"),
				rs.getString("sold_to_name"), rs.getString("part_number"), rs.getString("product_version"),
				rs.getInt("available_quantity"), rs.getInt("total_quantity"),
				rs.getObject("expires_on", LocalDate.class), rs.getString("owner_number"), rs.getString("owner_name"));
	}

	private record Totals(long matching, long available, long total) {
	}

	/** A join and the table alias it brings, e.g. {@code s} for {@code s.name}. */
	private record Join(Pattern alias, String sql) {

		Join(String alias, String sql) {
			this(Pattern.compile("(?<![\\w.])" + alias + "\\."), sql);
		}

		boolean usedBy(String statement) {
			return this.alias.matcher(statement).find();
		}

	}

}
