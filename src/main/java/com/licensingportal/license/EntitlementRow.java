package com.licensingportal.license;

import java.time.LocalDate;

/**
 * One row of List Entitlements: a line item as the list and its CSV export show it.
 *
 * @param expiresOn null for a permanent license
 */
public record EntitlementRow(long id, String activationId, String entitlementId, String soldTo, String product,
		String version, int available, int total, LocalDate expiresOn, String ownerAccountNumber, String ownerName) {

	public static final String PERMANENT = "Permanent";

	public boolean isPermanent() {
		return this.expiresOn == null;
	}

	/** Expired on the day after its expiration date, as {@link LineItem#isExpiredOn(LocalDate)} says. */
	public boolean isExpiredOn(LocalDate day) {
		return this.expiresOn != null && day.isAfter(this.expiresOn);
	}

	/** "Permanent", or the last day as {@code yyyy-MM-dd}. */
	public String expiration() {
		return this.expiresOn == null ? PERMANENT : this.expiresOn.toString();
	}

}
