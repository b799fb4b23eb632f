package com.licensingportal.account;

public enum AccountStatus {

	ACTIVE, DISABLED

}
