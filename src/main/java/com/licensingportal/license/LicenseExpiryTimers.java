package com.licensingportal.license;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The expiry reminder process's timer, from configuration: {@code ${licenseExpiryTimers.cycle}} in the BPMN. */
@Component("licenseExpiryTimers")
public class LicenseExpiryTimers {

	private final String cycle;

	LicenseExpiryTimers(@Value("${portal.license-expiry.reminder-cycle:0 0 6 * * ?}") String cycle) {
		this.cycle = cycle;
	}

	/** A Camunda cron expression, daily by default. */
	public String getCycle() {
		return this.cycle;
	}

}
