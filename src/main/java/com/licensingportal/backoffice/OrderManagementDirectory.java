package com.licensingportal.backoffice;

import java.util.Optional;

import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;

/**
 * Order Management's staff as the engine knows them (Camunda users of the group {@code order-management}) and the
 * tasks waiting for them: the back office's one door to the engine, through its public API only.
 */
@Service
public class OrderManagementDirectory {

	/** Who Order Management's staff are, as the back office shows them. */
	public record StaffMember(String userId, String displayName) {
	}

	private final IdentityService identity;

	private final TaskService tasks;

	OrderManagementDirectory(IdentityService identity, TaskService tasks) {
		this.identity = identity;
		this.tasks = tasks;
	}

	/** Whether the password is the Camunda user's and the user is in Order Management. */
	public boolean isStaffWithPassword(String userId, String password) {
		return userId != null && !userId.isBlank() && password != null
				&& this.identity.checkPassword(userId, password) && staffMember(userId).isPresent();
	}

	/** The user, while they are in the group; empty once removed from it (or deleted). */
	public Optional<StaffMember> staffMember(String userId) {
		User user = this.identity.createUserQuery().userId(userId).memberOfGroup(OrderManagementSetup.GROUP).singleResult();
		if (user == null) {
			return Optional.empty();
		}
		String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
				+ (user.getLastName() == null ? "" : user.getLastName())).trim();
		return Optional.of(new StaffMember(user.getId(), name.isEmpty() ? user.getId() : name));
	}

	/** The tasks in Tasklist's "Order Management" filter: those of the group, claimed or not. */
	public long tasksWaiting() {
		return this.tasks.createTaskQuery().taskCandidateGroup(OrderManagementSetup.GROUP).includeAssignedTasks().count();
	}

}
