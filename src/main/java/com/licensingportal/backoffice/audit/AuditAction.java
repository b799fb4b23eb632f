package com.licensingportal.backoffice.audit;

/**
 * What a back-office change did, as the audit trail stores it (its name, in the column {@code action}) and the CSV
 * writes it; the pages say it in the reader's language ({@code backoffice.audit.action.NAME}).
 */
public enum AuditAction {

	CREATED, RENAMED, CUSTOMER_NUMBER_SET, CUSTOMER_NUMBER_REMOVED, RELATED_TO_PARTNER, RELATED_TO_CUSTOMER,
	RELATION_REMOVED, DISABLED, ENABLED, EDITED, RETIRED, REACTIVATED, ENTERED_BY_HAND, IMPORTED, LINE_CANCELLED

}
