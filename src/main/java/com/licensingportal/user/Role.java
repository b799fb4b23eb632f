package com.licensingportal.user;

import com.licensingportal.text.Text;

/** The four roles of the portal, granted per linked account through a {@link UserType}. */
public enum Role {

	DEALER_ADMIN, DEALER_USER, END_USER_ADMIN, END_USER;

	/** The bundle's codes of the roles' names: {@code users.role.NAME}. */
	private static final String CODE = "users.role.";

	/** The role's name for a person. */
	public Text text() {
		return Text.of(CODE + name());
	}

	/** The role's English name (logs, Tasklist). */
	public String label() {
		return text().toString();
	}

}
