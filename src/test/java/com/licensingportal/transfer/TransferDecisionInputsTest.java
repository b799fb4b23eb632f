package com.licensingportal.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserType;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The approval decision's inputs for every combination of the requester's user type, the accounts they are
 * linked to, and how source and target are related: the relation comes from the accounts alone, so that no
 * user's links make a transfer automatic (a Customer User linked to two customers of one partner used to move
 * channels between them without Order Management).
 */
class TransferDecisionInputsTest extends TransferTestSupport {

	@Autowired
	UserRepository users;

	@Autowired
	com.licensingportal.account.AccountRepository accounts;

	@Autowired
	TransactionTemplate transaction;

	/** A requester and their user type on their home account (the first they were linked to). */
	private record Requester(String description, PortalUser user, UserType homeType) {
	}

	@Test
	void theRelationComesFromTheAccountsAndTheRoleFromTheRequestersHomeAccount() {
		Account sibling = this.fixtures.customer(LicenseFixtures.unique("Juniper South"));
		Account otherPartner = this.fixtures.partnerOf(LicenseFixtures.unique("Poplar Dealers"), this.unrelated);
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Larch North"), this.customer, sibling);
		LineItem partners = this.fixtures.lineItem(partner, this.product, 1000, null);
		LineItem customers = this.fixtures.lineItem(this.customer, this.product, 1000, null);
		Map<Account, LineItem> sources = Map.of(partner, partners, this.customer, customers);

		List<Requester> requesters = List.of(
				requester("Partner Administrator of the partner", UserType.PARTNER_ADMINISTRATOR, partner),
				requester("Partner User of the partner", UserType.PARTNER_USER, partner),
				requester("Partner Administrator also linked to an unrelated customer", UserType.PARTNER_ADMINISTRATOR, partner,
						this.unrelated),
				requester("Partner User also linked to an unrelated customer", UserType.PARTNER_USER, partner, this.unrelated),
				requester("Customer Administrator of the customer", UserType.CUSTOMER_ADMINISTRATOR, this.customer),
				requester("Customer User of the customer", UserType.CUSTOMER_USER, this.customer),
				requester("Customer Administrator also linked to the sibling customer", UserType.CUSTOMER_ADMINISTRATOR,
						this.customer, sibling),
				requester("Customer User also linked to the sibling customer", UserType.CUSTOMER_USER, this.customer, sibling),
				requester("Customer User also linked to an unrelated customer", UserType.CUSTOMER_USER, this.customer,
						this.unrelated),
				requester("Customer Administrator also linked to the partner", UserType.CUSTOMER_ADMINISTRATOR, this.customer,
						partner),
				requester("Customer User also linked to another partner", UserType.CUSTOMER_USER, this.customer, otherPartner));

		Map<String, String> relations = new LinkedHashMap<>();
		relations.put(key(partner, this.customer), "RELATED_CUSTOMER");
		relations.put(key(partner, sibling), "RELATED_CUSTOMER");
		relations.put(key(partner, this.unrelated), "UNRELATED");
		relations.put(key(partner, otherPartner), "UNRELATED");
		relations.put(key(this.customer, partner), "OWN_PARTNER");
		relations.put(key(this.customer, sibling), "UNRELATED");
		relations.put(key(this.customer, this.unrelated), "UNRELATED");
		relations.put(key(this.customer, otherPartner), "UNRELATED");
		List<Account> everyTarget = List.of(partner, this.customer, sibling, this.unrelated, otherPartner);

		SoftAssertions softly = new SoftAssertions();
		int combinations = 0;
		for (Requester requester : requesters) {
			// The requester's home account, and the related customers a partner user sees through it.
			List<Account> ownSources = requester.homeType().name().startsWith("PARTNER") ? List.of(partner, this.customer)
					: List.of(this.customer);
			for (Account source : ownSources) {
				for (Account target : everyTarget) {
					if (target.getId().equals(source.getId())) {
						continue;
					}
					String relation = relations.get(key(source, target));
					boolean automatic = relation.equals("RELATED_CUSTOMER")
							|| relation.equals("OWN_PARTNER") && requester.homeType() == UserType.CUSTOMER_ADMINISTRATOR;
					ChannelTransfer transfer = requested(requester.user(), request(sources.get(source), 1, target));
					Map<String, Object> inputs = this.runtime.getVariables(processInstanceId(transfer));
					String what = requester.description() + ": " + source.getName() + " → " + target.getName();
					softly.assertThat(inputs.get("relation")).as(what + ", relation").isEqualTo(relation);
					softly.assertThat(inputs.get("requesterRole")).as(what + ", role").isEqualTo(requester.homeType().name());
					softly.assertThat(inputs.get("approvalRequired")).as(what + ", approval").isEqualTo(!automatic);
					softly.assertThat(row(transfer).getState())
						.as(what + ", state")
						.isEqualTo(automatic ? TransferState.APPROVED : TransferState.PENDING_APPROVAL);
					combinations++;
				}
			}
		}
		softly.assertThat(combinations).as("combinations tried").isEqualTo(7 * 4 + 4 * 2 * 4);
		softly.assertAll();
	}

	/**
	 * A user of the type on the home account, linked to the others as an administrator of both would link them:
	 * a Customer Administrator as one, anyone else as a Partner User or Customer User.
	 */
	private Requester requester(String description, UserType type, Account home, Account... alsoLinked) {
		PortalUser user = this.fixtures.user("req", home, type);
		for (Account account : alsoLinked) {
			UserType also = account.isPartner() ? UserType.PARTNER_USER
					: type == UserType.CUSTOMER_ADMINISTRATOR ? type : UserType.CUSTOMER_USER;
			this.transaction.executeWithoutResult(status -> {
				PortalUser loaded = this.users.findWithMembershipsById(user.getId()).orElseThrow();
				loaded.link(this.accounts.findById(account.getId()).orElseThrow(), also);
				this.users.save(loaded);
			});
		}
		return new Requester(description, user, type);
	}

	private static String key(Account source, Account target) {
		return source.getId() + "→" + target.getId();
	}

}
