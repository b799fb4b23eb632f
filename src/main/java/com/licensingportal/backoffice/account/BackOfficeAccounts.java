package com.licensingportal.backoffice.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountStatus;
import com.licensingportal.account.AccountType;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Text;
import com.licensingportal.backoffice.audit.AuditAction;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order Management's changes to accounts: create, rename, customer number, partner–customer relations, disable and
 * enable. Each checks its input first and answers bad input with a sentence (nothing changed), and records itself
 * in the audit trail in the same transaction. Who sees what follows at once, on every node: the portal decides
 * visibility from the database on every request (AccountVisibility), with no cache to invalidate.
 */
@Service
public class BackOfficeAccounts {

	public static final int PAGE_SIZE = 25;

	static final int NAME_LENGTH = 200;

	static final int CUSTOMER_NUMBER_LENGTH = 40;

	/** One row of the account search. */
	public record AccountRow(String accountNumber, String name, AccountType type, String customerNumber,
			AccountStatus status) {
	}

	/** One page of the account search, with the total of matching accounts. */
	public record AccountPage(List<AccountRow> rows, long total, int page, AccountSort sort, boolean descending) {

		public int pages() {
			return (int) Math.max(1, (this.total + PAGE_SIZE - 1) / PAGE_SIZE);
		}

	}

	/** The columns the search sorts by, as the URL names them. */
	public enum AccountSort {

		name("a.name"), accountNumber("a.account_number"), customerNumber("a.customer_number"), type("a.account_type"),
		status("a.status");

		private final String column;

		AccountSort(String column) {
			this.column = column;
		}

	}

	private final AccountRepository accounts;

	private final BackOfficeAudit audit;

	private final NamedParameterJdbcTemplate jdbc;

