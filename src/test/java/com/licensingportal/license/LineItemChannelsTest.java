package com.licensingportal.license;

import java.time.Instant;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountType;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What each channel rule of a line item does and refuses, without Spring. */
class LineItemChannelsTest {

	private final Account customer = new Account("Channels", AccountType.CUSTOMER);

	private final Account other = new Account("Elsewhere", AccountType.CUSTOMER);

	private final Product product = new Product("ACC7-ENT-CH", "ACC Enterprise", "Permanent");

	private LineItem item(int channels) {
		return new LineItem("7KQ2-9XTM-C4HP-R8WD", new Entitlement("E-1", this.customer, Instant.now()), this.customer,
				this.product, "7.14", channels, null);
	}

	private static void assertCounts(LineItem item, int total, int available, int reserved, int activated) {
		assertThat(item.getTotalQuantity()).as("total").isEqualTo(total);
		assertThat(item.getAvailableQuantity()).as("available").isEqualTo(available);
		assertThat(item.getReservedQuantity()).as("reserved").isEqualTo(reserved);
		assertThat(item.getActivatedQuantity()).as("activated").isEqualTo(activated);
	}

	@Test
	void reservingAndReleasingMoveChannelsBetweenAvailableAndReserved() {
		LineItem item = item(10);
		item.reserve(4);
		assertCounts(item, 10, 6, 4, 0);
		item.release(3);
		assertCounts(item, 10, 9, 1, 0);
	}

	@Test
	void activatingAndDeactivatingMoveChannelsBetweenAvailableAndDevices() {
		LineItem item = item(10);
		item.activate(7);
		assertCounts(item, 10, 3, 0, 7);
		item.deactivate(2);
		assertCounts(item, 10, 5, 0, 5);
	}

	@Test
	void aTransferTakesReservedChannelsOutAndTheOtherLineItemReceivesThemAvailable() {
		LineItem source = item(10);
		LineItem addTo = item(2);
		source.reserve(4);
		source.transferOut(4);
		addTo.receive(4);
		assertCounts(source, 6, 6, 0, 0);
		assertCounts(addTo, 6, 6, 0, 0);
	}

	@Test
	void aLineItemReservedWholeChangesHandsWithItsChannelsAvailable() {
		LineItem item = item(5);
		item.reserve(5);
		item.changeHands(this.other);
		assertCounts(item, 5, 5, 0, 0);
		assertThat(item.getOwner()).isSameAs(this.other);
		assertThat(item.getSoldTo()).isSameAs(this.other);
	}

	@Test
	void aLineItemNotReservedWholeDoesNotChangeHands() {
		LineItem item = item(5);
		item.reserve(4);
		assertThatThrownBy(() -> item.changeHands(this.other)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("4 of 5 channels reserved");
		assertCounts(item, 5, 1, 4, 0);
		assertThat(item.getOwner()).isSameAs(this.customer);
	}

	@Test
	void aChangeThatWouldBreakTheInvariantIsRefusedAndChangesNothing() {
		LineItem item = item(10);
		item.activate(3);
		item.reserve(2);

		assertThatThrownBy(() -> item.reserve(6)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Line item 7KQ2-9XTM-C4HP-R8WD cannot hold total=10 available=-1 reserved=8");
		assertThatThrownBy(() -> item.activate(6)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> item.release(3)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> item.deactivate(4)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> item.transferOut(3)).isInstanceOf(IllegalStateException.class);
		assertCounts(item, 10, 5, 2, 3);
	}

	@Test
	void aChangeOfNoChannelsOrOfANegativeNumberIsRefused() {
		LineItem item = item(10);
		item.reserve(2);
		assertThatThrownBy(() -> item.reserve(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> item.reserve(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> item.release(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> item.activate(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> item.deactivate(-2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> item.transferOut(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> item.receive(-5)).isInstanceOf(IllegalArgumentException.class);
		assertCounts(item, 10, 8, 2, 0);
	}

}
