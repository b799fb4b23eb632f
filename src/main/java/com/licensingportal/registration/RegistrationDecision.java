package com.licensingportal.registration;

import java.util.Locale;
import java.util.Map;

import com.licensingportal.account.AccountType;

/**
 * What the reviewer chose in the Tasklist form of {@code ReviewRegistrationRequest}, read from the task's
 * variables. Values the form did not send are null; values it cannot send (tampered) are kept as they came,
 * so that the check can name them.
 *
 * @param decision {@code approve} or {@code reject}
 * @param accountChoice {@code new} or {@code existing}, on approve
 * @param newAccountType {@code PARTNER} or {@code CUSTOMER}, for a new account
 */
public record RegistrationDecision(String decision, String rejectionReason, String accountChoice, String newAccountName,
		String newAccountType, String existingAccountNumber) {

	public static final String APPROVE = "approve";

	public static final String REJECT = "reject";

	public static final String NEW_ACCOUNT = "new";

	public static final String EXISTING_ACCOUNT = "existing";

	/** The form's fields, by the keys of {@code bpmn/review-registration-request.form}. */
	public static RegistrationDecision from(Map<String, Object> variables) {
		return new RegistrationDecision(text(variables, "decision"), text(variables, "rejectionReason"),
				text(variables, "accountChoice"), text(variables, "newAccountName"), text(variables, "newAccountType"),
				text(variables, "existingAccountNumber"));
	}

	public boolean approves() {
		return APPROVE.equals(this.decision);
	}

	public boolean rejects() {
		return REJECT.equals(this.decision);
	}

	public boolean choosesNewAccount() {
		return NEW_ACCOUNT.equals(this.accountChoice);
	}

	public boolean choosesExistingAccount() {
		return EXISTING_ACCOUNT.equals(this.accountChoice);
	}

	/** The type chosen for a new account, or null when none of the two. */
	public AccountType newAccountTypeOrNull() {
		for (AccountType type : AccountType.values()) {
			if (type.name().equalsIgnoreCase(this.newAccountType)) {
				return type;
			}
		}
		return null;
	}

	/** The account number as people type it: blanks around it and lower case do not matter. */
	public String normalizedAccountNumber() {
		return this.existingAccountNumber == null ? null : this.existingAccountNumber.strip().toUpperCase(Locale.ROOT);
	}

	private static String text(Map<String, Object> variables, String name) {
		Object value = variables.get(name);
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

}
