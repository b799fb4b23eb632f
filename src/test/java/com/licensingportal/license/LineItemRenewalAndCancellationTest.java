package com.licensingportal.license;

import java.time.Instant;
import java.time.LocalDate;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A line item's renewal and cancellation rules, without Spring. */
class LineItemRenewalAndCancellationTest {

	private static final LocalDate ORDER_DATE = LocalDate.of(2026, 12, 6);

	private final Account account = new Account("Renewals", AccountType.CUSTOMER);

	private final Product product = new Product("ACC7-ENT-CH-1Y", "Subscription", "ACC Enterprise", 12);

	private LineItem expiringOn(LocalDate expiresOn) {
		return new LineItem("7KQ2-9XTM-C4HP-R8WD", new Entitlement("E-1", this.account, Instant.now()), this.account,
				this.product, "7.14", 10, expiresOn);
	}

	@Test
	void anEarlyRenewalCountsFromTheCurrentExpirationSoNoPaidMonthIsLost() {
		LineItem item = expiringOn(ORDER_DATE.plusMonths(2));
		assertThat(item.renew(12, ORDER_DATE)).isEqualTo(ORDER_DATE.plusMonths(14));
	}

	@Test
	void aLateRenewalOfAnExpiredLicenseCountsFromTheOrderDate() {
		LineItem item = expiringOn(ORDER_DATE.minusMonths(3));
		assertThat(item.renew(12, ORDER_DATE)).isEqualTo(ORDER_DATE.plusMonths(12));
		assertThat(item.isExpiredOn(ORDER_DATE)).isFalse();
	}

	@Test
	void aRenewalOnTheDayOfExpirationCountsFromThatDay() {
		LineItem item = expiringOn(ORDER_DATE);
		assertThat(item.renew(6, ORDER_DATE)).isEqualTo(ORDER_DATE.plusMonths(6));
	}

	@Test
	void aPermanentLicenseIsNotRenewed() {
		LineItem item = expiringOn(null);
		assertThatThrownBy(() -> item.renew(12, ORDER_DATE)).hasMessageContaining("permanent");
		assertThat(item.getExpiresOn()).isNull();
	}

	@Test
	void cancellingRemovesTheAvailableChannelsOnlyAndKeepsTheCountsWhole() {
		LineItem item = expiringOn(null);
		// 3 on a device, 2 reserved for a transfer, 5 available.
		item.activate(3);
		item.reserve(2);

		assertThat(item.cancelAvailableChannels()).isEqualTo(5);

		assertThat(item.getTotalQuantity()).isEqualTo(5);
		assertThat(item.getAvailableQuantity()).isZero();
		assertThat(item.getReservedQuantity()).isEqualTo(2);
		assertThat(item.getActivatedQuantity()).isEqualTo(3);
		assertThat(item.cancelAvailableChannels()).isZero();
		assertThat(item.getTotalQuantity()).isEqualTo(5);
	}

}
