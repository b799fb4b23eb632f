package com.licensingportal.registration;

import java.time.Instant;

import com.licensingportal.account.AccountType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A technical contact's request for access to the portal, and Order Management's decision on it. */
@Entity
@Table(name = "registration_request")
public class RegistrationRequest {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String email;

	@Column(name = "first_name", nullable = false, updatable = false)
	private String firstName;

	@Column(name = "last_name", nullable = false, updatable = false)
	private String lastName;

	@Column(nullable = false, updatable = false)
	private String phone;

	@Column(nullable = false, updatable = false)
	private String organisation;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "account_type", nullable = false, updatable = false)
	private AccountType accountType;

	/** The sales order or Entitlement ID the requester gave as proof of purchase. */
	@Column(nullable = false, updatable = false)
	private String proof;

	@Column(updatable = false)
	private String message;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private RegistrationStatus status;

	/** The email while the request is open, null afterwards: unique, so one open request per email. */
	@Column(name = "open_email")
	private String openEmail;

	@Column(name = "submitted_at", nullable = false, updatable = false)
	private Instant submittedAt;

	@Column(name = "decided_at")
	private Instant decidedAt;

	/** The Camunda user who decided. */
	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "rejection_reason")
	private String rejectionReason;

	@Column(name = "account_id")
	private Long accountId;

	@Column(name = "user_id")
	private Long userId;

	protected RegistrationRequest() {
	}

	RegistrationRequest(RegistrationForm form, Instant submittedAt) {
		this.email = form.getEmail();
		this.firstName = form.getFirstName();
		this.lastName = form.getLastName();
		this.phone = form.getPhone();
		this.organisation = form.getOrganisation();
		this.accountType = form.accountType();
		this.proof = form.getProof();
		this.message = form.getMessage();
		this.status = RegistrationStatus.OPEN;
		this.openEmail = this.email;
		this.submittedAt = submittedAt;
	}

	void approve(Long accountId, Long userId, String decidedBy, Instant decidedAt) {
		this.accountId = accountId;
		this.userId = userId;
		close(RegistrationStatus.APPROVED, decidedBy, decidedAt);
	}

	void reject(String reason, String decidedBy, Instant decidedAt) {
		this.rejectionReason = reason;
		close(RegistrationStatus.REJECTED, decidedBy, decidedAt);
	}

	void withdraw(Instant at) {
		close(RegistrationStatus.WITHDRAWN, null, at);
	}

	private void close(RegistrationStatus decided, String by, Instant at) {
		if (this.status != RegistrationStatus.OPEN) {
			throw new IllegalStateException("Registration request " + this.id + " is already " + this.status);
		}
		this.status = decided;
		this.openEmail = null;
		this.decidedBy = by;
		this.decidedAt = at;
	}

	public boolean isOpen() {
		return this.status == RegistrationStatus.OPEN;
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

	public String getLastName() {
		return this.lastName;
	}

	public String getDisplayName() {
		return this.firstName + " " + this.lastName;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getOrganisation() {
		return this.organisation;
	}

	public AccountType getAccountType() {
		return this.accountType;
	}

	public String getProof() {
		return this.proof;
	}

	public String getMessage() {
		return this.message;
	}

	public RegistrationStatus getStatus() {
		return this.status;
	}

	public Instant getSubmittedAt() {
		return this.submittedAt;
	}

	public Instant getDecidedAt() {
		return this.decidedAt;
	}

	public String getDecidedBy() {
		return this.decidedBy;
	}

	public String getRejectionReason() {
		return this.rejectionReason;
	}

	public Long getAccountId() {
		return this.accountId;
	}

	public Long getUserId() {
		return this.userId;
	}

}
