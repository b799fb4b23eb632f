package com.licensingportal.license;

import java.math.BigDecimal;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.licensingportal.access.VisibleAccounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
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

	/**
	 * One page of the list and what the whole search matched. When {@code countedAll} is false, the search
	 * matched more than {@code matching} rows and was not counted further (nor its channels summed).
	 */
	public record Page(List<EntitlementRow> rows, long matching, long availableChannels, long totalChannels,
			int number, int size, boolean countedAll) {

		public Page(List<EntitlementRow> rows, long matching, long availableChannels, long totalChannels, int number,
				int size) {
			this(rows, matching, availableChannels, totalChannels, number, size, true);
		}

		/**
		 * A page whose search was not counted at all: its count ran out of {@link #COUNT_BUDGET}. {@code matching}
		 * is -1, and a full page leads on to the next.
		 */
		static Page uncounted(List<EntitlementRow> rows, int number, int size) {
			return new Page(rows, -1, 0, 0, number, size, false);
		}

		/** Whether the search was counted, up to its end or to a limit; false when the count ran out of time. */
		public boolean counted() {
			return this.matching >= 0;
		}

		/** The pages counted; one more when not every row was counted, so that Next leads on. */
		public int pages() {
			if (!counted()) {
				return this.rows.size() == this.size ? this.number + 1 : this.number;
			}
			int counted = (int) Math.max(1, (this.matching + this.size - 1) / this.size);
			return this.countedAll ? counted : counted + 1;
		}

		public long firstRow() {
			return this.matching == 0 || this.rows.isEmpty() ? 0 : (long) (this.number - 1) * this.size + 1;
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

	/**
	 * The names the list filters and sorts on are copies on the line item (migration V26), so the statements that
	 * count and select a page read {@code line_item} alone; only a page's rows join their owner, for its number and
	 * name.
	 */
	private static final String FROM = " from line_item li join account o on o.id = li.owner_account_id";

	private static final String COLUMNS = """
			select li.id, li.activation_id, li.entitlement_number, li.sold_to_name, li.part_number,
			 li.product_version, li.available_quantity, li.total_quantity, li.expires_on,
			 o.account_number as owner_number, o.name as owner_name
			""";

	/**
	 * The screen counts the matching rows up to this many (and the rows up to the page asked for); beyond it, the
	 * page says "10,000+". Counting a distributor's million rows took most of a second on every page.
	 */
	static final int COUNT_LIMIT = 10_000;

	/**
	 * A user whose accounts are restricted through the relations (a partner of thousands) counts up to this many:
	 * each row counted costs such a user a look-up of the relation, and a "contains" on a name reads the rows it
	 * does not keep too (bench/FINDINGS.md, issue 20, row 3b).
	 */
	static final int JOINED_COUNT_LIMIT = 1_000;

	/**
	 * How long the count of a partner of thousands may take before the page gives up counting and says that
	 * many licenses match: a rare filter over a million line items ("Sold to contains" a common word) reads most
	 * of them before it has counted {@link #JOINED_COUNT_LIMIT}. MariaDB and MySQL stop the statement; H2 has no
	 * such limit and counts on.
	 */
	static final Duration COUNT_BUDGET = Duration.ofMillis(100);

	/**
	 * A user who sees more accounts than this through partner relations is restricted by a join through the
	 * relations instead of a list of every account id (bench/FINDINGS.md, issue 20).
	 */
	static final int LISTED_ACCOUNTS_LIMIT = 500;

	/** At most this many product or account ids matched by name are listed in the statements ({@code containsIn}). */
	static final int MAX_MATCHING_NAMES = 500;

	/** The Expiration filter's choices; "expires" means dated and not yet expired. */
	private static final Map<String, String> EXPIRATIONS = Map.of(EntitlementSearch.PERMANENT,
			"li.expires_on is null", EntitlementSearch.EXPIRES, "li.expires_on >= :today",
			EntitlementSearch.EXPIRED, "li.expires_on < :today");

	private static final int STREAM_FETCH_SIZE = 500;

	private static final RowMapper<EntitlementRow> ROW = EntitlementList::row;

	private final NamedParameterJdbcTemplate jdbc;

	private final DataSource dataSource;

	private final Clock clock;

	private final int countLimit;

	private final int joinedCountLimit;

	private final Duration countBudget;

	private final int listedAccountsLimit;

	private volatile NamedParameterJdbcTemplate streaming;

	@Autowired
	EntitlementList(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Clock clock) {
		this(jdbc, dataSource, clock, COUNT_LIMIT, JOINED_COUNT_LIMIT, COUNT_BUDGET, LISTED_ACCOUNTS_LIMIT);
	}

	private EntitlementList(NamedParameterJdbcTemplate jdbc, DataSource dataSource, Clock clock, int countLimit,
			int joinedCountLimit, Duration countBudget, int listedAccountsLimit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
		this.countLimit = countLimit;
		this.joinedCountLimit = joinedCountLimit;
		this.countBudget = countBudget;
		this.listedAccountsLimit = listedAccountsLimit;
	}

	/**
	 * The same list with other limits, for tests on a few thousand rows: every user counts up to {@code countLimit},
	 * with no time limit.
	 */
	EntitlementList withLimits(int countLimit, int listedAccountsLimit) {
		return withLimits(countLimit, countLimit, Duration.ZERO, listedAccountsLimit);
	}

	/** The same list with other limits; a zero {@code countBudget} counts without a time limit. */
	EntitlementList withLimits(int countLimit, int joinedCountLimit, Duration countBudget, int listedAccountsLimit) {
		return new EntitlementList(this.jdbc, this.dataSource, this.clock, countLimit, joinedCountLimit, countBudget,
				listedAccountsLimit);
	}

	/** The screen's page: the matching rows counted up to {@link #COUNT_LIMIT}, or up to the page asked for. */
	public Page page(VisibleAccounts accounts, Criteria criteria) {
		return page(accounts, criteria, false);
	}

	/**
	 * One page in two steps: the totals and the page's line item ids from {@code line_item} alone (no joins: the
	 * names are copies on it), then the columns of just those rows. With {@code countAll} false the totals stop
	 * counting at {@link #COUNT_LIMIT} rows, or at the end of the page asked for if that is further: beyond it,
	 * the page says that there are more, and the sums of channels are left out.
	 */
	public Page page(VisibleAccounts accounts, Criteria criteria, boolean countAll) {
		EntitlementSearch search = criteria.search();
		if (accounts.visible().isEmpty()) {
			return Page.empty(search.pageSize());
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(accounts, criteria, params);
		String from = from(accounts);
		String orderBy = orderBy(search);
		int size = search.pageSize();
		boolean listed = listed(accounts);
		long limit = Math.max(listed ? this.countLimit : this.joinedCountLimit, (long) search.pageNumber() * size);
		Totals totals;
		String countFrom = countFrom(accounts);
		if (countAll) {
			totals = this.jdbc.queryForObject("select count(*), coalesce(sum(li.available_quantity), 0),"
					+ " coalesce(sum(li.total_quantity), 0)" + countFrom + where, params, Totals::read);
		}
		else {
			params.addValue("countLimit", limit + 1);
			totals = countWithin(listed ? Duration.ZERO : this.countBudget, "select count(*), coalesce(sum(m.available_quantity), 0),"
					+ " coalesce(sum(m.total_quantity), 0) from (select li.available_quantity, li.total_quantity"
					+ countFrom + where + " limit :countLimit) m", params);
		}
		if (totals == null) {
			int number = search.pageNumber();
			return Page.uncounted(rows(ids(from, where, orderBy, params, size, number), orderBy), number, size);
		}
		boolean countedAll = countAll || totals.matching <= limit;
		long matching = countedAll ? totals.matching : limit;
		int lastPage = (int) Math.max(1, (matching + size - 1) / size);
		int number = Math.min(search.pageNumber(), lastPage);
		List<EntitlementRow> rows = rows(ids(from, where, orderBy, params, size, number), orderBy);
		return countedAll ? new Page(rows, matching, totals.available, totals.total, number, size, true)
				: new Page(rows, matching, 0, 0, number, size, false);
	}

	private List<Long> ids(String from, String where, String orderBy, MapSqlParameterSource params, int size,
			int number) {
		params.addValue("limit", size).addValue("offset", (long) (number - 1) * size);
		return this.jdbc.queryForList("select li.id" + from + where + orderBy + " limit :limit offset :offset", params,
				Long.class);
	}

	private List<EntitlementRow> rows(List<Long> ids, String orderBy) {
		return ids.isEmpty() ? List.of()
				: this.jdbc.query(COLUMNS + FROM + " where li.id in (:ids)" + orderBy, new MapSqlParameterSource("ids", ids),
						ROW);
	}

	/**
	 * The totals' statement ({@code select …}), stopped by the database after {@code budget} (none when zero):
	 * MariaDB runs the text of a {@code /*M! *}{@code /} comment, MySQL reads the optimizer hint, H2 skips both.
	 * Returns null when the database stopped it.
	 */
	Totals countWithin(Duration budget, String select, MapSqlParameterSource params) {
		if (budget.isZero()) {
			return this.jdbc.queryForObject(select, params, Totals::read);
		}
		long millis = Math.max(1, budget.toMillis());
		long micros = Math.max(1, budget.toNanos() / 1000);
		String limited = "/*M! SET STATEMENT max_statement_time=" + BigDecimal.valueOf(micros, 6).toPlainString()
				+ " FOR */ select /*+ MAX_EXECUTION_TIME(" + millis + ") */" + select.substring("select".length());
		try {
			return this.jdbc.queryForObject(limited, params, Totals::read);
		}
		catch (DataAccessException ex) {
			if (ranOutOfTime(ex)) {
				return null;
			}
			throw ex;
		}
	}

	/** MariaDB's "max_statement_time exceeded" (1969) or MySQL's "maximum statement execution time exceeded" (3024). */
	private static boolean ranOutOfTime(DataAccessException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && (sql.getErrorCode() == 1969 || sql.getErrorCode() == 3024)) {
				return true;
			}
		}
		return false;
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
		String sql = COLUMNS + FROM + where(accounts, criteria, params) + orderBy(criteria.search());
		streaming().query(sql, params, (ResultSet rs) -> sink.accept(row(rs, 0)));
	}

	/** Hands the selected rows among the visible ones to {@code sink}, in the search's sort order. */
	public void forEachSelected(VisibleAccounts accounts, Collection<String> activationIds, EntitlementSearch order,
			Consumer<EntitlementRow> sink) {
		if (accounts.visible().isEmpty() || activationIds.isEmpty()) {
			return;
		}
		MapSqlParameterSource params = new MapSqlParameterSource("selected", activationIds);
		String sql = COLUMNS + FROM + " where " + visibleOwner(accounts, params) + " and li.activation_id in (:selected)"
				+ orderBy(order);
		streaming().query(sql, params, (ResultSet rs) -> sink.accept(row(rs, 0)));
	}

	/**
	 * {@code from line_item li}: for a user whose accounts are listed, through the owner index on MySQL and MariaDB
	 * (H2 reads the hint as a comment). MariaDB otherwise took a sort's index for a partner's page too and read
	 * a hundred rows for each one it kept, each a disk read once the line items outgrow the buffer pool
	 * (bench/FINDINGS.md, issue 20). A partner of thousands walks the sort's index (migration V26).
	 */
	private String from(VisibleAccounts accounts) {
		return listed(accounts) ? " from line_item li /*! force index (ix_line_item_owner_list) */" : " from line_item li";
	}

	/**
	 * The totals' {@code from}: as {@link #from}, except that a partner of thousands never counts through the
	 * "channels left" index. MariaDB took its range ({@code available_quantity > 0}, half the table by its estimate)
	 * and then read each row by its primary key to check the filters: 40 s for a "Sold to contains" that matches
	 * 8,460 of 1,000,000 line items, against 1.2 s for reading the table in order (bench/FINDINGS.md, issue 20).
	 */
	private String countFrom(VisibleAccounts accounts) {
		return listed(accounts) ? from(accounts) : " from line_item li /*! ignore index (ix_line_item_available) */";
	}

	private boolean listed(VisibleAccounts accounts) {
		return accounts.visible().size() <= this.listedAccountsLimit || accounts.sellingPartners().isEmpty();
	}

	/**
	 * The line item's owner is one of the accounts the user sees: listed when they are few; for a partner of
	 * thousands of customers, its linked accounts or an active related customer of its partner accounts, a join
	 * through the relations that the database checks per row (by index) and stops checking with the page.
	 */
	private String visibleOwner(VisibleAccounts accounts, MapSqlParameterSource params) {
		if (listed(accounts)) {
			params.addValue("visible", accounts.visible());
			return "li.owner_account_id in (:visible)";
		}
		params.addValue("linked", accounts.linked()).addValue("sellingPartners", accounts.sellingPartners());
		return "(li.owner_account_id in (:linked) or li.owner_account_id in (select r.customer_id from account_relation r"
				+ " join account c on c.id = r.customer_id where r.partner_id in (:sellingPartners) and c.status = 'ACTIVE'))";
	}

	private String where(VisibleAccounts accounts, Criteria criteria, MapSqlParameterSource params) {
		EntitlementSearch search = criteria.search();
		StringBuilder where = new StringBuilder(" where ").append(visibleOwner(accounts, params));
		if (!search.isShowUsedUp()) {
			where.append(" and li.available_quantity > 0");
		}
		boolean listed = listed(accounts);
		containsOnLineItem(where, params, listed, "li.activation_id", "activationId", search.getActivationId());
		containsOnLineItem(where, params, listed, "li.entitlement_number", "entitlementId", search.getEntitlementId());
		// Names of products and accounts: matched in their own tables first, then line items by the ids' index.
		containsIn(where, params, "li.product_id", "select p.id from product p where ", "p.part_number", "li.part_number", "product",
				search.getProduct());
		containsIn(where, params, "li.sold_to_account_id", "select a.id from account a where ", "a.name", "li.sold_to_name",
				"soldTo", search.getSoldTo());
		containsOnLineItem(where, params, listed, "li.product_version", "version", search.getVersion());
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
		where.append(" and ").append(like(column, name));
		params.addValue(name, pattern(value));
	}

	/**
	 * "Contains" on a column of the line item. A user whose accounts are listed compares their own rows (the owner
	 * index bounds them). For a partner of thousands the matching line items are found first by the column's own
	 * index, read whole but without a row (about a second over a million line items on a loaded machine, where a
	 * walk of the page's sort index that reads each row took 22 s for an Activation ID that matches a few), then
	 * listed by id; when more than {@link #MAX_MATCHING_NAMES} match, the rows are compared as they are walked, and
	 * so many are met soon.
	 */
	private void containsOnLineItem(StringBuilder where, MapSqlParameterSource params, boolean listed, String column,
			String name, String value) {
		if (listed || value == null) {
			contains(where, params, column, name, value);
			return;
		}
		containsIn(where, params, "li.id", "select li.id from line_item li where ", column, column, name, value);
	}

	/**
	 * "Contains" on a name in its own table ({@code select}, the products or accounts): the line item's {@code key}
	 * is one of the ids that match. Resolved first, in a statement of its own, so that the database plans the
	 * list's statements with a plain list of ids (a subquery there led MariaDB to walk a sort index and run it per
	 * row). When more than {@link #MAX_MATCHING_NAMES} names match (an account name part that thousands of accounts
	 * share), the line item's own copy of the name is matched instead ({@code copy}), which a walk in the page's
	 * order finds soon among so many.
	 */
	private void containsIn(StringBuilder where, MapSqlParameterSource params, String key, String select,
			String column, String copy, String name, String value) {
		if (value == null) {
			return;
		}
		String pattern = pattern(value);
		List<Long> ids = this.jdbc.queryForList(select + like(column, name) + " limit " + (MAX_MATCHING_NAMES + 1),
				new MapSqlParameterSource(name, pattern), Long.class);
		if (ids.size() > MAX_MATCHING_NAMES && copy != null) {
			where.append(" and ").append(like(copy, name));
			params.addValue(name, pattern);
		}
		else if (ids.isEmpty()) {
			where.append(" and 1 = 0");
		}
		else {
			where.append(" and ").append(key).append(" in (:").append(name).append(")");
			params.addValue(name, ids);
		}
	}

	private static String like(String column, String name) {
		return "lower(" + column + ") like :" + name + " escape '!'";
	}

	private static String pattern(String value) {
		return "%" + value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
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

	record Totals(long matching, long available, long total) {

		static Totals read(ResultSet rs, int rowNumber) throws SQLException {
			return new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3));
		}

	}

}
