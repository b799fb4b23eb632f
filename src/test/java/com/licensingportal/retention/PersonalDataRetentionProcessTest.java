package com.licensingportal.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.Committed;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

/**
 * The nightly retention process on aged data: of each kind, what is past its retention is gone and what is not
 * stays; open requests, live links and sessions, and the license history stay whatever their age.
 */
class PersonalDataRetentionProcessTest extends PortalIntegrationTest {

	private static final String PROCESS = "personal-data-retention";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ManagementService management;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	private final String marker = UUID.randomUUID().toString().substring(0, 8);

	private final Instant now = Instant.now();

	private Job timer;

	@BeforeEach
	void engine() {
		init(this.engine);
		this.timer = timer();
	}

	@Test
	void whatIsPastItsRetentionGoesAndTheRestStays() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account account = fixtures.customer(LicenseFixtures.unique("Retention"));
		PortalUser user = fixtures.user("Retention", account, UserType.CUSTOMER_ADMINISTRATOR);
		LineItem license = fixtures.lineItem(account, fixtures.product(LicenseFixtures.unique("RET")), 5,
				LocalDate.now().plusYears(1));
		Committed.update(this.jdbc, "UPDATE license_event SET occurred_at = ? WHERE line_item_id = ?", ago(Duration.ofDays(3650)),
				license.getId());

		registration("rejected-long-ago", "REJECTED", Duration.ofDays(200), Duration.ofDays(100));
		registration("approved-long-ago", "APPROVED", Duration.ofDays(200), Duration.ofDays(91));
		registration("rejected-recently", "REJECTED", Duration.ofDays(20), Duration.ofDays(10));
		registration("open-for-long", "OPEN", Duration.ofDays(200), null);

		linkToken(user, "expired-long-ago", Duration.ofDays(-31));
		linkToken(user, "expired-recently", Duration.ofDays(-5));
		linkToken(user, "live", Duration.ofHours(1));

		rateLimitHit("two-days-old", Duration.ofDays(2));
		rateLimitHit("an-hour-old", Duration.ofHours(1));
		failedLogin("two-days-old", Duration.ofDays(2));
		failedLogin("an-hour-old", Duration.ofHours(1));
		limitLock("two-days-old", Duration.ofDays(2));
		limitLock("an-hour-old", Duration.ofHours(1));
		session("expired", -60_000);
		session("live", 1_800_000);

		ProcessInstance run = startByTimer();
		ProcessJobs.executeDue(this.management, run.getId());

		assertThat(run).hasPassed("EveryNight", "RemoveExpiredPersonalData", "PersonalDataRemoved").isEnded();
		assertThat(this.engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(run.getId())
			.variableName("removedRows")
			.singleResult()
			.getValue()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LONG).isGreaterThanOrEqualTo(6);

		assertThat(this.jdbc.queryForList("SELECT proof FROM registration_request WHERE proof LIKE ?", String.class,
				this.marker + "%")).containsExactlyInAnyOrder(this.marker + "-rejected-recently", this.marker + "-open-for-long");
		assertThat(this.jdbc.queryForList("SELECT token_hash FROM link_token WHERE user_id = ?", String.class, user.getId()))
			.containsExactlyInAnyOrder(hash("expired-recently"), hash("live"));
		assertThat(this.jdbc.queryForList("SELECT limit_key FROM rate_limit_hit WHERE limit_key LIKE ?", String.class,
				this.marker + "%")).containsExactly(this.marker + "-an-hour-old");
		assertThat(this.jdbc.queryForList("SELECT email FROM login_failure WHERE email LIKE ?", String.class,
				this.marker + "%")).containsExactly(this.marker + "-an-hour-old@retention.example");
		assertThat(this.jdbc.queryForList("SELECT limit_key FROM limit_lock WHERE limit_key LIKE ?", String.class,
				this.marker + "%")).containsExactly(this.marker + "-an-hour-old");
		assertThat(this.jdbc.queryForList("SELECT PRINCIPAL_NAME FROM SPRING_SESSION WHERE PRINCIPAL_NAME LIKE ?",
				String.class, this.marker + "%")).containsExactly(this.marker + "-live");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM license_event WHERE line_item_id = ?", Integer.class,
				license.getId())).as("license history, ten years old, stays: it is the audit trail").isEqualTo(1);
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM portal_user WHERE id = ?", Integer.class, user.getId()))
			.isEqualTo(1);
	}

	@Test
	void theTimerRunsOnTheConfiguredCycleOnOneNode() {
		assertThat(this.timer).as("one timer job for every node to share: the node that locks it runs it").isNotNull();
		assertThat(this.timer.getDuedate()).isAfter(java.util.Date.from(this.now.minusSeconds(5)));
		ProcessInstance run = startByTimer();
		ProcessJobs.executeDue(this.management, run.getId());
		assertThat(run).isEnded();
		assertThat(timer().getDuedate()).as("the next night's run").isAfter(java.util.Date.from(this.now));
	}

	private void registration(String name, String status, Duration submitted, Duration decided) {
		String email = this.marker + "-" + name + "@retention.example";
		Committed.update(this.jdbc, "INSERT INTO registration_request (email, first_name, last_name, phone, organisation, account_type,"
				+ " proof, status, open_email, submitted_at, decided_at) VALUES (?, 'Ret', 'Ention', '+1 555 0100', 'Ret Org',"
				+ " 'CUSTOMER', ?, ?, ?, ?, ?)", email, this.marker + "-" + name, status, "OPEN".equals(status) ? email : null,
				ago(submitted), decided == null ? null : ago(decided));
	}

	private void linkToken(PortalUser user, String name, Duration expiresIn) {
		Committed.update(this.jdbc, "INSERT INTO link_token (user_id, token_hash, issued_at, expires_at, purpose)"
				+ " VALUES (?, ?, ?, ?, 'PASSWORD_RESET')", user.getId(), hash(name), ago(Duration.ofDays(60)),
				ago(expiresIn.negated()));
	}

	private void rateLimitHit(String name, Duration age) {
		Committed.update(this.jdbc, "INSERT INTO rate_limit_hit (limit_name, limit_key, hit_at) VALUES ('retention-test', ?, ?)",
				this.marker + "-" + name, ago(age));
	}

	private void failedLogin(String name, Duration age) {
		Committed.update(this.jdbc, "INSERT INTO login_failure (email, client_address, failed_at) VALUES (?, '127.0.0.1', ?)",
				this.marker + "-" + name + "@retention.example", ago(age));
	}

	private void limitLock(String name, Duration age) {
		Committed.update(this.jdbc, "INSERT INTO limit_lock (limit_name, limit_key, used_at) VALUES ('retention-test', ?, ?)",
				this.marker + "-" + name, ago(age));
	}

	private void session(String name, long expiresInMillis) {
		long millis = this.now.toEpochMilli();
		Committed.update(this.jdbc, "INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,"
				+ " MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME) VALUES (?, ?, ?, ?, 1800, ?, ?)",
				UUID.randomUUID().toString(), UUID.randomUUID().toString(), millis - 3_600_000, millis - 1_800_000,
				millis + expiresInMillis, this.marker + "-" + name);
	}

	private String hash(String name) {
		return String.format("%-64s", this.marker + name).replace(' ', '0');
	}

	private LocalDateTime ago(Duration age) {
		return LocalDateTime.ofInstant(this.now.minus(age), ZoneOffset.UTC);
	}

	private ProcessInstance startByTimer() {
		return ProcessJobs.fireTimerStart(this.engine, PROCESS);
	}

	private Job timer() {
		return ProcessJobs.timerStart(this.engine, PROCESS);
	}

}
