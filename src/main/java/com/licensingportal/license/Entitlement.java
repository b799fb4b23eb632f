package com.licensingportal.license;

import java.time.Instant;

import com.licensingportal.account.Account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One sales order. */
@Entity
@Table(name = "entitlement")
public class Entitlement {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The human-friendly Entitlement ID, e.g. {@code E-20261127-0001}. */
	@Column(name = "entitlement_number", nullable = false, updatable = false)
	private String entitlementId;

	@ManyToOne(optional = false)
	@JoinColumn(name = "sold_to_account_id", updatable = false)
	private Account soldTo;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	protected Entitlement() {
	}

	public Entitlement(String entitlementId, Account soldTo, Instant createdAt) {
		this.entitlementId = entitlementId;
		this.soldTo = soldTo;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getEntitlementId() {
		return this.entitlementId;
	}

	public Account getSoldTo() {
		return this.soldTo;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
