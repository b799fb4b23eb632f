package com.licensingportal.license;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.licensingportal.account.Account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The only way channels come into existence: a sales order entering the system. */
@Service
public class SalesOrderService {

	/** One line of an incoming sales order. {@code expiresOn} is null for a permanent license. */
	public record OrderLine(Product product, String version, int quantity, LocalDate expiresOn) {
	}

	private final EntitlementRepository entitlements;

	private final LineItemRepository lineItems;

	private final LicenseEventRepository events;

	private final EntitlementIdGenerator entitlementIds;

	private final ActivationIdGenerator activationIds;

	SalesOrderService(EntitlementRepository entitlements, LineItemRepository lineItems, LicenseEventRepository events,
			EntitlementIdGenerator entitlementIds, ActivationIdGenerator activationIds) {
		this.entitlements = entitlements;
		this.lineItems = lineItems;
		this.events = events;
		this.entitlementIds = entitlementIds;
		this.activationIds = activationIds;
	}

	/** An entered order: its entitlement and its line items, in the order of the lines. */
	public record Entered(Entitlement entitlement, List<LineItem> lineItems) {
	}

	/** Records the order as one entitlement sold to and owned by {@code soldTo}, one line item per line. */
	@Transactional
	public List<LineItem> enter(Account soldTo, List<OrderLine> lines, String actor) {
		return enterOrder(soldTo, lines, actor).lineItems();
	}

	/** As {@link #enter}, also answering the entitlement (which exists even for an order of renewals only). */
	@Transactional
	public Entered enterOrder(Account soldTo, List<OrderLine> lines, String actor) {
		Entitlement entitlement = this.entitlements
			.save(new Entitlement(this.entitlementIds.next(), soldTo, java.time.Instant.now()));
		List<LineItem> created = new ArrayList<>();
		for (OrderLine line : lines) {
			LineItem item = this.lineItems.save(new LineItem(this.activationIds.next(), entitlement, soldTo,
					line.product(), line.version(), line.quantity(), line.expiresOn()));
			this.events.save(new LicenseEvent(item.getId(), LicenseEventType.CREATED, line.quantity(), actor)
				.withReference(entitlement.getEntitlementId()));
			created.add(item);
		}
		return new Entered(entitlement, created);
	}

}
