package com.licensingportal.passwordreset;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

import com.licensingportal.mail.MailReader;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.security.LoginLockout;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.InvalidLinkException;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;

import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/** Every path of bpmn/password-reset.bpmn, driven like the diagram reads, with the real emails. */
class PasswordResetProcessTest extends PasswordResetTestSupport {

	/** Every dead link gets the same refusal: gone. */
	private static final Consumer<RefusedException> LINK_GONE = refused -> assertThat(refused.kind())
		.isEqualTo(RefusedException.Kind.GONE);

	@Autowired
	ProcessEngine engine;

	@Autowired
	HistoryService history;

	@Autowired
	LoginLockout lockout;

	@BeforeEach
	void setUp() {
		init(this.engine);
	}

	@Test
	void completedTheNewPasswordIsSetTheLinkDiesAndAConfirmationGoesOut() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		this.resets.request(user.getEmail().toUpperCase(), uniqueAddress());
		ProcessInstance pi = resetOf(user);
		assertThat(pi).isWaitingAt("SendPasswordResetLink");

		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).isWaitingAt("WaitForNewPassword");
		MimeMessage mail = MailReader.waitFor(greenMail(), user.getEmail());
		assertThat(mail.getSubject()).isEqualTo("Reset your Licensing Portal password");
		assertThat(MailReader.text(mail)).contains("Hello Rosa", user.getEmail(), "works once and until",
				"If you did not ask for this, ignore this email");
		assertThat(MailReader.text(mail)).containsPattern("until \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC");
		assertThat(MailReader.html(mail)).contains("Choose a new password", "/password-reset/");
		String token = tokenOf(mail);
		assertThat(storedTokenHashes(user)).hasSize(1).doesNotContain(token);
		assertThat(this.history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
			.noneMatch(variable -> String.valueOf(variable.getValue()).contains(token));
		assertThat(this.resets.find(token)).hasValueSatisfying(open -> assertThat(open.email()).isEqualTo(user.getEmail()));

		this.resets.reset(token, NEW_PASSWORD, null);

		assertThat(pi).hasPassed("WaitForNewPassword", "NewPasswordSet", "EndOtherSessions")
			.isWaitingAt("SendPasswordChanged");
		assertThat(this.passwordEncoder.matches(NEW_PASSWORD, passwordHashOf(user))).isTrue();
		assertThat(storedTokenHashes(user)).isEmpty();
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).hasPassed("SendPasswordChanged", "PasswordChanged").isEnded();
		MimeMessage confirmation = MailReader.waitFor(greenMail(), user.getEmail(), 2).get(1);
		assertThat(confirmation.getSubject()).isEqualTo("Your Licensing Portal password was changed");
		assertThat(MailReader.text(confirmation)).contains("was changed on", "you have been logged out", "/login",
				"Forgot Password?");
		assertThatThrownBy(() -> this.resets.reset(token, "Yet-Another-Password-3", null))
			.isInstanceOfSatisfying(RefusedException.class, LINK_GONE);
		assertThat(this.passwordEncoder.matches(NEW_PASSWORD, passwordHashOf(user))).isTrue();
	}

	@Test
	void expiredAfterAnHourTheLinkDiesAndThePasswordStays() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		this.resets.request(user.getEmail(), uniqueAddress());
		ProcessInstance pi = resetOf(user);
		ProcessJobs.executeDue(this.management, pi.getId());
		String token = tokenOf(MailReader.waitFor(greenMail(), user.getEmail()));

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(59))));
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).isWaitingAt("WaitForNewPassword");
		assertThat(this.resets.find(token)).isPresent();

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(61))));
		// Past its expiry the link is refused even before the timer job has run.
		assertThat(this.resets.find(token)).isEmpty();
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("ResetLinkExpires", "ExpirePasswordResetLink", "PasswordResetExpired")
			.hasNotPassed("EndOtherSessions")
			.isEnded();
		assertThat(storedTokenHashes(user)).isEmpty();
		assertThatThrownBy(() -> this.resets.reset(token, NEW_PASSWORD, null))
			.isInstanceOfSatisfying(RefusedException.class, LINK_GONE);
		assertThat(this.passwordEncoder.matches(OLD_PASSWORD, passwordHashOf(user))).isTrue();
		assertThat(MailReader.to(greenMail(), user.getEmail())).hasSize(1);
	}

	@Test
	void replacedANewRequestKillsTheOldLinkAtOnceAndGivesANewHour() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		this.resets.request(user.getEmail(), uniqueAddress());
		ProcessInstance pi = resetOf(user);
		ProcessJobs.executeDue(this.management, pi.getId());
		String oldToken = tokenOf(MailReader.waitFor(greenMail(), user.getEmail()));

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(40))));
		this.resets.request(user.getEmail(), uniqueAddress());

		assertThat(this.resets.find(oldToken)).isEmpty();
		assertThat(resetsOf(user)).extracting(ProcessInstance::getId).containsExactly(pi.getId());
		assertThat(pi).hasPassed("PasswordResetRequestedAgain").isWaitingAt("SendPasswordResetLink");
		ProcessJobs.executeDue(this.management, pi.getId());
		String newToken = tokenOf(MailReader.waitFor(greenMail(), user.getEmail(), 2).get(1));
		assertThat(newToken).isNotEqualTo(oldToken);
		assertThat(storedTokenHashes(user)).hasSize(1);
		assertThatThrownBy(() -> this.resets.reset(oldToken, NEW_PASSWORD, null))
			.isInstanceOfSatisfying(RefusedException.class, LINK_GONE);

		// The new link has an hour from the second request: 40 + 59 minutes after the first it still works.
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(99))));
		ProcessJobs.executeDue(this.management, pi.getId());
		assertThat(pi).isWaitingAt("WaitForNewPassword");
		this.resets.reset(newToken, NEW_PASSWORD, null);
		ProcessJobs.executeDue(this.management, pi.getId());

		assertThat(pi).hasPassed("EndOtherSessions", "PasswordChanged").hasNotPassed("PasswordResetExpired").isEnded();
		assertThat(this.passwordEncoder.matches(NEW_PASSWORD, passwordHashOf(user))).isTrue();
	}

	@Test
	void anUnknownEmailAnInvitedAndADisabledUserGetNothing() {
		PortalUser invited = user(UserStatus.INVITED);
		PortalUser disabled = user(UserStatus.DISABLED);
		String unknown = "nobody-" + invited.getId() + "@reset.example";

		for (String email : List.of(unknown, invited.getEmail(), disabled.getEmail())) {
			this.resets.request(email, uniqueAddress());
		}

		assertThat(resetsOf(invited)).isEmpty();
		assertThat(resetsOf(disabled)).isEmpty();
		assertThat(this.runtime.createProcessInstanceQuery()
			.processDefinitionKey(PasswordResetProcess.PROCESS_KEY)
			.variableValueEquals("email", unknown)
			.count()).isZero();
		assertThat(storedTokenHashes(invited)).isEmpty();
		assertThat(storedTokenHashes(disabled)).isEmpty();
	}

	@Test
	void aNewPasswordLiftsALoginLockoutOfTheEmail() throws Exception {
		PortalUser user = user(UserStatus.ACTIVE);
		String attacker = uniqueAddress();
		for (int i = 0; i < 10; i++) {
			this.lockout.recordFailure(user.getEmail(), attacker);
		}
		assertThat(this.lockout.isLocked(user.getEmail(), attacker)).isTrue();
		this.resets.request(user.getEmail(), uniqueAddress());
		ProcessJobs.executeDue(this.management, resetOf(user).getId());

		this.resets.reset(tokenOf(MailReader.waitFor(greenMail(), user.getEmail())), NEW_PASSWORD, null);

		assertThat(this.lockout.isLocked(user.getEmail(), attacker)).isFalse();
	}

	static String tokenOf(MimeMessage mail) throws Exception {
		return MailReader.link(mail, "/password-reset/").replaceAll(".*/password-reset/", "");
	}

}
