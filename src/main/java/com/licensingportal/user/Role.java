package com.licensingportal.user;

/** The four roles of the portal, granted per linked account through a {@link UserType}. */
public enum Role {

	DEALER_ADMIN("Dealer Admin"), DEALER_USER("Dealer User"), END_USER_ADMIN("End User Admin"), END_USER("End User");

	private final String label;

	Role(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
