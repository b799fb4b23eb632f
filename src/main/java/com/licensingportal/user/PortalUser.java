package com.licensingportal.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.licensingportal.account.Account;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person who logs in to the portal. Order Management staff are Camunda users, not portal users. */
@Entity
@Table(name = "portal_user")
public class PortalUser {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String email;

	@Column(name = "first_name", nullable = false)
	private String firstName;

	@Column(name = "last_name", nullable = false)
	private String lastName;

	private String phone;

	/** The language the user chose on their profile ("en", "fr"), or null: then the browser's. Emails use it. */
	private String language;

	@Column(name = "job_title")
	private String jobTitle;

	private String address;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private UserStatus status;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<AccountMembership> memberships = new ArrayList<>();

	protected PortalUser() {
	}

	public PortalUser(String email, String firstName, String lastName) {
		this.email = normalizeEmail(email);
		this.firstName = firstName;
		this.lastName = lastName;
		this.status = UserStatus.INVITED;
		this.createdAt = Instant.now();
	}

	/** Emails are compared without regard to case or surrounding blanks. */
	public static String normalizeEmail(String email) {
		return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
	}

	/** The email can no longer change once the user is linked to an account. */
	public void changeEmail(String newEmail) {
		if (isLinked() && !normalizeEmail(newEmail).equals(this.email)) {
			throw new IllegalStateException("The email of a user linked to an account cannot change");
		}
		this.email = normalizeEmail(newEmail);
	}

	public boolean isLinked() {
		return !this.memberships.isEmpty();
	}

	/** Links this user to an account with the given user type, or changes the type of an existing link. */
	public AccountMembership link(Account account, UserType userType) {
		if (!userType.allowedOn(account.getType())) {
			throw new IllegalArgumentException(userType.label() + " is not possible on a customer account");
		}
		Optional<AccountMembership> existing = membershipOf(account.getId());
		if (existing.isPresent()) {
			existing.get().setUserType(userType);
			return existing.get();
		}
		AccountMembership membership = new AccountMembership(this, account, userType);
		this.memberships.add(membership);
		return membership;
	}

	public void unlink(Long accountId) {
		this.memberships.removeIf(membership -> membership.getAccount().getId().equals(accountId));
	}

	public Optional<AccountMembership> membershipOf(Long accountId) {
		return this.memberships.stream().filter(m -> m.getAccount().getId().equals(accountId)).findFirst();
	}

	public void activate(String passwordHash) {
		this.passwordHash = passwordHash;
		this.status = UserStatus.ACTIVE;
	}

	public String getDisplayName() {
		return this.firstName + " " + this.lastName;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getFirstName() {
		return this.firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName;
	}

	public String getLastName() {
		return this.lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getPhone() {
		return this.phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public String getJobTitle() {
		return this.jobTitle;
	}

	public void setJobTitle(String jobTitle) {
		this.jobTitle = jobTitle;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public UserStatus getStatus() {
		return this.status;
	}

	public void setStatus(UserStatus status) {
		this.status = status;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public void setPasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public List<AccountMembership> getMemberships() {
		return this.memberships;
	}

}
