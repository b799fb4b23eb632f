package com.licensingportal.license;

import java.time.Instant;

import com.licensingportal.account.Account;

import org.springframework.stereotype.Component;

/** Licenses made of channels that leave another one: a transfer of part of a license to a new one. */
@Component
public class NewLicenses {

	private final EntitlementRepository entitlements;

	private final EntitlementIdGenerator entitlementIds;

	private final LineItemRepository lineItems;

	private final ActivationIdGenerator activationIds;

	NewLicenses(EntitlementRepository entitlements, EntitlementIdGenerator entitlementIds, LineItemRepository lineItems,
			ActivationIdGenerator activationIds) {
		this.entitlements = entitlements;
		this.entitlementIds = entitlementIds;
		this.lineItems = lineItems;
		this.activationIds = activationIds;
	}

	/**
	 * Moves {@code channels} reserved channels of {@code source} to a new license of {@code owner}: a new
	 * entitlement sold to it, a new Activation ID, the source's product, version and expiration.
	 */
	public LineItem splitOff(LineItem source, int channels, Account owner, Instant now) {
		Entitlement entitlement = this.entitlements.save(new Entitlement(this.entitlementIds.next(), owner, now));
		LineItem split = this.lineItems.save(new LineItem(this.activationIds.next(), entitlement, owner,
				source.getProduct(), source.getProductVersion(), channels, source.getExpiresOn()));
		source.transferOut(channels);
		return split;
	}

}
