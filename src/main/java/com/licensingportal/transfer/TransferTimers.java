package com.licensingportal.transfer;

import org.springframework.stereotype.Component;

/**
 * The approval timer of {@code bpmn/channel-transfer.bpmn}, an ISO-8601 duration from
 * {@code portal.transfer.approval-timeout} (5 days by default), read as {@code ${transferTimers.approvalTimeout}}.
 */
@Component("transferTimers")
public class TransferTimers {

	private final TransferProperties settings;

	TransferTimers(TransferProperties settings) {
		this.settings = settings;
	}

	public String getApprovalTimeout() {
		return this.settings.approvalTimeout().toString();
	}

}
