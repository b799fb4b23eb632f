package com.licensingportal.hostile;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import com.licensingportal.account.Account;
import com.licensingportal.support.Committed;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue's snapshot sees every change to the portal's data and the engine's work, and only that. */
class DatabaseSnapshotTest extends PortalIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	RuntimeService runtime;

	@Test
	void everyPortalTableAndTheEnginesRuntimeAreInIt() {
		DatabaseSnapshot snapshot = DatabaseSnapshot.take(this.dataSource);

		assertThat(snapshot.portalTables()).containsKeys("account", "account_relation", "portal_user",
				"account_membership", "product", "entitlement", "line_item", "device", "device_license", "license_event",
				"link_token", "offline_activation", "offline_activation_license", "expiry_announcement",
				"registration_request", "channel_transfer", "personal_access_token", "entitlement_sequence")
			.doesNotContainKeys("rate_limit_hit", "login_failure", "flyway_schema_history");
		assertThat(snapshot.engineTables()).containsKeys("act_ru_execution", "act_ru_job", "act_ru_task",
				"act_ru_variable", "act_ru_event_subscr", "act_ru_incident", "act_hi_procinst")
			.doesNotContainKey("act_ru_meter_log");
	}

	@Test
	void aChangedValueARowAndAStartedProcessShowAndBookkeepingDoesNot() {
		LicenseFixtures fixtures = new LicenseFixtures(this.context);
		Account account = fixtures.customer(LicenseFixtures.unique("Snapshot"));
		PortalUser user = fixtures.user("snapshot", account, UserType.CUSTOMER_USER);
		String token = fixtures.apiToken(user);
		DatabaseSnapshot before = DatabaseSnapshot.take(this.dataSource);

		Committed.update(this.jdbc, "update personal_access_token set last_used_at = ? where user_id = ?",
				Timestamp.from(Instant.now()), user.getId());
		Committed.update(this.jdbc, "insert into rate_limit_hit (limit_name, limit_key, hit_at) values (?, ?, ?)", "snapshot",
				"address:" + token.hashCode(), Timestamp.from(Instant.now()));
		Committed.update(this.jdbc, "insert into login_failure (email, client_address, failed_at) values (?, ?, ?)", user.getEmail(),
				"10.9.9.9", Timestamp.from(Instant.now()));
		assertThat(DatabaseSnapshot.take(this.dataSource).differencesFrom(before)).isEmpty();

		Committed.update(this.jdbc, "update account set name = ? where id = ?", account.getName() + ".", account.getId());
		List<String> renamed = DatabaseSnapshot.take(this.dataSource).differencesFrom(before);
		assertThat(renamed).singleElement().asString().startsWith("account: ");

		Committed.update(this.jdbc, "update portal_user set phone = ? where id = ?", "+1 555 0100", user.getId());
		// Started without its listeners and variables: it only has to exist, and wait at its first mail job.
		String processInstanceId = this.runtime.createProcessInstanceByKey("UserInvitation")
			.businessKey("snapshot-" + user.getId())
			.startBeforeActivity("SendInvitation")
			.execute(true, true)
			.getId();
		try {
			assertThat(DatabaseSnapshot.take(this.dataSource).differencesFrom(before)).anyMatch(d -> d.startsWith("portal_user: "))
				.anyMatch(d -> d.startsWith("act_ru_execution: "))
				.anyMatch(d -> d.startsWith("act_hi_procinst: "));
		}
		finally {
			this.runtime.deleteProcessInstance(processInstanceId, "end of test");
		}
	}

}
