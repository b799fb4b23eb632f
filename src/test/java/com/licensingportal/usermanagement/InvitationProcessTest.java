package com.licensingportal.usermanagement;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.LinkToken;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserFixtures.Org;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.licensingportal.usermanagement.InvitationMails.awaitNth;
import static com.licensingportal.usermanagement.InvitationMails.subject;
import static com.licensingportal.usermanagement.InvitationMails.text;
import static com.licensingportal.usermanagement.InvitationMails.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/** Every path of bpmn/user-invitation.bpmn, driven like the diagram reads, with the real emails. */
class InvitationProcessTest extends UserTestSupport {

	/** Every dead link gets the same refusal: gone. */
	private static final Consumer<RefusedException> LINK_GONE = refused -> assertThat(refused.kind())
		.isEqualTo(RefusedException.Kind.GONE);

	private static final String NEW_PASSWORD = "Correct-Horse-Battery-9";

	@Autowired
	ProcessEngine engine;

	@Autowired
	HistoryService history;

	@Autowired
	InvitationService invitations;

	@Autowired
	JdbcTemplate jdbc;

	Org org;

	PortalUser admin;

	@BeforeEach
	void setUp() {
		init(this.engine);
		this.org = this.fixtures().org();
		this.admin = this.fixtures().activeUser(this.org.partner(), UserType.PARTNER_ADMINISTRATOR);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		this.fixtures().endInvitationsIn(this.org, this.runtime);
	}

	@Test
	void acceptedTheUserSetsAPasswordAndIsWelcomed() {
		PortalUser invited = invite();
		ProcessInstance pi = invitationOf(invited);
		assertThat(pi).isWaitingAt("SendInvitation");

		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).isWaitingAt("WaitForAcceptance");
		MimeMessage invitation = awaitNth(greenMail(), invited.getEmail(), 1);
		assertThat(subject(invitation)).isEqualTo("You are invited to the Licensing Portal");
		assertThat(text(invitation)).contains(this.admin.getDisplayName(), this.org.customer().getName(),
				"/invitations/");
		String token = token(invitation);
		assertThat(storedTokenHashes(invited)).containsExactly(LinkToken.hash(token)).doesNotContain(token);
		assertThat(processVariablesContain(pi, token)).isFalse();

