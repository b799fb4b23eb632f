package com.licensingportal.usermanagement;

import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A user whom an administrator deletes is logged out wherever they are logged in, over real HTTP and sessions. */
class DeletedUserSessionTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	UserRepository users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aDeletedUserIsLoggedOutEverywhereAndAColleagueStaysLoggedIn() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account account = fixtures.customer(LicenseFixtures.unique("Wren Depot"));
		PortalUser admin = fixtures.user("Wren-Admin", account, UserType.CUSTOMER_ADMINISTRATOR);
		PortalUser leaving = fixtures.user("Wren-Leaving", account, UserType.CUSTOMER_USER);
		PortalUser staying = fixtures.user("Wren-Staying", account, UserType.CUSTOMER_USER);
		HttpBrowser office = loggedIn(leaving);
		HttpBrowser laptop = loggedIn(leaving);
		HttpBrowser colleague = loggedIn(staying);
		assertThat(office.get("/entitlements").status()).isEqualTo(200);

		HttpBrowser administrator = loggedIn(admin);
		String ids = String.valueOf(leaving.getId());
		assertThat(administrator.get("/users/delete?ids=" + ids).body()).contains(leaving.getDisplayName(), "confirm-delete");
		assertThat(administrator.post("/users/delete", Map.of("ids", ids)).redirectPath()).startsWith("/users");
		assertThat(this.users.existsById(leaving.getId())).isFalse();

		for (HttpBrowser ended : new HttpBrowser[] { office, laptop }) {
			assertThat(ended.get("/entitlements").redirectPath()).isEqualTo("/login");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?", Integer.class,
				leaving.getEmail())).isZero();
		assertThat(colleague.get("/entitlements").status()).isEqualTo(200);
		assertThat(administrator.get("/users").status()).isEqualTo(200);
	}

	private HttpBrowser loggedIn(PortalUser user) {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(user.getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		return browser;
	}

}
