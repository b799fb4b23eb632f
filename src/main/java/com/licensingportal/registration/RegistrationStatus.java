package com.licensingportal.registration;

public enum RegistrationStatus {

	/** Waiting for Order Management's decision in Tasklist. */
	OPEN,

	/** The account (if new) and the technical contact as its administrator were created; the invitation runs. */
	APPROVED,

	/** The requester was told why. */
	REJECTED,

	/** Its process was ended without a decision (e.g. deleted in Cockpit); the email may ask again. */
	WITHDRAWN

}
