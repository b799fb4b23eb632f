package com.licensingportal.workflow;

import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The group {@code order-management}, its Tasklist filter and the grants its members need to work the
 * portal's tasks in Tasklist and follow the processes in Cockpit. Idempotent, so every node can run it.
 */
@Component
@Order(0)
public class OrderManagementSetup implements ApplicationRunner {

	public static final String GROUP = "order-management";

	public static final String FILTER_NAME = Text.of("mail.tasklist.orderManagement").in(Languages.ENGLISH);

	/** The order system's own Camunda users: they may send sales orders to the intake API, nothing else. */
	public static final String ORDER_INTAKE_GROUP = "order-intake";

	private static final Logger log = LoggerFactory.getLogger(OrderManagementSetup.class);

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final FilterService filters;

	private final TaskService tasks;

	OrderManagementSetup(IdentityService identity, AuthorizationService authorizations, FilterService filters,
			TaskService tasks) {
		this.identity = identity;
		this.authorizations = authorizations;
		this.filters = filters;
		this.tasks = tasks;
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureGroup();
		grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ,
				ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.TASK_WORK,
				ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
		grant(Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
		grant(Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ, Permissions.READ_HISTORY);
		grant(Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ);
		Filter filter = ensureFilter();
		grant(Resources.FILTER, filter.getId(), Permissions.READ);
		narrowTaskGrants();
	}

	/**
	 * Tasks created before the engine granted their candidates TASK_WORK carry Camunda's old default, UPDATE, which
	 * lets a Tasklist user rewrite the variables the portal's delegates read: narrowed to TASK_WORK.
	 */
	private void narrowTaskGrants() {
		List<Authorization> wide = this.authorizations.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.hasPermission(Permissions.UPDATE)
			.list();
		for (Authorization authorization : wide) {
			if (Authorization.ANY.equals(authorization.getResourceId())) {
				continue;
			}
			authorization.removePermission(Permissions.UPDATE);
			authorization.addPermission(TaskPermissions.TASK_WORK);
			this.authorizations.saveAuthorization(authorization);
		}
		if (!wide.isEmpty()) {
			log.info("Narrowed {} task grants from UPDATE to TASK_WORK", wide.size());
		}
	}

	private void ensureGroup() {
		ensureGroup(GROUP, FILTER_NAME, "WORKFLOW");
		ensureGroup(ORDER_INTAKE_GROUP, Text.of("mail.tasklist.orderIntake").in(Languages.ENGLISH), "SYSTEM");
	}

	private void ensureGroup(String id, String name, String type) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType(type);
			this.identity.saveGroup(group);
			log.info("Created Camunda group {}", id);
		}
	}

	private Filter ensureFilter() {
		Filter existing = this.filters.createTaskFilterQuery().filterName(FILTER_NAME).singleResult();
		if (existing != null) {
			return existing;
		}
		Filter filter = this.filters.newTaskFilter(FILTER_NAME)
			.setOwner(null)
			.setQuery(this.tasks.createTaskQuery().taskCandidateGroup(GROUP).includeAssignedTasks())
			.setProperties(Map.of("description", Text.of("mail.tasklist.filter.description").in(Languages.ENGLISH), "priority", -10,
					"color", "#1f5f8b", "refresh", true));
		return this.filters.saveFilter(filter);
	}

	private void grant(Resource resource, String resourceId, Permission... permissions) {
		boolean present = this.authorizations.createAuthorizationQuery()
			.groupIdIn(GROUP)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0;
		if (present) {
			return;
		}
		Authorization authorization = this.authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(GROUP);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizations.saveAuthorization(authorization);
	}

}
