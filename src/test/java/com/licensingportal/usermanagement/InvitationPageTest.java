package com.licensingportal.usermanagement;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserFixtures.Org;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static com.licensingportal.usermanagement.InvitationMails.awaitNth;
import static com.licensingportal.usermanagement.InvitationMails.html;
import static com.licensingportal.usermanagement.InvitationMails.invitationPath;
import static com.licensingportal.usermanagement.InvitationMails.subject;
import static com.licensingportal.usermanagement.InvitationMails.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The invitation email's link, taken out of the real message in GreenMail and followed. */
class InvitationPageTest extends UserTestSupport {

	private static final String PASSWORD = "Sunny-Harbor-Crane-42";

	Org org;

	PortalUser admin;

	@BeforeEach
	void setUp() {
		this.org = this.fixtures().org();
		this.admin = this.fixtures().activeUser(this.org.partner(), UserType.PARTNER_ADMINISTRATOR);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		this.fixtures().endInvitationsIn(this.org, this.runtime);
	}

	@Test
	void theEmailsLinkLeadsToThePasswordFormAndTheNewUserCanLogIn() throws Exception {
		PortalUser invited = inviteAndSend();
		MimeMessage email = awaitNth(greenMail(), invited.getEmail(), 1);
		assertThat(html(email)).contains("Accept the invitation", this.org.customer().getName(),
				this.admin.getDisplayName(), "Licensing Portal");
		String path = invitationPath(email);

		String page = this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains(invited.getDisplayName(), this.org.customer().getName(), invited.getEmail(),
				"readonly", "name=\"repeatPassword\"");

		MvcResult accepted = this.mvc.perform(post(path).with(csrf()).param("password", PASSWORD)
			.param("repeatPassword", PASSWORD)).andReturn();
		assertThat(accepted.getResponse().getStatus()).isEqualTo(200);
		assertThat(accepted.getResponse().getContentAsString()).contains("Your password is set");

		assertThat(this.fixtures().reload(invited.getId()).getStatus()).isEqualTo(UserStatus.ACTIVE);
		ProcessJobs.executeDue(this.management, processOf(invited));
		assertThat(subject(awaitNth(greenMail(), invited.getEmail(), 2))).isEqualTo("Welcome to the Licensing Portal");
		this.mvc.perform(formLogin("/login").userParameter("email").user(invited.getEmail()).password(PASSWORD))
			.andExpect(redirectedUrl("/entitlements"));
	}

	@Test
	void aFollowedLinkAnUnknownLinkAndAnExpiredLinkGetTheSameFriendlyPage() throws Exception {
		PortalUser used = inviteAndSend();
		String usedPath = invitationPath(awaitNth(greenMail(), used.getEmail(), 1));
		this.mvc.perform(post(usedPath).with(csrf()).param("password", PASSWORD).param("repeatPassword", PASSWORD));
		PortalUser expiring = inviteAndSend();
		String expiredPath = invitationPath(awaitNth(greenMail(), expiring.getEmail(), 1));

		MvcResult usedAnswer = this.mvc.perform(get(usedPath)).andReturn();
		MvcResult unknownAnswer = this.mvc.perform(get("/invitations/NoSuchTokenEverIssued")).andReturn();
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(8))));
		MvcResult expiredAnswer = this.mvc.perform(get(expiredPath)).andReturn();
		MvcResult expiredPost = this.mvc.perform(post(expiredPath).with(csrf()).param("password", PASSWORD)
			.param("repeatPassword", PASSWORD)).andReturn();

		for (MvcResult answer : List.of(usedAnswer, unknownAnswer, expiredAnswer, expiredPost)) {
			assertThat(answer.getResponse().getStatus()).isEqualTo(404);
			assertThat(answer.getResponse().getContentAsString()).contains("This link is no longer valid",
					"Resend invitation", "Order Management")
				.isEqualTo(unknownAnswer.getResponse().getContentAsString());
		}
		assertThat(this.fixtures().reload(expiring.getId()).getStatus()).isEqualTo(UserStatus.INVITED);
	}

	@Test
	void aPasswordThatBreaksARuleIsRefusedWithAClearMessageAndTheLinkStillWorks() throws Exception {
		PortalUser invited = inviteAndSend();
		String path = invitationPath(awaitNth(greenMail(), invited.getEmail(), 1));
		String localPart = invited.getEmail().substring(0, invited.getEmail().indexOf('@'));

		assertRefused(path, "Short-1", "Short-1", "at least 12 characters");
		assertRefused(path, "Prefix-" + localPart.toUpperCase(), "Prefix-" + localPart.toUpperCase(),
				"must not contain the first part of your email address");
		assertRefused(path, PASSWORD, PASSWORD + "x", "not the same");

		assertThat(this.fixtures().reload(invited.getId()).getStatus()).isEqualTo(UserStatus.INVITED);
		MvcResult accepted = this.mvc.perform(post(path).with(csrf()).param("password", PASSWORD)
			.param("repeatPassword", PASSWORD)).andReturn();
		assertThat(accepted.getResponse().getContentAsString()).contains("Your password is set");
	}

	@Test
	void afterAResendTheFirstEmailsLinkIsNoLongerValidAndTheNewOneWorks() throws Exception {
		PortalUser invited = inviteAndSend();
		String firstPath = invitationPath(awaitNth(greenMail(), invited.getEmail(), 1));

		this.userService.resendInvitation(this.admin.getId(), invited.getId());
		assertThat(this.mvc.perform(get(firstPath)).andReturn().getResponse().getContentAsString())
			.contains("This link is no longer valid");
		ProcessJobs.executeDue(this.management, processOf(invited));
		MimeMessage second = awaitNth(greenMail(), invited.getEmail(), 2);
		assertThat(text(second)).contains("invited you");

		MvcResult accepted = this.mvc.perform(post(invitationPath(second)).with(csrf()).param("password", PASSWORD)
			.param("repeatPassword", PASSWORD)).andReturn();
		assertThat(accepted.getResponse().getContentAsString()).contains("Your password is set");
	}

	private void assertRefused(String path, String password, String repeat, String message) throws Exception {
		MvcResult result = this.mvc.perform(post(path).with(csrf()).param("password", password)
			.param("repeatPassword", repeat)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(422);
		assertThat(result.getResponse().getContentAsString()).contains(message);
	}

	private PortalUser inviteAndSend() {
		PortalUser invited = createdUser(this.admin.getId(),
				new UserProfile(UserFixtures.uniqueEmail("page"), "Paige", UserFixtures.unique("Reader"), null, null,
						null),
				List.of(new AccountRoles(this.org.customer().getId(), UserType.CUSTOMER_USER.roles())));
		ProcessJobs.executeDue(this.management, processOf(invited));
		return invited;
	}

	private String processOf(PortalUser user) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.singleResult()
			.getId();
	}

}
