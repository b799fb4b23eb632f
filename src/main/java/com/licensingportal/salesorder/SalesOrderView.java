package com.licensingportal.salesorder;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.licensingportal.license.LineItem;

import io.swagger.v3.oas.annotations.media.Schema;

/** A sales order's state as the intake API answers it. */
@Schema(name = "SalesOrderState")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SalesOrderView(@Schema(example = "SO-2026-1001") String orderNumber,
		@Schema(example = "ENTERED") SalesOrderState state, @Schema(nullable = true) String rejectionReason,
		@Schema(nullable = true) AccountRef account, @Schema(example = "E-20261206-0001", nullable = true) String entitlementId,
		List<LineView> lines) {

	@Schema(name = "SalesOrderAccount")
	public record AccountRef(@Schema(example = "A-7KQ2-9XTM") String accountNumber,
			@Schema(example = "Harbor Logistics") String name, @Schema(example = "C-10001") String customerNumber) {
	}

	@Schema(name = "SalesOrderLineState")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record LineView(int lineNumber, String partNumber, String version, int quantity, String renewsActivationId,
			@Schema(description = "Once entered: the new license's Activation ID, or the renewed one's") String activationId,
			@Schema(description = "Once entered: the license's expiration, null when permanent") LocalDate expiresOn) {
	}

	static SalesOrderView of(SalesOrder order) {
		boolean entered = order.getState() == SalesOrderState.ENTERED;
		AccountRef account = order.getAccount() == null ? null
				: new AccountRef(order.getAccount().getAccountNumber(), order.getAccount().getName(),
						order.getAccount().getCustomerNumber());
		List<LineView> lines = order.getLines().stream().map(line -> {
			LineItem item = entered ? line.getLineItem() : null;
			return new LineView(line.getLineNumber(), line.getProduct().getPartNumber(), line.getVersion(),
					line.getQuantity(), line.isRenewal() ? line.getRenews().getActivationId() : null,
					item == null ? null : item.getActivationId(), item == null ? null : item.getExpiresOn());
		}).toList();
		return new SalesOrderView(order.getOrderNumber(), order.getState(), order.getRejectionReason(), account,
				order.getEntitlement() == null ? null : order.getEntitlement().getEntitlementId(), lines);
	}

}
