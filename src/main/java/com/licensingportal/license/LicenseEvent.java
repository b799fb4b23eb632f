package com.licensingportal.license;

import java.time.Instant;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of a line item's append-only event trail. */
@Entity
@Immutable
@Table(name = "license_event")
public class LicenseEvent {

	private static final int MAX_NOTE = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "line_item_id", nullable = false)
	private Long lineItemId;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "event_type", nullable = false)
	private LicenseEventType type;

	@Column(nullable = false)
	private int quantity;

	/** The email of the user who caused it, or {@code system}. */
	@Column(nullable = false)
	private String actor;

	@Column(name = "occurred_at", nullable = false)
	private Instant occurredAt;

	@Column(name = "device_id")
	private Long deviceId;

	@Column(name = "related_line_item_id")
	private Long relatedLineItemId;

	/** What it belongs to, e.g. a transfer's id. */
	private String reference;

	private String note;

	protected LicenseEvent() {
	}

	public LicenseEvent(Long lineItemId, LicenseEventType type, int quantity, String actor) {
		this.lineItemId = lineItemId;
		this.type = type;
		this.quantity = quantity;
		this.actor = actor;
		this.occurredAt = Instant.now();
	}

	public LicenseEvent withDevice(Long deviceId) {
		this.deviceId = deviceId;
		return this;
	}

	public LicenseEvent withRelatedLineItem(Long relatedLineItemId) {
		this.relatedLineItemId = relatedLineItemId;
		return this;
	}

	public LicenseEvent withReference(String reference) {
		this.reference = reference;
		return this;
	}

	/** A note longer than its column (500 characters) is cut short, ending in "…". */
	public LicenseEvent withNote(String note) {
		this.note = note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…";
		return this;
	}

	public Long getId() {
		return this.id;
	}

	public Long getLineItemId() {
		return this.lineItemId;
	}

	public LicenseEventType getType() {
		return this.type;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public String getActor() {
		return this.actor;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public Long getDeviceId() {
		return this.deviceId;
	}

	public Long getRelatedLineItemId() {
		return this.relatedLineItemId;
	}

	public String getReference() {
		return this.reference;
	}

	public String getNote() {
		return this.note;
	}

}
