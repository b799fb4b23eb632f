package com.licensingportal.license;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The columns of List Entitlements, in the guide's order: the screen's headers, the CSV header and the
 * sort keys in the URL all come from here, so that they cannot drift apart.
 */
public enum EntitlementColumn {

	ACTIVATION_ID("activationId", "Activation ID", "li.activation_id", EntitlementRow::activationId),
	ENTITLEMENT_ID("entitlementId", "Entitlement ID", "li.entitlement_number", EntitlementRow::entitlementId),
	SOLD_TO("soldTo", "Sold to", "li.sold_to_name", EntitlementRow::soldTo),
	PRODUCT("product", "Product", "li.part_number", EntitlementRow::product),
	VERSION("version", "Version", "li.product_version", EntitlementRow::version),
	AVAILABLE("available", "Available quantity", "li.available_quantity", EntitlementRow::available),
	TOTAL("total", "Total quantity", "li.total_quantity", EntitlementRow::total),
	// Dated licenses before permanent ones when ascending: expiry_sort puts permanent ones after every date (V26),
	// on H2 and MySQL alike (they sort NULL differently), in one indexed column.
	EXPIRATION("expiration", "Expiration", "li.expiry_sort", EntitlementRow::expiration);

	private final String key;

	private final String label;

	private final String orderBy;

	private final Function<EntitlementRow, Object> value;

	EntitlementColumn(String key, String label, String orderBy, Function<EntitlementRow, Object> value) {
		this.key = key;
		this.label = label;
		this.orderBy = orderBy;
		this.value = value;
	}

	public static Optional<EntitlementColumn> byKey(String key) {
		return Arrays.stream(values()).filter(column -> column.key.equals(key)).findFirst();
	}

	public String key() {
		return this.key;
	}

	public String label() {
		return this.label;
	}

	public boolean isNumber() {
		return this == AVAILABLE || this == TOTAL;
	}

	/** The ORDER BY part for this column in the given direction ({@code asc} or {@code desc}). */
	String orderBy(String direction) {
		return this.orderBy.replace("{dir}", direction) + " " + direction;
	}

	/** The cell as the screen shows it. */
	public Object valueOf(EntitlementRow row) {
		return this.value.apply(row);
	}

}
