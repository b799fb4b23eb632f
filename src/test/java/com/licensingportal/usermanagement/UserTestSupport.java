package com.licensingportal.usermanagement;

import com.licensingportal.account.AccountRepository;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The beans that the user tests share, and their {@link UserFixtures}. Adds nothing to the shared context. */
abstract class UserTestSupport extends PortalIntegrationTest {

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected AccountRepository accounts;

	@Autowired
	protected UserRepository users;

	@Autowired
	protected UserService userService;

	@Autowired
	protected RuntimeService runtime;

	@Autowired
	protected ManagementService management;

	@Autowired
	protected PasswordEncoder passwordEncoder;

	@Autowired
	protected TransactionTemplate transaction;

	private UserFixtures fixtures;

	/** Actions &gt; Create as the administrator, for an email nobody has: the user it made. */
	protected PortalUser createdUser(Long adminId, UserProfile profile, java.util.List<AccountRoles> links) {
		return this.users.findByEmail(this.userService.create(adminId, profile, links)).orElseThrow();
	}

	protected UserFixtures fixtures() {
		if (this.fixtures == null) {
			this.fixtures = new UserFixtures(this.accounts, this.users, this.passwordEncoder, this.transaction);
		}
		return this.fixtures;
	}

}
