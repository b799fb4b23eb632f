package com.licensingportal.user;

import com.licensingportal.text.Text;

/** The four roles of the portal, granted per linked account through a {@link UserType}. */
public enum Role {

	DEALER_ADMIN, DEALER_USER, END_USER_ADMIN, END_USER;

	/** The role's name for a person ({@code users.role.NAME}). */
	public Text text() {
		return Text.of("users.role." + name());
	}

	/** The role's English name (logs, Tasklist). */
	public String label() {
		return text().toString();
	}

}
