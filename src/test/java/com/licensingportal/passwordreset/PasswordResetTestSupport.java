package com.licensingportal.passwordreset;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the password reset tests share: users of their own (unique emails, own account), client addresses of
 * their own for the rate limits, and the end of every reset process a test started.
 */
abstract class PasswordResetTestSupport extends PortalIntegrationTest {

	static final String OLD_PASSWORD = "Old-Lighthouse-Keeper-1";

	static final String NEW_PASSWORD = "New-Lighthouse-Keeper-2";

	@Autowired
	protected PasswordResetService resets;

	@Autowired
	protected AccountRepository accounts;

	@Autowired
	protected UserRepository users;

	@Autowired
	protected PasswordEncoder passwordEncoder;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected JdbcTemplate jdbc;

	private final List<Long> userIds = new ArrayList<>();

	@AfterEach
	void endResetsOfThisTest() {
		ClockUtil.reset();
		for (Long userId : this.userIds) {
			ProcessJobs.endRunning(this.runtime, PasswordResetProcess.PROCESS_KEY, String.valueOf(userId));
		}
	}

	/** A user of a fresh customer account, in the given status, with {@link #OLD_PASSWORD}. */
	protected PortalUser user(UserStatus status) {
		Account account = this.accounts.save(new Account("Reset Test " + UUID.randomUUID(), AccountType.CUSTOMER));
		PortalUser user = new PortalUser("reset-" + UUID.randomUUID().toString().substring(0, 8) + "@reset.example",
				"Rosa", "Reset");
		user.activate(this.passwordEncoder.encode(OLD_PASSWORD));
		user.setStatus(status);
		user.link(account, UserType.CUSTOMER_ADMINISTRATOR);
		PortalUser saved = this.users.save(user);
		this.userIds.add(saved.getId());
		return saved;
	}

	protected static String uniqueAddress() {
		return ClientAddresses.unique();
	}

	/** The user's running reset processes (normally one). */
	protected List<ProcessInstance> resetsOf(PortalUser user) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PasswordResetProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.list();
	}

	protected ProcessInstance resetOf(PortalUser user) {
		List<ProcessInstance> running = resetsOf(user);
		if (running.size() != 1) {
			throw new AssertionError("Expected one running reset for user " + user.getId() + ", found " + running.size());
		}
		return running.get(0);
	}

	protected String passwordHashOf(PortalUser user) {
		return this.users.findById(user.getId()).orElseThrow().getPasswordHash();
	}

	protected List<String> storedTokenHashes(PortalUser user) {
		return this.jdbc.queryForList("select token_hash from link_token where user_id = ? and purpose = 'PASSWORD_RESET'",
				String.class, user.getId());
	}

}
