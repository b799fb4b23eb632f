package com.licensingportal.transfer;

import java.util.Set;

import com.licensingportal.account.Account;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

/**
 * What {@code bpmn/transfer-approval.dmn} decides on besides the product type: how source and target are related,
 * and the requester's user type.
 */
record ApprovalInputs(Relation relation, UserType requesterRole) {

	/**
	 * Where the channels go, as the approval decision sees it: from the accounts' relations only, never from the
	 * requester's links, which an administrator can give a user to any two accounts they administer.
	 */
	enum Relation {

		/** The source is a partner account and the target one of its related customers. */
		RELATED_CUSTOMER,
		/** The source is a customer account and the target a partner that sells to it. */
		OWN_PARTNER,
		/** Anything else, also two customers of the same partner and two accounts one user is linked to. */
		UNRELATED

	}

	static ApprovalInputs of(PortalUser requester, Account source, Account target) {
		return new ApprovalInputs(relation(source, target), requesterRole(requester, source));
	}

	static Relation relation(Account source, Account target) {
		if (source.isPartner() && contains(source.getRelatedCustomers(), target)) {
			return Relation.RELATED_CUSTOMER;
		}
		if (!source.isPartner() && target.isPartner() && contains(target.getRelatedCustomers(), source)) {
			return Relation.OWN_PARTNER;
		}
		return Relation.UNRELATED;
	}

	/** The requester's user type on the source account, or on the partner account through which they see it. */
	static UserType requesterRole(PortalUser requester, Account source) {
		return requester.membershipOf(source.getId())
			.or(() -> requester.getMemberships()
				.stream()
				.filter(membership -> contains(membership.getAccount().getRelatedCustomers(), source))
				.findFirst())
			.map(AccountMembership::getUserType)
			.orElseThrow(() -> new IllegalStateException(requester.getEmail() + " sees " + source.getName()
					+ " through none of their accounts"));
	}

	private static boolean contains(Set<Account> accounts, Account account) {
		return accounts.stream().anyMatch(candidate -> candidate.getId().equals(account.getId()));
	}

}
