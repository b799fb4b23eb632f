package com.licensingportal.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountStatus;
import com.licensingportal.backoffice.account.BackOfficeAccounts;
import com.licensingportal.backoffice.account.BackOfficeAccounts.AccountRow;
import com.licensingportal.backoffice.account.BackOfficeAccounts.AccountSort;
import com.licensingportal.backoffice.audit.AuditEntry;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.transfer.TransferRequest;
import com.licensingportal.transfer.TransferService;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Order Management's account changes on the real database (H2, and MariaDB with -Pmysql): each one done, seen by
 * the portal's users at their next request, recorded in the audit trail; bad input refused with a sentence, nothing
 * changed.
 */
class BackOfficeAccountsTest extends PortalIntegrationTest {

	private static final String OM = "om-test";

	@Autowired
	ApplicationContext context;

	@Autowired
	BackOfficeAccounts accounts;

	@Autowired
	BackOfficeAudit audit;

	@Autowired
	TransferService transfers;

	@Autowired
	JdbcTemplate jdbc;

	private LicenseFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new LicenseFixtures(this.context);
	}

	@Test
	void createRenameAndCustomerNumberAreDoneFoundAndAudited() {
		String name = LicenseFixtures.unique("Bo Created");
		String customerNumber = LicenseFixtures.unique("CN");
		Account created = this.accounts.create(OM, "  " + name + " ", "customer", customerNumber);

		assertThat(created.getName()).isEqualTo(name);
		assertThat(created.getCustomerNumber()).isEqualTo(customerNumber);
		assertThat(this.accounts.search(customerNumber.toLowerCase(), 0, AccountSort.name, false).rows())
			.extracting(AccountRow::accountNumber)
			.containsExactly(created.getAccountNumber());
		assertThat(this.accounts.search(created.getAccountNumber(), 0, AccountSort.name, false).total()).isEqualTo(1);

		this.accounts.rename(OM, created.getAccountNumber(), name + " Renamed");
		String newNumber = LicenseFixtures.unique("CN");
		this.accounts.changeCustomerNumber(OM, created.getAccountNumber().toLowerCase(), newNumber);
		this.accounts.changeCustomerNumber(OM, created.getAccountNumber(), " ");

		Account reloaded = this.accounts.find(created.getAccountNumber());
		assertThat(reloaded.getName()).isEqualTo(name + " Renamed");
		assertThat(reloaded.getCustomerNumber()).isNull();
		List<AuditEntry> trail = this.audit.of(SubjectType.ACCOUNT, created.getAccountNumber());
		assertThat(trail).extracting(AuditEntry::getAction)
			.containsExactly("CUSTOMER_NUMBER_REMOVED", "CUSTOMER_NUMBER_SET", "RENAMED", "CREATED");
		assertThat(trail).allSatisfy(entry -> assertThat(entry.getActor()).isEqualTo(OM));
		assertThat(trail.get(1).getBefore()).isEqualTo(customerNumber);
		assertThat(trail.get(1).getAfter()).isEqualTo(newNumber);
		assertThat(trail.get(2).getBefore()).isEqualTo(name);
	}

	@Test
	void aRelationGivesThePartnersUsersTheCustomerAtTheirNextRequestAndItsRemovalTakesItAway() {
		Account customer = this.fixtures.customer(LicenseFixtures.unique("Bo Customer"));
		Account partner = this.fixtures.partner(LicenseFixtures.unique("Bo Partner"));
		Account secondPartner = this.fixtures.partner(LicenseFixtures.unique("Bo Second Partner"));
		PortalUser partnerUser = this.fixtures.user("BoPartner", partner, UserType.PARTNER_USER);
		assertThat(this.fixtures.visibleTo(partnerUser).canSee(customer.getId())).isFalse();

		assertThat(this.accounts.relate(OM, customer.getAccountNumber(), partner.getAccountNumber())).isTrue();
		assertThat(this.accounts.relate(OM, customer.getAccountNumber(), secondPartner.getAccountNumber())).isTrue();
		assertThat(this.accounts.relate(OM, customer.getAccountNumber(), partner.getAccountNumber()))
			.as("relating again changes nothing").isFalse();

		assertThat(this.fixtures.visibleTo(partnerUser).canSee(customer.getId())).isTrue();
		assertThat(this.accounts.relatedTo(customer.getAccountNumber())).extracting(AccountRow::accountNumber)
			.containsExactlyInAnyOrder(partner.getAccountNumber(), secondPartner.getAccountNumber());

		this.accounts.unrelate(OM, customer.getAccountNumber(), partner.getAccountNumber());

		assertThat(this.fixtures.visibleTo(partnerUser).canSee(customer.getId())).isFalse();
		assertThat(this.accounts.relatedTo(customer.getAccountNumber())).extracting(AccountRow::accountNumber)
			.containsExactly(secondPartner.getAccountNumber());
		assertThat(this.audit.of(SubjectType.ACCOUNT, partner.getAccountNumber())).extracting(AuditEntry::getAction)
			.containsExactly("RELATION_REMOVED", "RELATED_TO_CUSTOMER");
	}

	@Test
	void aDisabledAccountIsHiddenFromItsUsersRefusesTransfersInAndKeepsItsLicenses() {
		Account customer = this.fixtures.customer(LicenseFixtures.unique("Bo Disabled"));
		Account source = this.fixtures.customer(LicenseFixtures.unique("Bo Source"));
		PortalUser customerUser = this.fixtures.user("BoDisabled", customer, UserType.CUSTOMER_USER);
		PortalUser sourceUser = this.fixtures.user("BoSource", source, UserType.CUSTOMER_ADMINISTRATOR);
		LineItem owned = this.fixtures.lineItem(customer, this.fixtures.product("BODIS"), 3, null);
		LineItem toTransfer = this.fixtures.lineItem(source, this.fixtures.product("BODIS"), 3, null);

		this.accounts.changeStatus(OM, customer.getAccountNumber(), AccountStatus.DISABLED);

		assertThat(this.fixtures.visibleTo(customerUser).canSee(customer.getId())).isFalse();
		assertThatThrownBy(() -> this.transfers.request(sourceUser.getId(),
				new TransferRequest(toTransfer.getActivationId(), 1, customer.getAccountNumber(), null, null, null)))
			.isInstanceOf(RuntimeException.class);
		assertThat(this.jdbc.queryForObject("select total_quantity from line_item where id = ?", Integer.class,
				owned.getId())).as("its licenses stay").isEqualTo(3);

		this.accounts.changeStatus(OM, customer.getAccountNumber(), AccountStatus.ACTIVE);

		assertThat(this.fixtures.visibleTo(customerUser).canSee(customer.getId())).isTrue();
		assertThat(this.audit.of(SubjectType.ACCOUNT, customer.getAccountNumber())).extracting(AuditEntry::getAction)
			.containsExactly("ENABLED", "DISABLED");
	}

	@Test
	void badInputIsRefusedInOrderManagementsWordsAndChangesNothing() {
		Account customer = this.fixtures.customer(LicenseFixtures.unique("Bo Refused Customer"));
		Account otherCustomer = this.fixtures.customer(LicenseFixtures.unique("Bo Other Customer"));
		Account partner = this.fixtures.partner(LicenseFixtures.unique("Bo Refused Partner"));
		Account otherPartner = this.fixtures.partner(LicenseFixtures.unique("Bo Other Partner"));
		String used = LicenseFixtures.unique("CN");
		this.accounts.changeCustomerNumber(OM, otherCustomer.getAccountNumber(), used);
		String before = state();

		assertRefused(() -> this.accounts.relate(OM, "A-NOPE-NOPE", partner.getAccountNumber()),
				"There is no account with the account number A-NOPE-NOPE");
		assertRefused(() -> this.accounts.relate(OM, otherPartner.getAccountNumber(), partner.getAccountNumber()),
				"is a partner account: only a customer account can be related to a partner");
		assertRefused(() -> this.accounts.relate(OM, customer.getAccountNumber(), otherCustomer.getAccountNumber()),
				"is a customer account");
		assertRefused(() -> this.accounts.unrelate(OM, customer.getAccountNumber(), partner.getAccountNumber()),
				"is not related to");
		assertRefused(() -> this.accounts.changeCustomerNumber(OM, customer.getAccountNumber(), used),
				"is already used by " + otherCustomer.getName());
		assertRefused(() -> this.accounts.create(OM, "New", "CUSTOMER", used), "is already used by");
		assertRefused(() -> this.accounts.create(OM, " ", "CUSTOMER", null), "Enter the account's name.");
		assertRefused(() -> this.accounts.create(OM, "New", "RESELLER", null), "partner or a customer");
		assertRefused(() -> this.accounts.rename(OM, customer.getAccountNumber(), "Line\nbreak"), "line breaks");

		assertThat(state()).isEqualTo(before);
	}

	@Test
	void theAuditCsvNeutralisesFormulas() throws Exception {
		Account customer = this.fixtures.customer(LicenseFixtures.unique("Bo Formula"));
		this.accounts.rename(OM, customer.getAccountNumber(), "=HYPERLINK(\"http://evil.example\")");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		this.audit.writeCsv(SubjectType.ACCOUNT, customer.getAccountNumber(), out);

		String csv = out.toString(StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFWhen (UTC),Who,Subject,Key,Action,Before,After");
		assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", ",\"=HYPERLINK");
	}

	private String state() {
		return this.jdbc.queryForList("select id, name, account_type, status, customer_number from account order by id")
			.toString() + this.jdbc.queryForList("select * from account_relation order by partner_id, customer_id")
			+ this.jdbc.queryForObject("select count(*) from back_office_audit", Long.class);
	}

	private static void assertRefused(Runnable change, String sentence) {
		assertThatThrownBy(change::run).isInstanceOf(RefusedException.class).hasMessageContaining(sentence);
	}

}
