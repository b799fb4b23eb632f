package com.licensingportal.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** PRODUCT.md "Who can do what", for every user type, on own, related and foreign accounts. */
class VisibleAccountsTest {

	private static final long PARTNER = 1L;

	private static final long RELATED_CUSTOMER = 2L;

	private static final long OTHER_RELATED_CUSTOMER = 3L;

	private static final long FOREIGN_CUSTOMER = 4L;

	private static final long OTHER_PARTNER = 5L;

	private static final Function<Long, Collection<Long>> RELATIONS = account -> account == PARTNER
			? List.of(RELATED_CUSTOMER, OTHER_RELATED_CUSTOMER) : List.of();

	@Test
	void partnerAdministratorSeesAndAdministersThePartnerAndItsRelatedCustomers() {
		VisibleAccounts accounts = VisibleAccounts.of(Map.of(PARTNER, UserType.PARTNER_ADMINISTRATOR), RELATIONS);

		assertThat(accounts.visible()).containsExactlyInAnyOrder(PARTNER, RELATED_CUSTOMER, OTHER_RELATED_CUSTOMER);
		assertThat(accounts.administered()).containsExactlyInAnyOrder(PARTNER, RELATED_CUSTOMER, OTHER_RELATED_CUSTOMER);
		assertThat(accounts.partner()).isTrue();
		assertThat(accounts.canSee(FOREIGN_CUSTOMER)).isFalse();
		assertThat(accounts.canAdminister(OTHER_PARTNER)).isFalse();
	}

	@Test
	void partnerUserSeesThePartnerAndItsRelatedCustomersButAdministersNothing() {
		VisibleAccounts accounts = VisibleAccounts.of(Map.of(PARTNER, UserType.PARTNER_USER), RELATIONS);

		assertThat(accounts.visible()).containsExactlyInAnyOrder(PARTNER, RELATED_CUSTOMER, OTHER_RELATED_CUSTOMER);
		assertThat(accounts.administered()).isEmpty();
		assertThat(accounts.isAdministrator()).isFalse();
		assertThat(accounts.partner()).isTrue();
	}

	@Test
	void customerAdministratorSeesAndAdministersOnlyTheirOwnAccount() {
		VisibleAccounts accounts = VisibleAccounts.of(Map.of(RELATED_CUSTOMER, UserType.CUSTOMER_ADMINISTRATOR),
				RELATIONS);

		assertThat(accounts.visible()).containsExactly(RELATED_CUSTOMER);
		assertThat(accounts.administered()).containsExactly(RELATED_CUSTOMER);
		assertThat(accounts.partner()).isFalse();
		assertThat(accounts.canSee(PARTNER)).isFalse();
		assertThat(accounts.canSee(OTHER_RELATED_CUSTOMER)).isFalse();
	}

	@Test
	void customerUserSeesOnlyTheirOwnAccountAndAdministersNothing() {
		VisibleAccounts accounts = VisibleAccounts.of(Map.of(RELATED_CUSTOMER, UserType.CUSTOMER_USER), RELATIONS);

		assertThat(accounts.visible()).containsExactly(RELATED_CUSTOMER);
		assertThat(accounts.administered()).isEmpty();
		assertThat(accounts.partner()).isFalse();
	}

	@Test
	void customerTypesOnAPartnerAccountDoNotReachItsCustomers() {
		VisibleAccounts accounts = VisibleAccounts.of(Map.of(PARTNER, UserType.CUSTOMER_ADMINISTRATOR), RELATIONS);

		assertThat(accounts.visible()).containsExactly(PARTNER);
		assertThat(accounts.administered()).containsExactly(PARTNER);
		assertThat(accounts.partner()).isFalse();
	}

	@Test
	void linksToSeveralAccountsAddUpEachOnItsOwnTerms() {
		Map<Long, UserType> links = new LinkedHashMap<>();
		links.put(PARTNER, UserType.PARTNER_USER);
		links.put(FOREIGN_CUSTOMER, UserType.CUSTOMER_ADMINISTRATOR);

		VisibleAccounts accounts = VisibleAccounts.of(links, RELATIONS);

		assertThat(accounts.visible()).containsExactlyInAnyOrder(PARTNER, RELATED_CUSTOMER, OTHER_RELATED_CUSTOMER,
				FOREIGN_CUSTOMER);
		assertThat(accounts.administered()).containsExactly(FOREIGN_CUSTOMER);
	}

	@Test
	void aUserWithoutLinksSeesNothing() {
		VisibleAccounts accounts = VisibleAccounts.of(Map.of(), RELATIONS);

		assertThat(accounts.visible()).isEmpty();
		assertThat(accounts.canSee(null)).isFalse();
		assertThat(VisibleAccounts.none().visible()).isEmpty();
	}

}
