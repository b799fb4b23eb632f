package com.licensingportal.user;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.UserFixtures.Org;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Two requests at the same moment: one link clicked twice, two administrators removing the last two admins. */
class UserConcurrencyTest extends UserTestSupport {

	@Autowired
	InvitationService invitations;

	@Autowired
	HistoryService history;

	Org org;

	@BeforeEach
	void setUp() {
		this.org = this.fixtures().org();
	}

	@AfterEach
	void endInvitations() {
		this.fixtures().endInvitationsIn(this.org, this.runtime);
	}

	@Test
	void aLinkSubmittedTwiceAtOnceIsAcceptedOnce() throws Exception {
		PortalUser admin = this.fixtures().activeUserWithoutPassword(this.org.partner(), UserType.PARTNER_ADMINISTRATOR);
		PortalUser invited = this.userService.create(admin.getId(),
				new UserProfile(UserFixtures.uniqueEmail("twice"), "Tom", "Twice", null, null, null),
				List.of(new AccountRoles(this.org.customer().getId(), UserType.CUSTOMER_USER.roles())));
		String processInstanceId = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(String.valueOf(invited.getId()))
			.singleResult()
			.getId();
		ProcessJobs.executeDue(this.management, processInstanceId);
		String token = InvitationMails.token(InvitationMails.awaitNth(greenMail(), invited.getEmail(), 1));

		List<Outcome> outcomes = atOnce(() -> {
			this.invitations.accept(token, "Double-Click-Password-1");
			return null;
		}, () -> {
			this.invitations.accept(token, "Double-Click-Password-2");
			return null;
		});

		assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
		assertThat(this.fixtures().reload(invited.getId()).getStatus()).isEqualTo(UserStatus.ACTIVE);
		assertThat(this.history.createHistoricActivityInstanceQuery()
			.processInstanceId(processInstanceId)
			.activityId("InvitationAccepted")
			.count()).isEqualTo(1);
	}

	@Test
	void twoAdministratorsRemovingTheLastTwoAdminsAtOnceLeaveOne() throws Exception {
		PortalUser firstPartnerAdmin = this.fixtures().activeUserWithoutPassword(this.org.partner(),
				UserType.PARTNER_ADMINISTRATOR);
		PortalUser secondPartnerAdmin = this.fixtures().activeUserWithoutPassword(this.org.partner(),
				UserType.PARTNER_ADMINISTRATOR);
		PortalUser firstCustomerAdmin = this.fixtures().activeUserWithoutPassword(this.org.customer(),
				UserType.CUSTOMER_ADMINISTRATOR);
		PortalUser secondCustomerAdmin = this.fixtures().activeUserWithoutPassword(this.org.customer(),
				UserType.CUSTOMER_ADMINISTRATOR);

		List<Outcome> outcomes = atOnce(
				() -> this.userService.delete(firstPartnerAdmin.getId(), List.of(firstCustomerAdmin.getId())),
				() -> this.userService.delete(secondPartnerAdmin.getId(), List.of(secondCustomerAdmin.getId())));

		assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
		assertThat(outcomes).filteredOn(outcome -> !outcome.succeeded())
			.singleElement()
			.satisfies(refused -> assertThat(refused.failure()).isInstanceOf(UserChangeRefusedException.class));
		long remaining = List.of(firstCustomerAdmin, secondCustomerAdmin)
			.stream()
			.filter(admin -> this.users.existsById(admin.getId()))
			.count();
		assertThat(remaining).isEqualTo(1);
	}

	record Outcome(Throwable failure) {

		boolean succeeded() {
			return this.failure == null;
		}

	}

	private static List<Outcome> atOnce(Callable<?> first, Callable<?> second) throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Outcome>> futures = new ArrayList<>();
			for (Callable<?> work : List.of(first, second)) {
				futures.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					try {
						work.call();
						return new Outcome(null);
					}
					catch (Exception ex) {
						return new Outcome(ex);
					}
				}));
			}
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> future : futures) {
				outcomes.add(future.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
