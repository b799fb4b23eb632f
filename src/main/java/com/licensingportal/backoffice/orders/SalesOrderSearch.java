package com.licensingportal.backoffice.orders;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The back office's search of sales orders, bound from the URL so that a search can be bookmarked and shared:
 * order number, customer number and account match any part, ignoring case; the state matches exactly.
 */
public class SalesOrderSearch {

	public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);

	static final int DEFAULT_PAGE_SIZE = 25;

	/** The sortable columns by URL key, with their SQL. */
	static final Map<String, String> SORTS = Map.of("orderNumber", "o.order_number", "orderDate", "o.order_date",
			"customerNumber", "o.customer_number", "account", "o.sold_to_name", "state", "o.state", "received",
			"o.received_at");

	private String orderNumber;

	private String customerNumber;

	private String account;

	private String state;

	private String sort;

	private String dir;

	private Integer page;

	private Integer size;

	public String sortKey() {
		return this.sort != null && SORTS.containsKey(this.sort) ? this.sort : null;
	}

	/** Newest first unless a column is chosen, which sorts ascending unless {@code dir=desc}. */
	public boolean isDescending() {
		return sortKey() == null || "desc".equals(this.dir);
	}

	public int pageNumber() {
		return this.page == null || this.page < 1 ? 1 : this.page;
	}

	public int pageSize() {
		return this.size != null && PAGE_SIZES.contains(this.size) ? this.size : DEFAULT_PAGE_SIZE;
	}

	public String queryForPage(int pageNumber) {
		return query(sortKey(), this.dir, pageNumber);
	}

	/** Sorted by the column: ascending first, descending when clicked again. */
	public String queryForSort(String key) {
		boolean ascendingNow = key.equals(sortKey()) && !isDescending();
		return query(key, ascendingNow ? "desc" : "asc", 1);
	}

	public String ariaSort(String key) {
		if (!key.equals(sortKey())) {
			return "none";
		}
		return isDescending() ? "descending" : "ascending";
	}

	private String query(String sortKey, String direction, int pageNumber) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("orderNumber", this.orderNumber);
		parameters.put("customerNumber", this.customerNumber);
		parameters.put("account", this.account);
		parameters.put("state", this.state);
		parameters.put("sort", sortKey);
		parameters.put("dir", sortKey == null ? null : direction);
		parameters.put("page", pageNumber == 1 ? null : String.valueOf(pageNumber));
		parameters.put("size", pageSize() == DEFAULT_PAGE_SIZE ? null : String.valueOf(pageSize()));
		parameters.values().removeIf(Objects::isNull);
		StringJoiner query = new StringJoiner("&");
		parameters.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return query.toString();
	}

	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	public String getOrderNumber() {
		return this.orderNumber;
	}

	public void setOrderNumber(String orderNumber) {
		this.orderNumber = clean(orderNumber);
	}

	public String getCustomerNumber() {
		return this.customerNumber;
	}

	public void setCustomerNumber(String customerNumber) {
		this.customerNumber = clean(customerNumber);
	}

	public String getAccount() {
		return this.account;
	}

	public void setAccount(String account) {
		this.account = clean(account);
	}

	public String getState() {
		return this.state;
	}

	public void setState(String state) {
		this.state = clean(state);
	}

	public String getSort() {
		return this.sort;
	}

	public void setSort(String sort) {
		this.sort = clean(sort);
	}

	public String getDir() {
		return this.dir;
	}

	public void setDir(String dir) {
		this.dir = clean(dir);
	}

	public Integer getPage() {
		return this.page;
	}

	public void setPage(Integer page) {
		this.page = page;
	}

	public Integer getSize() {
		return this.size;
	}

	public void setSize(Integer size) {
		this.size = size;
	}

}
