package com.licensingportal.access;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.licensingportal.user.Role;
import com.licensingportal.user.UserType;

/**
 * What one user may see and administer, as PRODUCT.md "Who can do what" says. Every query that
 * returns portal data is restricted to {@link #visible()}; every admin action to {@link #administered()}.
 *
 * @param visible the accounts whose licenses, devices and users the user sees
 * @param administered the accounts in which the user creates, updates, links and removes users
 * @param partner whether the user holds a dealer role somewhere (sees related accounts and users)
 * @param linked the accounts of {@code visible} the user is linked to
 * @param sellingPartners the partner accounts whose active related customers make up the rest of {@code visible}:
 *        a query over thousands of visible accounts can join through the relation instead of listing them
 */
public record VisibleAccounts(Set<Long> visible, Set<Long> administered, boolean partner, Set<Long> linked,
		Set<Long> sellingPartners) {

	public VisibleAccounts {
		visible = Collections.unmodifiableSet(new LinkedHashSet<>(visible));
		administered = Collections.unmodifiableSet(new LinkedHashSet<>(administered));
		linked = Collections.unmodifiableSet(new LinkedHashSet<>(linked));
		sellingPartners = Collections.unmodifiableSet(new LinkedHashSet<>(sellingPartners));
	}

	/** Accounts seen as listed: {@code visible} is all there is to know. */
	public VisibleAccounts(Set<Long> visible, Set<Long> administered, boolean partner) {
		this(visible, administered, partner, visible, Set.of());
	}

	public static VisibleAccounts none() {
		return new VisibleAccounts(Set.of(), Set.of(), false);
	}

	/**
	 * Decides from the user's links (account id → user type) and the partners' related customers.
	 * A Dealer User sees, and a Dealer Admin administers, the partner account and its related
	 * customers; an End User sees, and an End User Admin administers, only the linked account itself.
	 */
	public static VisibleAccounts of(Map<Long, UserType> links, Function<Long, Collection<Long>> relatedCustomersOf) {
		Set<Long> visible = new LinkedHashSet<>();
		Set<Long> administered = new LinkedHashSet<>();
		Set<Long> sellingPartners = new LinkedHashSet<>();
		boolean partner = false;
		for (Map.Entry<Long, UserType> link : links.entrySet()) {
			Long accountId = link.getKey();
			UserType type = link.getValue();
			visible.add(accountId);
			if (type.has(Role.END_USER_ADMIN)) {
				administered.add(accountId);
			}
			if (type.has(Role.DEALER_USER) || type.has(Role.DEALER_ADMIN)) {
				partner = true;
				sellingPartners.add(accountId);
				Collection<Long> customers = relatedCustomersOf.apply(accountId);
				visible.addAll(customers);
				if (type.has(Role.DEALER_ADMIN)) {
					administered.add(accountId);
					administered.addAll(customers);
				}
			}
		}
		return new VisibleAccounts(visible, administered, partner, links.keySet(), sellingPartners);
	}

	public boolean canSee(Long accountId) {
		return accountId != null && this.visible.contains(accountId);
	}

	public boolean canAdminister(Long accountId) {
		return accountId != null && this.administered.contains(accountId);
	}

	public boolean isAdministrator() {
		return !this.administered.isEmpty();
	}

}
