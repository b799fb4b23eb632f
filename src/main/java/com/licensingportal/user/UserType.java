package com.licensingportal.user;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.licensingportal.account.AccountType;
import com.licensingportal.text.Text;

import static com.licensingportal.user.Role.DEALER_ADMIN;
import static com.licensingportal.user.Role.DEALER_USER;
import static com.licensingportal.user.Role.END_USER;
import static com.licensingportal.user.Role.END_USER_ADMIN;

/** The only four valid combinations of roles on one account. */
public enum UserType {

	PARTNER_ADMINISTRATOR(EnumSet.of(DEALER_ADMIN, DEALER_USER, END_USER_ADMIN, END_USER)),
	PARTNER_USER(EnumSet.of(DEALER_USER, END_USER)), CUSTOMER_ADMINISTRATOR(EnumSet.of(END_USER_ADMIN, END_USER)),
	CUSTOMER_USER(EnumSet.of(END_USER));

	/** The bundle's codes of the user types' names: {@code users.userType.NAME}. */
	private static final String CODE = "users.userType.";

	private final Set<Role> roles;

	UserType(Set<Role> roles) {
		this.roles = Collections.unmodifiableSet(roles);
	}

	/** The user type with exactly these roles, or empty when the combination is not one of the four. */
	public static Optional<UserType> withRoles(Set<Role> roles) {
		return Arrays.stream(values()).filter(type -> type.roles.equals(roles)).findFirst();
	}

	/** The user type's name for a person. */
	public Text text() {
		return Text.of(CODE + name());
	}

	/** The user type's English name (logs, Tasklist, the invitation process's variables). */
	public String label() {
		return text().toString();
	}

	public Set<Role> roles() {
		return this.roles;
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	/** Dealer roles exist only on partner accounts. */
	public boolean allowedOn(AccountType accountType) {
		return accountType == AccountType.PARTNER || !(has(DEALER_ADMIN) || has(DEALER_USER));
	}

	public boolean isAdministrator() {
		return has(DEALER_ADMIN) || has(END_USER_ADMIN);
	}

}
