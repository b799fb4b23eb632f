package com.licensingportal.salesorder;

/** Where a sales order stands, as {@code GET /api/v1/sales-orders/{orderNumber}} says it. */
public enum SalesOrderState {

	/** Taken in; the process looks for the sold-to account. */
	RECEIVED,
	/** No account has the customer number: Order Management assigns one in Tasklist. */
	WAITING_FOR_ACCOUNT,
	/** The entitlement and its line items exist. */
	ENTERED,
	/** Order Management rejected it, with a reason. */
	REJECTED

}
