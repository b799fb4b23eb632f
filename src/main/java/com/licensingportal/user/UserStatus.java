package com.licensingportal.user;

public enum UserStatus {

	/** Created, the invitation not yet accepted: cannot log in. */
	INVITED,

	ACTIVE,

	DISABLED

}
