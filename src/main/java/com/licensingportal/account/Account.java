package com.licensingportal.account;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.licensingportal.base.ReadableCode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A partner or customer organisation. */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** What a customer tells its partner so that channels can be transferred to it, e.g. {@code A-7KQ2-9XTM}. */
	@Column(name = "account_number", nullable = false, updatable = false)
	private String accountNumber;

	@Column(nullable = false)
	private String name;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "account_type", nullable = false, updatable = false)
	private AccountType type;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private AccountStatus status;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	/** The order system's number for this account; sales orders find their account by it. Unique when present. */
	@Column(name = "customer_number")
	private String customerNumber;

	/** For a partner: the customer accounts it sells to. The type columns of the table take their defaults. */
	@ManyToMany
	@JoinTable(name = "account_relation", joinColumns = @JoinColumn(name = "partner_id"),
			inverseJoinColumns = @JoinColumn(name = "customer_id"))
	private Set<Account> relatedCustomers = new LinkedHashSet<>();

	protected Account() {
	}

	public Account(String name, AccountType type) {
		this.accountNumber = "A-" + ReadableCode.random(2);
		this.name = name;
		this.type = type;
		this.status = AccountStatus.ACTIVE;
		this.createdAt = Instant.now();
	}

	public void addRelatedCustomer(Account customer) {
		if (this.type != AccountType.PARTNER || customer.type != AccountType.CUSTOMER) {
			throw new IllegalArgumentException("Only a partner account can sell to a customer account");
		}
		this.relatedCustomers.add(customer);
	}

	public boolean isPartner() {
		return this.type == AccountType.PARTNER;
	}

	public boolean isActive() {
		return this.status == AccountStatus.ACTIVE;
	}

	public Long getId() {
		return this.id;
	}

	public String getAccountNumber() {
		return this.accountNumber;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public AccountType getType() {
		return this.type;
	}

	public AccountStatus getStatus() {
		return this.status;
	}

	public void setStatus(AccountStatus status) {
		this.status = status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public String getCustomerNumber() {
		return this.customerNumber;
	}

	public void setCustomerNumber(String customerNumber) {
		this.customerNumber = customerNumber;
	}

	public Set<Account> getRelatedCustomers() {
		return this.relatedCustomers;
	}

}