		this.invitations.accept(token, NEW_PASSWORD);
		assertThat(pi).hasPassed("InvitationAccepted").isWaitingAt("SendWelcome");
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("SendWelcome", "UserActivated").isEnded();
		PortalUser active = this.fixtures().reload(invited.getId());
		assertThat(active.getStatus()).isEqualTo(UserStatus.ACTIVE);
		assertThat(this.passwordEncoder.matches(NEW_PASSWORD, active.getPasswordHash())).isTrue();
		assertThat(subject(awaitNth(greenMail(), invited.getEmail(), 2))).isEqualTo("Welcome to the Licensing Portal");
		assertThat(storedTokenHashes(invited)).isEmpty();
		assertThatThrownBy(() -> this.invitations.accept(token, NEW_PASSWORD))
			.isInstanceOfSatisfying(RefusedException.class, LINK_GONE);
	}

	@Test
	void reminderAfterThreeDaysThenAccepted() {
		PortalUser invited = invite();
		ProcessInstance pi = invitationOf(invited);
		ProcessJobs.executeDue(this.management, pi.getId());
		String firstToken = token(awaitNth(greenMail(), invited.getEmail(), 1));

		moveClock(Duration.ofDays(3).plusMinutes(1));
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("ReminderDue", "SendInvitationReminder", "ReminderSent").isWaitingAt("WaitForAcceptance");
		MimeMessage reminder = awaitNth(greenMail(), invited.getEmail(), 2);
		assertThat(subject(reminder)).isEqualTo("Reminder: your invitation to the Licensing Portal");
		String reminderToken = token(reminder);
		assertThat(reminderToken).isNotEqualTo(firstToken);
		assertThat(this.invitations.find(firstToken)).isPresent();
		assertThat(this.invitations.find(reminderToken)).isPresent();

		this.invitations.accept(reminderToken, NEW_PASSWORD);
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("InvitationAccepted", "UserActivated").isEnded();
		assertThat(this.invitations.find(firstToken)).isEmpty();
		assertThat(this.fixtures().reload(invited.getId()).getStatus()).isEqualTo(UserStatus.ACTIVE);
	}

	@Test
	void expiredAfterSevenDaysTheInviterIsToldAndTheUserStaysInvited() {
		PortalUser invited = invite();
		ProcessInstance pi = invitationOf(invited);
		ProcessJobs.executeDue(this.management, pi.getId());
		String token = token(awaitNth(greenMail(), invited.getEmail(), 1));
		assertThat(text(awaitNth(greenMail(), invited.getEmail(), 1))).containsPattern("expires on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");

		moveClock(Duration.ofDays(3).plusMinutes(1));
		ProcessJobs.executeDue(this.management, pi.getId());
		moveClock(Duration.ofDays(7).plusMinutes(1));
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("InvitationExpires", "ExpireInvitation", "SendExpiryNotice", "InvitationExpired")
			.hasNotPassed("InvitationAccepted")
			.isEnded();
		MimeMessage notice = awaitNth(greenMail(), this.admin.getEmail(), 1);
		assertThat(subject(notice)).isEqualTo("Invitation for " + invited.getDisplayName() + " expired");
		assertThat(text(notice)).contains(invited.getEmail(), this.org.customer().getName(), "Resend invitation",
				"/users/" + invited.getId());
		assertThat(this.fixtures().reload(invited.getId()).getStatus()).isEqualTo(UserStatus.INVITED);
		assertThat(storedTokenHashes(invited)).isEmpty();
		assertThat(this.invitations.find(token)).isEmpty();
		assertThatThrownBy(() -> this.invitations.accept(token, NEW_PASSWORD))
			.isInstanceOfSatisfying(RefusedException.class, LINK_GONE);
	}

	@Test
	void aLinkPastItsExpiryIsRefusedEvenBeforeTheTimerJobRan() {
		PortalUser invited = invite();
		ProcessInstance pi = invitationOf(invited);
		ProcessJobs.executeDue(this.management, pi.getId());
		String token = token(awaitNth(greenMail(), invited.getEmail(), 1));

		moveClock(Duration.ofDays(7).plusMinutes(1));

		assertThat(this.invitations.find(token)).isEmpty();
		assertThatThrownBy(() -> this.invitations.accept(token, NEW_PASSWORD))
			.isInstanceOfSatisfying(RefusedException.class, LINK_GONE);
		assertThat(this.fixtures().reload(invited.getId()).getStatus()).isEqualTo(UserStatus.INVITED);
	}

	@Test
	void resentTheOldLinkIsRefusedAtOnceAndTheNewOneAccepted() {
		PortalUser invited = invite();
		ProcessInstance pi = invitationOf(invited);
		ProcessJobs.executeDue(this.management, pi.getId());
		String oldToken = token(awaitNth(greenMail(), invited.getEmail(), 1));

		this.userService.resendInvitation(this.admin.getId(), invited.getId());

		assertThat(this.invitations.find(oldToken)).isEmpty();
		assertThat(pi).hasPassed("InvitationResent").isWaitingAt("SendInvitation");
		ProcessJobs.executeDue(this.management, pi.getId());
		String newToken = token(awaitNth(greenMail(), invited.getEmail(), 2));
		assertThat(newToken).isNotEqualTo(oldToken);
		assertThatThrownBy(() -> this.invitations.accept(oldToken, NEW_PASSWORD))
			.isInstanceOfSatisfying(RefusedException.class, LINK_GONE);

		this.invitations.accept(newToken, NEW_PASSWORD);
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("InvitationAccepted", "UserActivated").isEnded();
		assertThat(this.fixtures().reload(invited.getId()).getStatus()).isEqualTo(UserStatus.ACTIVE);
	}

	@Test
	void resendingAnExpiredInvitationStartsANewOne() {
		PortalUser invited = invite();
		ProcessInstance expired = invitationOf(invited);
		ProcessJobs.executeDue(this.management, expired.getId());
		moveClock(Duration.ofDays(3).plusMinutes(1));
		ProcessJobs.executeDue(this.management, expired.getId());
		moveClock(Duration.ofDays(7).plusMinutes(1));
		ProcessJobs.executeDue(this.management, expired.getId());
		assertThat(expired).isEnded();

		this.userService.resendInvitation(this.admin.getId(), invited.getId());
		ProcessInstance renewed = invitationOf(invited);
		assertThat(renewed.getId()).isNotEqualTo(expired.getId());
		ProcessJobs.executeDue(this.management, renewed.getId());
		String token = token(awaitNth(greenMail(), invited.getEmail(), 3));

		this.invitations.accept(token, NEW_PASSWORD);
		ProcessJobs.executeDue(this.management, renewed.getId());
		assertThat(renewed).hasPassed("UserActivated").isEnded();
	}

	@Test
	void deletedWhilePendingTheProcessEndsCleanly() {
		PortalUser invited = invite();
		ProcessInstance pi = invitationOf(invited);
		ProcessJobs.executeDue(this.management, pi.getId());
		String token = token(awaitNth(greenMail(), invited.getEmail(), 1));

		this.userService.delete(this.admin.getId(), List.of(invited.getId()));

		assertThat(pi).hasPassed("UserDeleted", "InvitationWithdrawn").isEnded();
		assertThat(this.management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(this.users.findById(invited.getId())).isEmpty();
		assertThat(this.invitations.find(token)).isEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from link_token where user_id = ?", Long.class,
				invited.getId())).isZero();
	}

	@Test
	void deletedBeforeTheFirstEmailWentOutNoEmailGoesOut() {
		PortalUser invited = invite();
		ProcessInstance pi = invitationOf(invited);
		assertThat(pi).isWaitingAt("SendInvitation");

		this.userService.delete(this.admin.getId(), List.of(invited.getId()));

		assertThat(pi).hasPassed("InvitationWithdrawn").hasNotPassed("SendInvitation").isEnded();
		assertThat(this.management.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
		assertThat(InvitationMails.to(greenMail(), invited.getEmail())).isEmpty();
	}

	@Test
	void anInvitationFromOrderManagementTellsOrderManagementWhenItExpires() {
		PortalUser invited = this.userService.createAndInvite(
				new UserProfile(UserFixtures.uniqueEmail("registered"), "Rita", "Registrant", null, null, null),
				this.org.customer().getId(), UserType.CUSTOMER_ADMINISTRATOR, Inviter.ORDER_MANAGEMENT);
		ProcessInstance pi = invitationOf(invited);
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(text(awaitNth(greenMail(), invited.getEmail(), 1))).contains("Order Management invited you");
		String orderManagement = "order-management@licensing.example.com";
		int noticesBefore = InvitationMails.to(greenMail(), orderManagement).size();

		moveClock(Duration.ofDays(3).plusMinutes(1));
		ProcessJobs.executeDue(this.management, pi.getId());
		moveClock(Duration.ofDays(7).plusMinutes(1));
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("InvitationExpired").isEnded();
		MimeMessage notice = awaitNth(greenMail(), orderManagement, noticesBefore + 1);
		assertThat(text(notice)).startsWith("Hello Order Management").contains(invited.getEmail());
	}

	private PortalUser invite() {
		UserProfile profile = new UserProfile(UserFixtures.uniqueEmail("invited"), "Ina", UserFixtures.unique("Vited"),
				"+1 555 0100", null, null);
		return createdUser(this.admin.getId(), profile,
				List.of(new AccountRoles(this.org.customer().getId(), UserType.CUSTOMER_USER.roles())));
	}

	private ProcessInstance invitationOf(PortalUser user) {
		return this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(InvitationProcess.PROCESS_KEY)
			.processInstanceBusinessKey(String.valueOf(user.getId()))
			.list()
			.stream()
			.reduce((one, other) -> {
				throw new AssertionError("More than one running invitation for user " + user.getId());
			})
			.orElseThrow(() -> new AssertionError("No running invitation for user " + user.getId()));
	}

	private List<String> storedTokenHashes(PortalUser user) {
		return this.jdbc.queryForList("select token_hash from link_token where user_id = ? and purpose = 'INVITATION'", String.class,
				user.getId());
	}

	/** Whether any variable the engine stored, now or in history, holds the token. */
	private boolean processVariablesContain(ProcessInstance pi, String token) {
		return this.history.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.list()
			.stream()
			.anyMatch(variable -> String.valueOf(variable.getValue()).contains(token));
	}

	private static void moveClock(Duration fromNow) {
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(fromNow)));
	}

}
