package com.licensingportal.license;

import com.licensingportal.text.Text;
public enum LicenseEventType {

	CREATED, ACTIVATED, DEACTIVATED, RESERVED, RELEASED, TRANSFERRED_OUT, TRANSFERRED_IN, CANCELLED, RENEWED;

	/** How the line item's history page names it (licenses.event.*). */
	public Text text() {
		return Text.of("licenses.event." + name());
	}

	/** Its name in English (Tasklist, logs). */
	public String label() {
		return text().toString();
	}

}
