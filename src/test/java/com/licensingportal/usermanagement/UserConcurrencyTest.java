package com.licensingportal.usermanagement;

import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.licensingportal.token.PersonalAccessTokenService;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserFixtures.Org;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two requests at the same moment: one link clicked twice, two administrators removing the last two admins. */
class UserConcurrencyTest extends UserTestSupport {

	@Autowired
	InvitationService invitations;

	@Autowired
	HistoryService history;

	@Autowired
	PersonalAccessTokenService tokens;

	@Autowired
	JdbcTemplate jdbc;

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
		PortalUser invited = createdUser(admin.getId(),
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
			.satisfies(refused -> assertThat(refused.failure()).isInstanceOfSatisfying(RefusedException.class,
					conflict -> assertThat(conflict.kind()).isEqualTo(RefusedException.Kind.CONFLICT)));
		long remaining = List.of(firstCustomerAdmin, secondCustomerAdmin)
			.stream()
			.filter(admin -> this.users.existsById(admin.getId()))
			.count();
		assertThat(remaining).isEqualTo(1);
	}

	/**
	 * The second request for the email waits at the email's creation limit until the first one's user is
	 * committed, then finds that user among the administrator's own and answers 409 as for any existing user of
	 * theirs: one user, no 500.
	 */
	@Test
	void theSameEmailCreatedTwiceAtOnceIsOneUserAndA409() throws Exception {
		PortalUser admin = this.fixtures().activeUserWithoutPassword(this.org.partner(), UserType.PARTNER_ADMINISTRATOR);
		String token = this.tokens.issue(admin.getId(), "race", Duration.ofHours(1)).secret();
		String email = UserFixtures.uniqueEmail("twin");
		CountDownLatch firstInserted = new CountDownLatch(1);
		CountDownLatch secondWaits = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = pool.submit(() -> this.transaction.executeWithoutResult(status -> {
				this.userService.create(admin.getId(), new UserProfile(email, "Tina", "First", null, null, null),
						List.of(new AccountRoles(this.org.customer().getId(), UserType.CUSTOMER_USER.roles())));
				firstInserted.countDown();
				awaitLatch(secondWaits);
			}));
			assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
			Future<ApiClient.Answer> second = pool.submit(() -> new ApiClient(baseUrl()).postJson("/api/v1/users", token, """
					{"email": "%s", "firstName": "Tom", "lastName": "Second",
					 "accounts": [{"accountId": %d, "roles": ["END_USER"]}]}""".formatted(email, this.org.customer().getId())));
			// The second request is under way and waits for the first transaction at the email's limit.
			await().atMost(Duration.ofSeconds(30)).until(() -> limitLocksWaiting() > 0);
			secondWaits.countDown();
			first.get(60, TimeUnit.SECONDS);
			ApiClient.Answer refused = second.get(60, TimeUnit.SECONDS);

			assertThat(refused.status()).as(refused.body()).isEqualTo(409);
			assertThat(refused.json().get("detail").asText()).startsWith(email + " is already a user of your accounts.");
			assertThat(this.users.findByEmail(email)).get().extracting(PortalUser::getLastName).isEqualTo("First");
		}
		finally {
			secondWaits.countDown();
			pool.shutdownNow();
		}
	}

	/** Statements on limit_lock that are running now: one that waits for a key's lock stays there. */
	private int limitLocksWaiting() {
		String h2 = "select count(*) from information_schema.sessions where lower(executing_statement) like 'update limit_lock%'"
				+ " or lower(executing_statement) like 'insert into limit_lock%'";
		String mysql = "select count(*) from information_schema.processlist where lower(info) like 'insert into limit_lock%'";
		boolean isH2 = Boolean.TRUE.equals(this.jdbc.execute((java.sql.Connection connection) -> connection.getMetaData()
			.getDatabaseProductName()
			.equals("H2")));
		Integer count = this.jdbc.queryForObject(isH2 ? h2 : mysql, Integer.class);
		return count == null ? 0 : count;
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
