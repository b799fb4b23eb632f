package com.licensingportal.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.ProductRepository;
import com.licensingportal.license.SalesOrderService;
import com.licensingportal.license.SalesOrderService.OrderLine;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.usermanagement.InvitationProcess;
import com.licensingportal.user.UserRepository;
import com.licensingportal.workflow.OrderManagementSetup;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the registration tests share: requests with unique emails, the review task as Order Management
 * works it in Tasklist, and the clean-up of every process a test started (the database outlives the run on
 * MySQL, so nothing a test leaves may fire in a later one).
 */
abstract class RegistrationTestSupport extends PortalIntegrationTest {

	/**
	 * The member of Order Management these tests act as through the engine's API, as Tasklist's back end does;
	 * Camunda does not look the user up for that (a test that logs in needs {@code LicenseFixtures.orderManager()}).
	 */
	static final String OM = "om";

	@Autowired
	protected RegistrationService registrations;

	@Autowired
	protected RegistrationRequestRepository requests;

	@Autowired
	protected AccountRepository accounts;

	@Autowired
	protected UserRepository users;

	@Autowired
	protected SalesOrderService salesOrders;

	@Autowired
	protected ProductRepository products;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected TaskService tasks;

	@Autowired
	protected FormService forms;

	@Autowired
	protected FilterService filters;

	@Autowired
	protected IdentityService identity;

	@Autowired
	protected JdbcTemplate jdbc;

	private final List<String> emails = new ArrayList<>();

	@AfterEach
	void endProcessesOfThisTest() {
		this.identity.clearAuthentication();
		for (String email : this.emails) {
			for (RegistrationRequest request : this.requests.findByEmailOrderBySubmittedAtDesc(email)) {
				ProcessJobs.endRunning(this.runtime, RegistrationProcess.PROCESS_KEY,
						RegistrationProcess.businessKey(request.getId()));
			}
			this.users.findByEmail(email)
				.ifPresent(user -> ProcessJobs.endRunning(this.runtime, InvitationProcess.PROCESS_KEY,
						String.valueOf(user.getId())));
		}
	}

	/** A unique email for this test; its processes end after the test. */
	protected String uniqueEmail(String prefix) {
		String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@registration.example";
		this.emails.add(email);
		return email;
	}

	protected static String uniqueAddress() {
		return ClientAddresses.unique();
	}

	protected static String unique(String prefix) {
		return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	protected RegistrationForm form(String email, AccountType type, String proof) {
		RegistrationForm form = new RegistrationForm();
		form.setFirstName("Jana");
		form.setLastName("Novak");
		form.setEmail(email);
		form.setPhone("+1 604 555 0188");
		form.setOrganisation(unique("Bayside Security"));
		form.setAccountType(type.name());
		form.setProof(proof);
		form.setMessage("We install the cameras for the harbour.");
		return form;
	}

	/** A customer account with one order, as order entry leaves it: no users yet. */
	protected LineItem customerWithAnOrder() {
		Account customer = this.accounts.save(new Account(unique("Customer"), AccountType.CUSTOMER));
		return this.salesOrders
			.enter(customer, List.of(new OrderLine(this.products.findByPartNumber("ACC7-STD-CH").orElseThrow(), "7.14", 8,
					null)), "registration test")
			.get(0);
	}

	protected RegistrationRequest submitted(RegistrationForm form) {
		RegistrationService.Submission submission = this.registrations.submit(form, uniqueAddress());
		assertThat(submission.outcome()).isEqualTo(RegistrationService.Outcome.RECEIVED);
		return this.requests.findByOpenEmail(form.getEmail()).orElseThrow();
	}

	protected ProcessInstance processOf(RegistrationRequest request) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(RegistrationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(RegistrationProcess.businessKey(request.getId()))
			.singleResult();
	}

	/** A request whose confirmation went out and whose review task waits in Tasklist. */
	protected ProcessInstance waitingForReview(RegistrationForm form) {
		ProcessInstance pi = processOf(submitted(form));
		ProcessJobs.executeDue(this.management, pi.getId());
		return pi;
	}

	/**
	 * As Tasklist does it for {@code om}: the task from the "Order Management" filter, claimed, and its form
	 * submitted with the given variables.
	 */
	protected void decideAsOrderManagement(ProcessInstance pi, Map<String, Object> formVariables) {
		this.identity.setAuthentication(OM, List.of(OrderManagementSetup.GROUP));
		try {
			Task task = taskInOrderManagementFilter(pi);
			if (task.getAssignee() == null) {
				this.tasks.claim(task.getId(), OM);
			}
			this.forms.submitTaskForm(task.getId(), formVariables);
		}
		finally {
			this.identity.clearAuthentication();
		}
	}

	/** The process's review task as the "Order Management" filter lists it for the authenticated user. */
	protected Task taskInOrderManagementFilter(ProcessInstance pi) {
		Filter filter = this.filters.createFilterQuery().filterName(OrderManagementSetup.FILTER_NAME).singleResult();
		if (filter == null) {
			throw new AssertionError("The Order Management filter is not visible to the current user");
		}
		List<Task> listed = this.filters.list(filter.getId(), this.tasks.createTaskQuery().processInstanceId(pi.getId()));
		if (listed.size() != 1) {
			throw new AssertionError("Expected one task of " + pi.getId() + " in the filter, found " + listed.size());
		}
		return listed.get(0);
	}

	static Map<String, Object> approveNewAccount(String name, AccountType type) {
		return Map.of("decision", "approve", "accountChoice", "new", "newAccountName", name, "newAccountType", type.name());
	}

	static Map<String, Object> approveExistingAccount(String accountNumber) {
		return Map.of("decision", "approve", "accountChoice", "existing", "existingAccountNumber", accountNumber);
	}

	static Map<String, Object> reject(String reason) {
		return Map.of("decision", "reject", "rejectionReason", reason);
	}

}
