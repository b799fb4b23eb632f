package com.licensingportal.license.flow;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;

import com.licensingportal.license.ExpiryReminders;
import com.licensingportal.workflow.WaitStates;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Collect expiring licenses": the digests to send today, as the process variables {@code expiryDigests}
 * (one per administrator and account) and {@code digestCount}. Today is the engine's day, so that the
 * process follows the engine clock.
 */
@Component("collectExpiringLicenses")
class CollectExpiringLicensesDelegate implements JavaDelegate {

	private final ExpiryReminders reminders;

	private final WaitStates engine;

	CollectExpiringLicensesDelegate(ExpiryReminders reminders, WaitStates engine) {
		this.reminders = reminders;
		this.engine = engine;
	}

	@Override
	public void execute(DelegateExecution execution) {
		LocalDate today = LocalDate.ofInstant(this.engine.now(), ZoneOffset.UTC);
		ArrayList<HashMap<String, Object>> digests = this.reminders.collect(today);
		execution.setVariable("expiryDigests", digests);
		execution.setVariable("digestCount", digests.size());
	}

}
