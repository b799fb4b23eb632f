package com.licensingportal.workflow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Order Management team's mailbox ({@code portal.order-management.email}): told about registration
 * requests waiting too long and about invitations it sent that expired. BPMN reads it as
 * {@code ${orderManagement.email}}.
 */
@Component("orderManagement")
public class OrderManagementMailbox {

	private final String email;

	OrderManagementMailbox(@Value("${portal.order-management.email}") String email) {
		if (email == null || email.isBlank()) {
			throw new IllegalArgumentException("Set portal.order-management.email (PORTAL_ORDER_MANAGEMENT_EMAIL)");
		}
		this.email = email.strip();
	}

	public String getEmail() {
		return this.email;
	}

}
