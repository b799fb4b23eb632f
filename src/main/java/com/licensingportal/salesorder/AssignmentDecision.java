package com.licensingportal.salesorder;

import java.util.Locale;
import java.util.Map;

/**
 * What Order Management chose in the Tasklist form of {@code AssignSalesOrder}: create the account from the
 * order, assign an existing one (by account number), or reject the order with a reason.
 */
public record AssignmentDecision(String decision, String existingAccountNumber, String rejectionReason) {

	public static final String CREATE = "create";

	public static final String EXISTING = "existing";

	public static final String REJECT = "reject";

	public static AssignmentDecision from(Map<String, Object> variables) {
		return new AssignmentDecision(text(variables.get("decision")), text(variables.get("existingAccountNumber")),
				text(variables.get("rejectionReason")));
	}

	String normalizedAccountNumber() {
		return this.existingAccountNumber == null ? null : this.existingAccountNumber.toUpperCase(Locale.ROOT);
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

}