	BackOfficeAccounts(AccountRepository accounts, BackOfficeAudit audit, NamedParameterJdbcTemplate jdbc) {
		this.accounts = accounts;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/** Accounts whose name, account number or customer number contains {@code query} (all when blank). */
	@Transactional(readOnly = true)
	public AccountPage search(String query, int page, AccountSort sort, boolean descending) {
		String text = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
		MapSqlParameterSource parameters = new MapSqlParameterSource("q", "%" + escapeLike(text) + "%");
		String where = text.isEmpty() ? "" : " where lower(a.name) like :q escape '!' or lower(a.account_number) like :q"
				+ " escape '!' or lower(a.customer_number) like :q escape '!'";
		long total = this.jdbc.queryForObject("select count(*) from account a" + where, parameters, Long.class);
		int safePage = (int) Math.max(0, Math.min(page, (total - 1) / PAGE_SIZE));
		parameters.addValue("limit", PAGE_SIZE).addValue("offset", safePage * PAGE_SIZE);
		List<AccountRow> rows = this.jdbc.query("select a.account_number, a.name, a.account_type, a.customer_number,"
				+ " a.status from account a" + where + " order by " + sort.column + (descending ? " desc" : " asc")
				+ ", a.id limit :limit offset :offset", parameters,
				(row, i) -> new AccountRow(row.getString(1), row.getString(2), AccountType.valueOf(row.getString(3)),
						row.getString(4), AccountStatus.valueOf(row.getString(5))));
		return new AccountPage(rows, total, safePage, sort, descending);
	}

	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	@Transactional(readOnly = true)
	public Account find(String accountNumber) {
		return load(accountNumber);
	}

	/** The account's partners (for a customer) or customers (for a partner), by name. */
	@Transactional(readOnly = true)
	public List<AccountRow> relatedTo(String accountNumber) {
		Account account = load(accountNumber);
		String sql = account.isPartner()
				? "select c.account_number, c.name, c.account_type, c.customer_number, c.status from account_relation r"
						+ " join account c on c.id = r.customer_id where r.partner_id = :id order by c.name"
				: "select p.account_number, p.name, p.account_type, p.customer_number, p.status from account_relation r"
						+ " join account p on p.id = r.partner_id where r.customer_id = :id order by p.name";
		return this.jdbc.query(sql, Map.of("id", account.getId()),
				(row, i) -> new AccountRow(row.getString(1), row.getString(2), AccountType.valueOf(row.getString(3)),
						row.getString(4), AccountStatus.valueOf(row.getString(5))));
	}

	@Transactional
	public Account create(String actor, String name, String type, String customerNumber) {
		String cleanName = name(name);
		AccountType accountType = type(type);
		String number = customerNumber(customerNumber);
		if (number != null) {
			requireUnused(number, null);
		}
		Account account = new Account(cleanName, accountType);
		account.setCustomerNumber(number);
		account = this.accounts.saveAndFlush(account);
		this.audit.record(actor, SubjectType.ACCOUNT, account.getAccountNumber(), AuditAction.CREATED, null,
				describe(account));
		return account;
	}

	@Transactional
	public Account rename(String actor, String accountNumber, String name) {
		Account account = load(accountNumber);
		String cleanName = name(name);
		String before = account.getName();
		account.setName(cleanName);
		// List Entitlements filters and sorts on a copy of the Sold to name (migration V26): it changes here too.
		this.jdbc.update("update line_item set sold_to_name = :name where sold_to_account_id = :id",
				new MapSqlParameterSource("name", cleanName).addValue("id", account.getId()));
		this.audit.record(actor, SubjectType.ACCOUNT, account.getAccountNumber(), AuditAction.RENAMED, before, cleanName);
		return account;
	}

	/** Sets, changes or (blank) removes the customer number by which sales orders find the account. */
	@Transactional
	public Account changeCustomerNumber(String actor, String accountNumber, String customerNumber) {
		Account account = load(accountNumber);
		String number = customerNumber(customerNumber);
		if (number != null) {
			requireUnused(number, account);
		}
		String before = account.getCustomerNumber();
		account.setCustomerNumber(number);
		this.accounts.flush();
		this.audit.record(actor, SubjectType.ACCOUNT, account.getAccountNumber(),
				number == null ? AuditAction.CUSTOMER_NUMBER_REMOVED : AuditAction.CUSTOMER_NUMBER_SET, before == null ? "(none)" : before,
				number == null ? "(none)" : number);
		return account;
	}

	/** Lets the partner see and manage the customer's licenses, devices and users; a customer may have several. */
	@Transactional
	public boolean relate(String actor, String customerAccountNumber, String partnerAccountNumber) {
		Account customer = load(customerAccountNumber);
		Account partner = load(partnerAccountNumber);
		requireRelatable(customer, partner);
		if (partner.getRelatedCustomers().contains(customer)) {
			return false;
		}
		partner.addRelatedCustomer(customer);
		this.accounts.flush();
		String relation = describeRelation(customer, partner);
		this.audit.record(actor, SubjectType.ACCOUNT, customer.getAccountNumber(), AuditAction.RELATED_TO_PARTNER, null, relation);
		this.audit.record(actor, SubjectType.ACCOUNT, partner.getAccountNumber(), AuditAction.RELATED_TO_CUSTOMER, null, relation);
		return true;
	}

	@Transactional
	public void unrelate(String actor, String customerAccountNumber, String partnerAccountNumber) {
		Account customer = load(customerAccountNumber);
		Account partner = load(partnerAccountNumber);
		requireRelatable(customer, partner);
		if (!partner.getRelatedCustomers().remove(customer)) {
			throw RefusedException.notFound(Text.of("backoffice.account.notRelated", customer.getName(),
					customer.getAccountNumber(), partner.getName(), partner.getAccountNumber()));
		}
		this.accounts.flush();
		String relation = describeRelation(customer, partner);
		this.audit.record(actor, SubjectType.ACCOUNT, customer.getAccountNumber(), AuditAction.RELATION_REMOVED, relation, null);
		this.audit.record(actor, SubjectType.ACCOUNT, partner.getAccountNumber(), AuditAction.RELATION_REMOVED, relation, null);
	}

	/**
	 * Disabled: its users see it no more (nor do its partners), transfers into it are refused; its licenses,
	 * devices and history stay. Transfers into it already waiting for approval keep waiting; one approved while it
	 * is disabled ends as "no longer possible", its channels go back and its requester is told by email.
	 */
	@Transactional
	public Account changeStatus(String actor, String accountNumber, AccountStatus status) {
		Account account = load(accountNumber);
		AccountStatus before = account.getStatus();
		if (before == status) {
			return account;
		}
		account.setStatus(status);
		this.audit.record(actor, SubjectType.ACCOUNT, account.getAccountNumber(),
				status == AccountStatus.DISABLED ? AuditAction.DISABLED : AuditAction.ENABLED, before.name(), status.name());
		return account;
	}

	private static void requireRelatable(Account customer, Account partner) {
		List<FieldError> problems = new ArrayList<>();
		if (customer.isPartner()) {
			problems.add(new FieldError("partner", Text.of("backoffice.account.relate.customerIsPartner",
					customer.getName(), customer.getAccountNumber())));
		}
		if (!partner.isPartner()) {
			problems.add(new FieldError("partner", Text.of("backoffice.account.relate.partnerIsCustomer",
					partner.getName(), partner.getAccountNumber())));
		}
		if (!problems.isEmpty()) {
			throw RefusedException.invalid(problems);
		}
	}

	private void requireUnused(String customerNumber, Account self) {
		this.accounts.findByCustomerNumber(customerNumber)
			.filter(other -> self == null || !other.getId().equals(self.getId()))
			.ifPresent(other -> {
				throw RefusedException.invalid("customerNumber", Text.of("backoffice.account.customerNumber.used",
						customerNumber, other.getName(), other.getAccountNumber()));
			});
	}

	private Account load(String accountNumber) {
		String number = accountNumber == null ? "" : accountNumber.trim().toUpperCase(Locale.ROOT);
		return this.accounts.findByAccountNumber(number)
			.orElseThrow(() -> RefusedException.notFound(number.isEmpty() ? Text.of("backoffice.account.noNumber")
					: Text.of("backoffice.account.notFound", number)));
	}

	private static String name(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			throw RefusedException.invalid("name", Text.of("backoffice.account.name.required"));
		}
		if (clean.length() > NAME_LENGTH) {
			throw RefusedException.invalid("name", Text.of("backoffice.account.name.tooLong", NAME_LENGTH));
		}
		if (clean.chars().anyMatch(Character::isISOControl)) {
			throw RefusedException.invalid("name", Text.of("backoffice.account.name.lineBreaks"));
		}
		return clean;
	}

	private static AccountType type(String type) {
		for (AccountType candidate : AccountType.values()) {
			if (candidate.name().equalsIgnoreCase(type == null ? "" : type.trim())) {
				return candidate;
			}
		}
		throw RefusedException.invalid("type", Text.of("backoffice.account.type.required"));
	}

	private static String customerNumber(String customerNumber) {
		String clean = customerNumber == null ? "" : customerNumber.strip();
		if (clean.isEmpty()) {
			return null;
		}
		if (clean.length() > CUSTOMER_NUMBER_LENGTH || clean.chars().anyMatch(Character::isISOControl)) {
			throw RefusedException.invalid("customerNumber",
					Text.of("backoffice.account.customerNumber.invalid", CUSTOMER_NUMBER_LENGTH));
		}
		return clean;
	}

	private static String describe(Account account) {
		return account.getName() + "; " + account.getType().name().toLowerCase(Locale.ROOT) + "; customer number "
				+ (account.getCustomerNumber() == null ? "(none)" : account.getCustomerNumber());
	}

	private static String describeRelation(Account customer, Account partner) {
		return "customer " + customer.getName() + " (" + customer.getAccountNumber() + ") of partner "
				+ partner.getName() + " (" + partner.getAccountNumber() + ")";
	}

}
