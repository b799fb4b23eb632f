package com.licensingportal.license;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * bpmn/license-expiry-reminder.bpmn with the engine clock under control: who gets a digest, what it lists,
 * that nothing is announced twice for the same threshold, and that a day with nothing new sends nothing.
 */
class LicenseExpiryReminderProcessTest extends PortalIntegrationTest {

	private static final String PROCESS = "license-expiry-reminder";

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ManagementService management;

	@Value("${portal.license-expiry.reminder-cycle}")
	String configuredCycle;

	@BeforeEach
	void engine() {
		init(this.engine);
	}

	/**
	 * Back to the real clock, and the next timer where the real clock puts it: firing the timer with the
	 * clock moved ahead scheduled the next run from that later day, and the database keeps it.
	 */
	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		this.management.setJobDuedate(timer().getId(), new CycleBusinessCalendar().resolveDuedate(this.configuredCycle));
	}

	@Test
	void theTimerStartEventFiresDailyOnTheConfiguredCycle() {
		String cycle = ((TimerEntity) timer()).getRepeat();
		Date next = new CycleBusinessCalendar().resolveDuedate(cycle);

		assertThat(cycle).isEqualTo(this.configuredCycle).isEqualTo("0 0 6 * * ?");
		assertThat(next).isAfter(new Date()).isBefore(Date.from(Instant.now().plus(Duration.ofDays(1))));
		assertThat(new CycleBusinessCalendar().resolveDuedate(cycle, next))
			.isEqualTo(Date.from(next.toInstant().plus(Duration.ofDays(1))));
	}

	@Test
	void administratorsGetOneDigestPerAccountAndEachLineItemOncePerThreshold() throws Exception {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		LocalDate today = LocalDate.now();
		Account account = fixtures.customer(LicenseFixtures.unique("Ember Logistics"));
		PortalUser firstAdmin = fixtures.user("eadmin", account, UserType.CUSTOMER_ADMINISTRATOR);
		PortalUser secondAdmin = fixtures.user("eadmin2", account, UserType.CUSTOMER_ADMINISTRATOR);
		PortalUser user = fixtures.user("euser", account, UserType.CUSTOMER_USER);
		Account calm = fixtures.customer(LicenseFixtures.unique("Fjord Museum"));
		PortalUser calmAdmin = fixtures.user("fadmin", calm, UserType.CUSTOMER_ADMINISTRATOR);
		Product product = fixtures.product("EXP");
		LineItem inTwenty = fixtures.lineItem(account, product, 8, today.plusDays(20));
		LineItem inFive = fixtures.lineItem(account, product, 3, today.plusDays(5));
		LineItem inSixty = fixtures.lineItem(account, product, 4, today.plusDays(60));
		LineItem permanent = fixtures.lineItem(account, product, 4, null);
		LineItem expired = fixtures.lineItem(account, product, 4, today.minusDays(1));
		LineItem usedUp = fixtures.lineItem(account, product, 2, today.plusDays(10));
		fixtures.activateOnNewDevice(usedUp, 2, "EMBER-NVR");
		fixtures.lineItem(calm, product, 9, today.plusDays(45));

		ProcessInstance first = startByTimer();
		assertThat(first).isWaitingAt("CollectExpiringLicenses");
		ProcessJobs.executeDue(this.management, first.getId());
		assertThat(first).hasPassedInOrder("EveryDay", "CollectExpiringLicenses", "AnythingToAnnounce", "SendExpiryDigests",
				"RemindersSent")
			.hasPassed("DigestReady", "SendExpiryDigest", "DigestSent")
			.hasNotPassed("NothingExpiring")
			.isEnded();

		for (PortalUser admin : List.of(firstAdmin, secondAdmin)) {
			List<MimeMessage> mails = mailsTo(admin, 1);
			assertThat(mails).hasSize(1);
			assertThat(mails.get(0).getSubject()).isEqualTo("Licenses of " + account.getName() + " expire soon");
			String text = text(mails.get(0), "text/plain");
			String week = text.substring(text.indexOf("Expiring within 7 days:"), text.indexOf("Expiring within 30 days:"));
			String month = text.substring(text.indexOf("Expiring within 30 days:"));
			assertThat(week).contains("- " + inFive.getActivationId() + "  " + product.getPartNumber() + " 7.14  3 channels left  expires "
					+ inFive.getExpiresOn() + " (in 5 days)").doesNotContain(inTwenty.getActivationId());
			assertThat(month).contains("- " + inTwenty.getActivationId() + "  " + product.getPartNumber()
					+ " 7.14  8 channels left  expires " + inTwenty.getExpiresOn() + " (in 20 days)");
			assertThat(text).startsWith("Hello eadmin").contains(account.getAccountNumber())
				.doesNotContain(inSixty.getActivationId(), permanent.getActivationId(), expired.getActivationId(),
						usedUp.getActivationId());
			assertThat(text(mails.get(0), "text/html")).contains(inFive.getActivationId(), inTwenty.getActivationId(),
					"Expiring within 7 days", "Expiring within 30 days");
		}
		assertThat(mailsTo(user, 0)).isEmpty();
		assertThat(mailsTo(calmAdmin, 0)).isEmpty();

		// The same day again: nothing new to announce.
		ProcessInstance second = startByTimer();
		ProcessJobs.executeDue(this.management, second.getId());
		assertThat(second).hasPassedInOrder("EveryDay", "CollectExpiringLicenses", "AnythingToAnnounce", "NothingExpiring")
			.hasNotPassed("SendExpiryDigests", "SendExpiryDigest", "RemindersSent")
			.isEnded();
		assertThat(mailsTo(firstAdmin, 1)).hasSize(1);

		// Two weeks on, the 20-day license is within a week: announced again, now for 7 days; the 5-day one has expired.
		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(14))));
		ProcessInstance third = startByTimer();
		ProcessJobs.executeDue(this.management, third.getId());
		List<MimeMessage> later = mailsTo(firstAdmin, 2);
		assertThat(later).hasSize(2);
		String laterText = text(later.get(1), "text/plain");
		assertThat(laterText).contains("Expiring within 7 days:", inTwenty.getActivationId() + "  ", "(in 6 days)")
			.doesNotContain("Expiring within 30 days:", inFive.getActivationId());

		ProcessInstance fourth = startByTimer();
		ProcessJobs.executeDue(this.management, fourth.getId());
		assertThat(fourth).hasPassed("NothingExpiring");
		assertThat(mailsTo(firstAdmin, 2)).hasSize(2);
		assertThat(mailsTo(secondAdmin, 2)).hasSize(2);
	}

	private ProcessInstance startByTimer() {
		return ProcessJobs.fireTimerStart(this.engine, PROCESS);
	}

	private Job timer() {
		return ProcessJobs.timerStart(this.engine, PROCESS);
	}

	/** The messages to the user, after waiting a little for {@code expected} of them. */
	private static List<MimeMessage> mailsTo(PortalUser user, int expected) throws Exception {
		List<MimeMessage> mails = List.of();
		for (int attempt = 0; attempt < 50; attempt++) {
			mails = new ArrayList<>();
			for (MimeMessage message : greenMail().getReceivedMessages()) {
				if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(user.getEmail())) {
					mails.add(message);
				}
			}
			if (mails.size() >= expected) {
				break;
			}
			Thread.sleep(100);
		}
		return mails;
	}

	private static String text(Part part, String mimeType) throws Exception {
		if (part.isMimeType(mimeType)) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = text(child, mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
