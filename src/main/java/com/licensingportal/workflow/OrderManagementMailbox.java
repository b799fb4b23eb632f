package com.licensingportal.workflow;

import org.springframework.stereotype.Component;

/**
 * The Order Management team's mailbox ({@link OrderManagementProperties}): told about registration
 * requests waiting too long and about invitations it sent that expired. BPMN reads it as
 * {@code ${orderManagement.email}}.
 */
@Component("orderManagement")
public class OrderManagementMailbox {

	private final String email;

	OrderManagementMailbox(OrderManagementProperties settings) {
		this.email = settings.email().strip();
	}

	public String getEmail() {
		return this.email;
	}

}
