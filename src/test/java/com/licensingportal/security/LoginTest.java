package com.licensingportal.security;

import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.support.MvcSession;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockCookie;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LoginTest extends PortalIntegrationTest {

	private static final String PASSWORD = "correct horse battery";

	@Autowired
	MockMvc mvc;

	@Autowired
	UserRepository users;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwordEncoder;

	private String email;

	@BeforeEach
	void createUser() {
		this.email = "login-" + UUID.randomUUID() + "@example.com";
		Account account = this.accounts.save(new Account("Login Test " + UUID.randomUUID(), AccountType.CUSTOMER));
		PortalUser user = new PortalUser(this.email, "Lee", "Login");
		user.activate(this.passwordEncoder.encode(PASSWORD));
		user.link(account, UserType.CUSTOMER_USER);
		this.users.save(user);
	}

	@Test
	void theRightPasswordLogsInAndLandsOnListEntitlements() throws Exception {
		MvcSession browser = new MvcSession(this.mvc);
		MvcResult result = browser.answer(login(this.email, PASSWORD, "10.1.0.1"));
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/entitlements");

		MvcResult page = browser.answer(get("/entitlements"));
		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("List Entitlements", "Lee Login");
	}

	@Test
	void emailsAreMatchedWithoutRegardToCase() throws Exception {
		this.mvc.perform(login(this.email.toUpperCase(), PASSWORD, "10.1.0.2")).andExpect(redirectedUrl("/entitlements"));
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() throws Exception {
		Failure wrongPassword = failure(login(this.email, "not the password", "10.1.0.3"));
		Failure unknownEmail = failure(login("nobody-" + UUID.randomUUID() + "@example.com", PASSWORD, "10.1.0.3"));

		assertThat(wrongPassword.status()).isEqualTo(unknownEmail.status()).isEqualTo(401);
		assertThat(wrongPassword.page()).contains(LoginController.BAD_CREDENTIALS.toString());
		assertThat(unknownEmail.page()).contains(LoginController.BAD_CREDENTIALS.toString());
	}

	@Test
	void anInvitedUserWithoutAPasswordCannotLogInAndIsNotToldWhy() throws Exception {
		PortalUser invited = this.users.save(new PortalUser("invited-" + UUID.randomUUID() + "@example.com", "In", "Vited"));

		Failure failure = failure(login(invited.getEmail(), PASSWORD, "10.1.0.4"));
		assertThat(failure.status()).isEqualTo(401);
		assertThat(failure.page()).contains(LoginController.BAD_CREDENTIALS.toString());
	}

	@Test
	void tenFailuresLockTheEmailFromThatAddressOnly() throws Exception {
		for (int i = 0; i < 10; i++) {
			Failure failure = failure(login(this.email, "wrong " + i, "10.2.0.1"));
			assertThat(failure.status()).isEqualTo(401);
			assertThat(failure.page()).contains(LoginController.BAD_CREDENTIALS.toString());
		}

		Failure locked = failure(login(this.email, PASSWORD, "10.2.0.1"));
		assertThat(locked.status()).as("even the right password is refused while locked").isEqualTo(429);
		assertThat(locked.retryAfter()).isEqualTo("900");
		assertThat(locked.page()).contains(LoginController.LOCKED.toString());
		this.mvc.perform(login(this.email, PASSWORD, "10.2.0.99"))
			.andExpect(redirectedUrl("/entitlements"));
	}

	@Test
	void nineFailuresDoNotLock() throws Exception {
		for (int i = 0; i < 9; i++) {
			failure(login(this.email, "wrong " + i, "10.3.0.1"));
		}

		this.mvc.perform(login(this.email, PASSWORD, "10.3.0.1")).andExpect(redirectedUrl("/entitlements"));
	}

	@Test
	void aLoginWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/login").param("email", this.email).param("password", PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		MvcSession browser = new MvcSession(this.mvc);
		browser.answer(login(this.email, PASSWORD, "10.4.0.1"));
		MockCookie loggedIn = new MockCookie(MvcSession.COOKIE, browser.sessionCookie());

		assertThat(browser.answer(post("/logout").with(csrf())).getResponse().getRedirectedUrl())
			.isEqualTo("/login?logout");
		this.mvc.perform(get("/entitlements").cookie(loggedIn)).andExpect(redirectedUrl("http://localhost/login"));
	}

	private MockHttpServletRequestBuilder login(String email, String password, String clientAddress) {
		return post("/login").param("email", email).param("password", password).with(csrf()).with(from(clientAddress));
	}

	/** A failed login's status, Retry-After and the login page it shows. */
	record Failure(int status, String retryAfter, String page) {
	}

	private Failure failure(MockHttpServletRequestBuilder login) throws Exception {
		MvcResult failed = this.mvc.perform(login).andExpect(forwardedUrl("/login/failed")).andReturn();
		// MockMvc does not follow a forward: render the page it goes to with what the failure left on the request.
		String page = this.mvc.perform(post("/login/failed").with(csrf())
			.requestAttr(WebAttributes.AUTHENTICATION_EXCEPTION,
					failed.getRequest().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new Failure(failed.getResponse().getStatus(), failed.getResponse().getHeader("Retry-After"), page);
	}

	private static RequestPostProcessor from(String clientAddress) {
		return request -> {
			request.setRemoteAddr(clientAddress);
			return request;
		};
	}

}
