package com.licensingportal.passwordreset;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.licensingportal.mail.MailReader;
import com.licensingportal.support.HttpBrowser;
import com.licensingportal.support.HttpBrowser.Page;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Forgot Password? and the page behind the emailed link, through the real filter chain: the same answer for
 * every email, rate limits, the password rules, the one friendly page for dead links, and the sessions that
 * a new password ends.
 */
class PasswordResetPageTest extends PasswordResetTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void theRequestPageAnswersTheSameWhetherOrNotTheEmailIsAUser() throws Exception {
		assertThat(this.mvc.perform(get("/forgot-password")).andReturn().getResponse().getContentAsString())
			.contains("Forgot your password?", "name=\"email\"", "Submit");
		PortalUser known = user(UserStatus.ACTIVE);
		PortalUser invited = user(UserStatus.INVITED);
		String unknown = "unknown-" + known.getId() + "@reset.example";

		MvcResult forKnown = this.mvc.perform(forgot(known.getEmail(), uniqueAddress())).andReturn();
		MvcResult forInvited = this.mvc.perform(forgot(invited.getEmail(), uniqueAddress())).andReturn();
		MvcResult forUnknown = this.mvc.perform(forgot(unknown, uniqueAddress())).andReturn();

		for (MvcResult answer : List.of(forKnown, forInvited, forUnknown)) {
			assertThat(answer.getResponse().getStatus()).isEqualTo(200);
		}
		String knownPage = forKnown.getResponse().getContentAsString().replace(known.getEmail(), "EMAIL");
		assertThat(knownPage).contains("Check your email", "The link works once and for one hour.")
			.isEqualTo(forUnknown.getResponse().getContentAsString().replace(unknown, "EMAIL"))
			.isEqualTo(forInvited.getResponse().getContentAsString().replace(invited.getEmail(), "EMAIL"));
		assertThat(resetsOf(known)).hasSize(1);
		assertThat(resetsOf(invited)).isEmpty();
	}

	@Test
	void aMissingOrMalformedEmailGetsAClearMessage() throws Exception {
		MvcResult blank = this.mvc.perform(forgot("  ", uniqueAddress())).andReturn();
		MvcResult malformed = this.mvc.perform(forgot("rosa.reset", uniqueAddress())).andReturn();

		assertThat(blank.getResponse().getStatus()).isEqualTo(422);
		assertThat(blank.getResponse().getContentAsString()).contains("Enter the email address you log in with.");
		assertThat(malformed.getResponse().getStatus()).isEqualTo(422);
		assertThat(malformed.getResponse().getContentAsString())
			.contains("Enter a valid email address, like name@example.com.", "value=\"rosa.reset\"");
	}

	@Test
	void oneEmailMayAskThreeTimesAnHourAndOneAddressTenTimes() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		for (int i = 0; i < 3; i++) {
			assertThat(this.mvc.perform(forgot(user.getEmail(), uniqueAddress())).andReturn().getResponse().getStatus())
				.isEqualTo(200);
		}
		MvcResult emailRefused = this.mvc.perform(forgot(user.getEmail(), uniqueAddress())).andReturn();
		assertThat(emailRefused.getResponse().getStatus()).isEqualTo(429);
		assertThat(emailRefused.getResponse().getHeader("Retry-After")).isNotNull();
		assertThat(emailRefused.getResponse().getContentAsString())
			.contains("There were too many requests for this email address. Try again in");

		String address = uniqueAddress();
		for (int i = 0; i < 10; i++) {
			assertThat(this.mvc.perform(forgot("someone-" + i + "-" + user.getId() + "@reset.example", address))
				.andReturn().getResponse().getStatus()).isEqualTo(200);
		}
		MvcResult addressRefused = this.mvc.perform(forgot("someone-else-" + user.getId() + "@reset.example", address))
			.andReturn();
		assertThat(addressRefused.getResponse().getStatus()).isEqualTo(429);
		assertThat(addressRefused.getResponse().getContentAsString())
			.contains("There were too many requests from your network. Try again in");
	}

	@Test
	void theLinkFromTheEmailLeadsToTheFormAndTheRulesOfInvitationsApply() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		String path = requestAndFollow(user);

		MvcResult form = this.mvc.perform(get(path)).andReturn();
		assertThat(form.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(form.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(form.getResponse().getContentAsString()).contains("Choose a new password", "Rosa", user.getEmail(),
				"readonly", "name=\"repeatPassword\"");

		String localPart = user.getEmail().substring(0, user.getEmail().indexOf('@'));
		assertRefused(path, "Short-1", "Short-1", "The password is too short: use at least 12 characters.");
		assertRefused(path, "Long-enough-" + localPart, "Long-enough-" + localPart,
				"must not contain the first part of your email address");
		assertRefused(path, NEW_PASSWORD, NEW_PASSWORD + "x", "The two passwords are not the same.");
		assertThat(this.passwordEncoder.matches(OLD_PASSWORD, passwordHashOf(user))).isTrue();

		MvcResult done = this.mvc.perform(post(path).with(csrf()).param("password", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD)).andReturn();

		assertThat(done.getResponse().getStatus()).isEqualTo(200);
		assertThat(done.getResponse().getContentAsString()).contains("Your password is changed", user.getEmail());
		this.mvc.perform(formLogin("/login").userParameter("email").user(user.getEmail()).password(NEW_PASSWORD))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/entitlements"));
		this.mvc.perform(formLogin("/login").userParameter("email").user(user.getEmail()).password(OLD_PASSWORD))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/login?error"));
	}

	@Test
	void aUsedAnUnknownAReplacedAndAnExpiredLinkGetTheSameFriendlyPage() throws Exception {
		PortalUser used = user(UserStatus.ACTIVE);
		String usedPath = requestAndFollow(used);
		this.mvc.perform(post(usedPath).with(csrf()).param("password", NEW_PASSWORD).param("repeatPassword", NEW_PASSWORD));
		PortalUser replaced = user(UserStatus.ACTIVE);
		String replacedPath = requestAndFollow(replaced);
		this.resets.request(replaced.getEmail(), uniqueAddress());
		PortalUser expiring = user(UserStatus.ACTIVE);
		String expiredPath = requestAndFollow(expiring);

		MvcResult usedAnswer = this.mvc.perform(get(usedPath)).andReturn();
		MvcResult unknownAnswer = this.mvc.perform(get("/password-reset/NoSuchTokenWasEverIssued")).andReturn();
		MvcResult replacedAnswer = this.mvc.perform(get(replacedPath)).andReturn();
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(61))));
		MvcResult expiredAnswer = this.mvc.perform(get(expiredPath)).andReturn();
		MvcResult expiredPost = this.mvc.perform(post(expiredPath).with(csrf()).param("password", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD)).andReturn();

		for (MvcResult answer : List.of(usedAnswer, unknownAnswer, replacedAnswer, expiredAnswer, expiredPost)) {
			assertThat(answer.getResponse().getStatus()).isEqualTo(404);
			assertThat(answer.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(answer.getResponse().getContentAsString()).contains("This link is no longer valid",
					"Forgot Password?").isEqualTo(unknownAnswer.getResponse().getContentAsString());
		}
		assertThat(this.passwordEncoder.matches(OLD_PASSWORD, passwordHashOf(expiring))).isTrue();
	}

	/**
	 * Two browsers of the user and one of a colleague, each over real HTTP with its own cookie, so that every
	 * request reads its session from the database; the reset itself goes through the emailed link.
	 */
	@Test
	void aNewPasswordEndsEveryOtherSessionOfTheUserAndTheirNextRequestGoesToTheLoginPage() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		HttpBrowser office = loggedIn(user, OLD_PASSWORD);
		HttpBrowser laptop = loggedIn(user, OLD_PASSWORD);
		PortalUser colleague = user(UserStatus.ACTIVE);
		HttpBrowser colleagues = loggedIn(colleague, OLD_PASSWORD);
		assertThat(office.get("/entitlements").status()).isEqualTo(200);
		assertThat(laptop.get("/entitlements").status()).isEqualTo(200);
		String path = requestAndFollow(user);

		// The reset happens logged out, in a browser of its own: every session the user has ends.
		HttpBrowser resetting = new HttpBrowser(baseUrl());
		assertThat(resetting.get(path).body()).contains("Choose a new password");
		Page done = resetting.post(path, Map.of("password", NEW_PASSWORD, "repeatPassword", NEW_PASSWORD));
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.body()).contains("Your password is changed");

		for (HttpBrowser ended : List.of(office, laptop)) {
			assertThat(ended.get("/entitlements").redirectPath()).isEqualTo("/login?expired");
			assertThat(ended.get("/login?expired").body())
				.contains("You were logged out because the password of your user was changed.");
			assertThat(ended.get("/entitlements").redirectPath()).as("still logged out").isEqualTo("/login");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from SPRING_SESSION where PRINCIPAL_NAME = ?",
				Integer.class, user.getEmail())).as("the ended sessions are gone from the session table").isZero();
		assertThat(colleagues.get("/entitlements").status()).as("another user's session stays").isEqualTo(200);
		assertThat(resetting.get("/entitlements").redirectPath()).as("the reset logs nobody in").isEqualTo("/login");
		assertThat(office.logIn(user.getEmail(), OLD_PASSWORD).redirectPath()).isEqualTo("/login?error");
		assertThat(office.logIn(user.getEmail(), NEW_PASSWORD).redirectPath())
			.as("back where the ended session was sent to the login page").isEqualTo("/entitlements?continue");
		assertThat(office.get("/entitlements").status()).isEqualTo(200);
	}

	@Test
	void aResetFromASessionLoggedInAsTheUserKeepsThatSessionAndEndsTheOthers() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		HttpBrowser here = loggedIn(user, OLD_PASSWORD);
		HttpBrowser elsewhere = loggedIn(user, OLD_PASSWORD);
		String path = requestAndFollow(user);

		here.get(path);
		assertThat(here.post(path, Map.of("password", NEW_PASSWORD, "repeatPassword", NEW_PASSWORD)).body())
			.contains("Your password is changed");

		assertThat(here.get("/entitlements").status()).isEqualTo(200);
		assertThat(elsewhere.get("/entitlements").redirectPath()).isEqualTo("/login?expired");
	}

	private HttpBrowser loggedIn(PortalUser user, String password) {
		HttpBrowser browser = new HttpBrowser(baseUrl());
		assertThat(browser.logIn(user.getEmail(), password).redirectPath()).isEqualTo("/entitlements");
		return browser;
	}

	/** Asks for a reset, sends the email, and answers the path of the link in it. */
	private String requestAndFollow(PortalUser user) throws Exception {
		int before = MailReader.to(greenMail(), user.getEmail()).size();
		this.resets.request(user.getEmail(), uniqueAddress());
		ProcessJobs.executeDue(this.management, resetOf(user).getId());
		String link = MailReader.link(MailReader.waitFor(greenMail(), user.getEmail(), before + 1).get(before),
				"/password-reset/");
		return link.substring(link.indexOf("/password-reset/"));
	}

	private void assertRefused(String path, String password, String repeated, String message) throws Exception {
		MvcResult refused = this.mvc.perform(post(path).with(csrf()).param("password", password)
			.param("repeatPassword", repeated)).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(422);
		assertThat(refused.getResponse().getContentAsString()).contains(message, "Choose a new password");
	}

	private static MockHttpServletRequestBuilder forgot(String email, String clientAddress) {
		return post("/forgot-password").with(csrf()).with(from(clientAddress)).param("email", email);
	}

	private static RequestPostProcessor from(String clientAddress) {
		return request -> {
			request.setRemoteAddr(clientAddress);
			return request;
		};
	}

}
