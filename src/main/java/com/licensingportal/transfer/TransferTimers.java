package com.licensingportal.transfer;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The approval timer of {@code bpmn/channel-transfer.bpmn}, an ISO-8601 duration from
 * {@code portal.transfer.approval-timeout} (5 days by default), read as {@code ${transferTimers.approvalTimeout}}.
 */
@Component("transferTimers")
public class TransferTimers {

	private final Duration approvalTimeout;

	TransferTimers(@Value("${portal.transfer.approval-timeout:P5D}") Duration approvalTimeout) {
		if (approvalTimeout.isNegative() || approvalTimeout.isZero()) {
			throw new IllegalArgumentException("portal.transfer.approval-timeout must be positive");
		}
		this.approvalTimeout = approvalTimeout;
	}

	public String getApprovalTimeout() {
		return this.approvalTimeout.toString();
	}

}
