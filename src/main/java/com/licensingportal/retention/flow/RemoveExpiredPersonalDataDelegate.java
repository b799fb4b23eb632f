package com.licensingportal.retention.flow;

import com.licensingportal.retention.PersonalDataRetention;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task RemoveExpiredPersonalData: sets removedRows. */
@Component("removeExpiredPersonalData")
class RemoveExpiredPersonalDataDelegate implements JavaDelegate {

	private final PersonalDataRetention retention;

	RemoveExpiredPersonalDataDelegate(PersonalDataRetention retention) {
		this.retention = retention;
	}

	@Override
	public void execute(DelegateExecution execution) {
		long removed = this.retention.removeExpired().values().stream().mapToLong(Integer::longValue).sum();
		execution.setVariable("removedRows", removed);
	}

}
