package com.licensingportal.backoffice;

import java.util.UUID;

import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Camunda users made for a test, in Order Management or not; each one's password is "Secret-" and its id. */
final class BackOfficeStaff {

	private BackOfficeStaff() {
	}

	static String user(IdentityService identity, boolean inOrderManagement) {
		String id = "bo" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		User user = identity.newUser(id);
		user.setFirstName("Test");
		user.setLastName("Staff");
		user.setEmail(id + "@vendor.example");
		user.setPassword(password(id));
		identity.saveUser(user);
		if (inOrderManagement) {
			identity.createMembership(id, OrderManagementSetup.GROUP);
		}
		return id;
	}

	static String password(String id) {
		return "Secret-" + id;
	}

	static String basic(String id) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((id + ":" + password(id)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
