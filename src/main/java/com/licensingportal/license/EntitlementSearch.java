package com.licensingportal.license;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters, sort and page of List Entitlements, bound from the URL so that a filtered list can be
 * bookmarked and shared. Text filters match any part of the value, ignoring case.
 */
public class EntitlementSearch {

	public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);

	public static final int DEFAULT_PAGE_SIZE = 25;

	/** Values of {@link #getExpiration()}. */
	public static final String PERMANENT = "permanent";

	public static final String EXPIRES = "expires";

	public static final String EXPIRED = "expired";

	private String activationId;

	private String entitlementId;

	private String soldTo;

	private String product;

	private String version;

	private Integer availableMin;

	private Integer totalMin;

	@Schema(allowableValues = { PERMANENT, EXPIRES, EXPIRED })
	private String expiration;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	@Schema(example = "2027-01-31")
	private LocalDate expiringBefore;

	/** The owner account's number; only partners choose among several accounts. */
	@Schema(description = "the owner account's number", example = "A-7KQ2-9XTM")
	private String owner;

	/** Also list line items with no channels left. */
	@Schema(description = "also list line items with no channels left")
	private boolean showUsedUp;

	@Schema(allowableValues = { "activationId", "entitlementId", "soldTo", "product", "version", "available", "total",
			"expiration" })
	private String sort;

	@Schema(allowableValues = { "asc", "desc" })
	private String dir;

	@Schema(description = "from 1", example = "1")
	private Integer page;

	@Schema(allowableValues = { "10", "25", "50", "100" }, defaultValue = "25")
	private Integer size;

	public EntitlementColumn sortColumn() {
		return this.sort == null ? null : EntitlementColumn.byKey(this.sort).orElse(null);
	}

	public boolean isDescending() {
		return this.sortColumn() == null || "desc".equals(this.dir);
	}

	public int pageNumber() {
		return this.page == null || this.page < 1 ? 1 : this.page;
	}

	public int pageSize() {
		return this.size != null && PAGE_SIZES.contains(this.size) ? this.size : DEFAULT_PAGE_SIZE;
	}

	public boolean hasFilters() {
		return this.activationId != null || this.entitlementId != null || this.soldTo != null || this.product != null
				|| this.version != null || this.availableMin != null || this.totalMin != null || this.expiration != null
				|| this.expiringBefore != null || this.owner != null || this.showUsedUp;
	}

	/** This search's URL parameters with another page. */
	public String queryForPage(int pageNumber) {
		return query(this.sort, this.dir, pageNumber);
	}

	/** This search's URL parameters sorted by the column: ascending first, descending when clicked again. */
	public String queryForSort(EntitlementColumn column) {
		boolean ascendingNow = column == sortColumn() && !isDescending();
		return query(column.key(), ascendingNow ? "desc" : "asc", 1);
	}

	/** The filters and sort as URL parameters, without the page: what an export link carries. */
	public String query() {
		return query(this.sort, this.dir, null);
	}

	/** {@code ascending}, {@code descending} or {@code none}, for the column header's aria-sort. */
	public String ariaSort(EntitlementColumn column) {
		if (column != sortColumn()) {
			return "none";
		}
		return isDescending() ? "descending" : "ascending";
	}

	/** The filters, sort and page as hidden form fields: the selection form posts them with the checked rows. */
	public Map<String, String> formFields() {
		return parameters(this.sort, this.dir, pageNumber());
	}

	private String query(String sortKey, String direction, Integer pageNumber) {
		StringJoiner query = new StringJoiner("&");
		parameters(sortKey, direction, pageNumber).forEach((name, value) -> query
			.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
		return query.toString();
	}

	private Map<String, String> parameters(String sortKey, String direction, Integer pageNumber) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("activationId", this.activationId);
		parameters.put("entitlementId", this.entitlementId);
		parameters.put("soldTo", this.soldTo);
		parameters.put("product", this.product);
		parameters.put("version", this.version);
		parameters.put("availableMin", text(this.availableMin));
		parameters.put("totalMin", text(this.totalMin));
		parameters.put("expiration", this.expiration);
		parameters.put("expiringBefore", text(this.expiringBefore));
		parameters.put("owner", this.owner);
		parameters.put("showUsedUp", this.showUsedUp ? "true" : null);
		parameters.put("sort", sortKey);
		parameters.put("dir", sortKey == null ? null : direction);
		parameters.put("page", pageNumber == null || pageNumber == 1 ? null : pageNumber.toString());
		parameters.put("size", this.size == null || pageSize() == DEFAULT_PAGE_SIZE ? null : text(pageSize()));
		parameters.values().removeIf(Objects::isNull);
		return parameters;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

	private static String clean(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	public String getActivationId() {
		return this.activationId;
	}

	public void setActivationId(String activationId) {
		this.activationId = clean(activationId);
	}

	public String getEntitlementId() {
		return this.entitlementId;
	}

	public void setEntitlementId(String entitlementId) {
		this.entitlementId = clean(entitlementId);
	}

	public String getSoldTo() {
		return this.soldTo;
	}

	public void setSoldTo(String soldTo) {
		this.soldTo = clean(soldTo);
	}

	public String getProduct() {
		return this.product;
	}

	public void setProduct(String product) {
		this.product = clean(product);
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = clean(version);
	}

	public Integer getAvailableMin() {
		return this.availableMin;
	}

	public void setAvailableMin(Integer availableMin) {
		this.availableMin = availableMin;
	}

	public Integer getTotalMin() {
		return this.totalMin;
	}

	public void setTotalMin(Integer totalMin) {
		this.totalMin = totalMin;
	}

	public String getExpiration() {
		return this.expiration;
	}

	public void setExpiration(String expiration) {
		String cleaned = clean(expiration);
		this.expiration = cleaned == null ? null : cleaned.toLowerCase(Locale.ROOT);
	}

	public LocalDate getExpiringBefore() {
		return this.expiringBefore;
	}

	public void setExpiringBefore(LocalDate expiringBefore) {
		this.expiringBefore = expiringBefore;
	}

	public String getOwner() {
		return this.owner;
	}

	public void setOwner(String owner) {
		this.owner = clean(owner);
	}

	public boolean isShowUsedUp() {
		return this.showUsedUp;
	}

	public void setShowUsedUp(boolean showUsedUp) {
		this.showUsedUp = showUsedUp;
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
