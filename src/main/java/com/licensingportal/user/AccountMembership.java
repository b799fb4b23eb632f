package com.licensingportal.user;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's link to one account, with the roles (as one of the four user types) granted there. */
@Entity
@Table(name = "account_membership")
public class AccountMembership {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private PortalUser user;

	@ManyToOne(optional = false)
	@JoinColumn(name = "account_id")
	private Account account;

	/** Copied from the account so that the database itself refuses dealer roles on a customer account. */
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "account_type", nullable = false, updatable = false)
	private AccountType accountType;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "user_type", nullable = false)
	private UserType userType;

	protected AccountMembership() {
	}

	AccountMembership(PortalUser user, Account account, UserType userType) {
		this.user = user;
		this.account = account;
		this.accountType = account.getType();
		this.userType = userType;
	}

	public Long getId() {
		return this.id;
	}

	public PortalUser getUser() {
		return this.user;
	}

	public Account getAccount() {
		return this.account;
	}

	public AccountType getAccountType() {
		return this.accountType;
	}

	public UserType getUserType() {
		return this.userType;
	}

	void setUserType(UserType userType) {
		if (!userType.allowedOn(this.accountType)) {
			throw new IllegalArgumentException(userType.label() + " is not possible on a customer account");
		}
		this.userType = userType;
	}

}
