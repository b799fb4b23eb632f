package com.licensingportal.license;

public enum LicenseEventType {

	CREATED("Created"), ACTIVATED("Activated"), DEACTIVATED("Deactivated"), RESERVED("Reserved for a transfer"),
	RELEASED("Reservation released"), TRANSFERRED_OUT("Transferred out"), TRANSFERRED_IN("Transferred in"),
	CANCELLED("Cancelled (credit note)"), RENEWED("Renewed");

	private final String label;

	LicenseEventType(String label) {
		this.label = label;
	}

	/** How the line item's history page names it. */
	public String label() {
		return this.label;
	}

}
