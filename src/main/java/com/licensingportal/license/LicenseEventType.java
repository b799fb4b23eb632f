package com.licensingportal.license;

import com.licensingportal.text.Text;
public enum LicenseEventType {

	CREATED, ACTIVATED, DEACTIVATED, RESERVED, RELEASED, TRANSFERRED_OUT, TRANSFERRED_IN, CANCELLED, RENEWED;

	/** Each constant's code is this and its name (LicensesTextsTest checks that the bundle has them all). */
	private static final String CODE = "licenses.event.";

	/** How the line item's history page names it (licenses.event.*). */
	public Text text() {
		return Text.of(CODE + name());
	}

	/** Its name in English (Tasklist, logs). */
	public String label() {
		return text().toString();
	}

}
