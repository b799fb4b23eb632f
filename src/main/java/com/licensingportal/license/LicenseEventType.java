package com.licensingportal.license;

public enum LicenseEventType {

	CREATED, ACTIVATED, DEACTIVATED, RESERVED, RELEASED, TRANSFERRED_OUT, TRANSFERRED_IN

}
