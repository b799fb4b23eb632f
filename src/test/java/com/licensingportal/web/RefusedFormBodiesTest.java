package com.licensingportal.web;

import com.licensingportal.account.Account;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms and uploads over Tomcat's limits, or in a broken encoding, over real HTTP (MockMvc never meets
 * Tomcat): they get the page that says so (413, 400), not "This form has expired", and nothing is made.
 */
class RefusedFormBodiesTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	private PortalUser user;

	private HttpBrowser session;

	@BeforeEach
	void logIn() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account account = fixtures.customer(LicenseFixtures.unique("Form Limits"));
		this.user = fixtures.user("limits", account, UserType.CUSTOMER_ADMINISTRATOR);
		this.session = new HttpBrowser(baseUrl());
		assertThat(this.session.logIn(this.user.getEmail(), LicenseFixtures.PASSWORD).redirectPath()).isEqualTo("/entitlements");
		this.session.open("/profile/tokens");
	}

	@Test
	void aFormOverTwoMegabytesIsTooLargeNotExpired() {
		Page answer = this.session.postForm("/profile/tokens", "name", "x".repeat(3 * 1024 * 1024));

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("What you sent is too large").doesNotContain("This form has expired");
		assertThat(tokens()).isZero();
	}

	@Test
	void anUploadOverTheServersUploadLimitIsTooLargeNotExpired() {
		Page answer = this.session.upload("/devices/activate-offline", "requestFile", "request.json", "application/json",
				new byte[14 * 1024 * 1024]);

		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("What you sent is too large").doesNotContain("This form has expired");
	}

	@Test
	void aFormInABrokenEncodingCannotBeRead() {
		Page answer = this.session.postFormAsIs("/profile/tokens", "_csrf", this.session.csrf());
		Page broken = this.session.send(java.net.http.HttpRequest.newBuilder(this.session.uri("/profile/tokens"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(
					HttpBrowser.formBody("_csrf", this.session.csrf()) + "&name=%ZZbroken")));

		assertThat(answer.status()).as("the form without a name is refused by the portal").isEqualTo(422);
		assertThat(broken.status()).isEqualTo(400);
		assertThat(broken.body()).contains("The portal could not read this request");
		assertThat(tokens()).isZero();
	}

	private int tokens() {
		Integer count = this.jdbc.queryForObject("select count(*) from personal_access_token where user_id = ?",
				Integer.class, this.user.getId());
		return count == null ? 0 : count;
	}

}
