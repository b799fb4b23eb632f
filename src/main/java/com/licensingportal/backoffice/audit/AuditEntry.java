package com.licensingportal.backoffice.audit;

import java.time.Instant;

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

/** One change made in the back office: who, when, on what, and the value before and after. Never changed. */
@Entity
@Table(name = "back_office_audit")
public class AuditEntry {

	/** What a change was made to; the key is the number Order Management knows it by. */
	public enum SubjectType {

		ACCOUNT, PRODUCT, SALES_ORDER

	}

	static final int VALUE_LENGTH = 2000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "occurred_at", nullable = false, updatable = false)
	private Instant occurredAt;

	@Column(nullable = false, updatable = false)
	private String actor;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "subject_type", nullable = false, updatable = false)
	private SubjectType subjectType;

	@Column(name = "subject_key", nullable = false, updatable = false)
	private String subjectKey;

	@Column(nullable = false, updatable = false)
	private String action;

	@Column(name = "before_value", updatable = false)
	private String before;

	@Column(name = "after_value", updatable = false)
	private String after;

	protected AuditEntry() {
	}

	AuditEntry(Instant occurredAt, String actor, SubjectType subjectType, String subjectKey, String action,
			String before, String after) {
		this.occurredAt = occurredAt;
		this.actor = actor;
		this.subjectType = subjectType;
		this.subjectKey = subjectKey;
		this.action = action;
		this.before = cut(before);
		this.after = cut(after);
	}

	private static String cut(String value) {
		return value == null || value.length() <= VALUE_LENGTH ? value : value.substring(0, VALUE_LENGTH - 1) + "…";
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public SubjectType getSubjectType() {
		return this.subjectType;
	}

	public String getSubjectKey() {
		return this.subjectKey;
	}

	public String getAction() {
		return this.action;
	}

	public String getBefore() {
		return this.before;
	}

	public String getAfter() {
		return this.after;
	}

}
