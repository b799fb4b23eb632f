package com.licensingportal.account;

public enum AccountType {

	/** A dealer or integrator that sells to customer accounts. */
	PARTNER,

	/** An end-user organisation. */
	CUSTOMER

}
