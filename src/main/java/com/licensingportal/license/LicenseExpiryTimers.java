package com.licensingportal.license;

import org.springframework.stereotype.Component;

/** The expiry reminder process's timer, from configuration: {@code ${licenseExpiryTimers.cycle}} in the BPMN. */
@Component("licenseExpiryTimers")
public class LicenseExpiryTimers {

	private final LicenseExpiryProperties settings;

	LicenseExpiryTimers(LicenseExpiryProperties settings) {
		this.settings = settings;
	}

	/** A Camunda cron expression, daily by default. */
	public String getCycle() {
		return this.settings.reminderCycle();
	}

}
