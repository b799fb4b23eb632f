package com.licensingportal.license;

import java.time.Instant;
import java.time.LocalDate;

import com.licensingportal.account.Account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One line of a sales order: an unactivated license whose channels are counted as
 * {@code total = available + reserved + activated}. Transfers and activations move channels; only a
 * sales order creates them. The counts change only through the methods that say what happens (reserve, release,
 * activate, deactivate, transfer out, receive, change hands, cancel), which refuse any change that would break the
 * invariant or leave a count negative.
 */
@Entity
@Table(name = "line_item")
public class LineItem {

	static final LocalDate PERMANENT_SORT = LocalDate.of(9999, 12, 31);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The product key, e.g. {@code 7KQ2-9XTM-C4HP-R8WD}. */
	@Column(name = "activation_id", nullable = false, updatable = false)
	private String activationId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "entitlement_id")
	private Entitlement entitlement;

	@ManyToOne(optional = false)
	@JoinColumn(name = "owner_account_id")
	private Account owner;

	@ManyToOne(optional = false)
	@JoinColumn(name = "sold_to_account_id")
	private Account soldTo;

	@ManyToOne(optional = false)
	@JoinColumn(name = "product_id", updatable = false)
	private Product product;

	@Column(name = "product_version", nullable = false)
	private String productVersion;

	@Column(name = "total_quantity", nullable = false)
	private int totalQuantity;

	@Column(name = "available_quantity", nullable = false)
	private int availableQuantity;

	@Column(name = "reserved_quantity", nullable = false)
	private int reservedQuantity;

	/** Null for a permanent license; otherwise the last day on which it can be activated or transferred. */
	@Column(name = "expires_on")
	private LocalDate expiresOn;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	// Copies for List Entitlements, which filters and sorts without joins (EntitlementList, migration V26).
	@Column(name = "entitlement_number", updatable = false)
	private String entitlementNumber;

	@Column(name = "sold_to_name")
	private String soldToName;

	@Column(name = "part_number", updatable = false)
	private String partNumber;

	/** The Expiration column's order: the date, or after every date when permanent. */
	@Column(name = "expiry_sort")
	private LocalDate expirySort;

	@Version
	@Column(name = "lock_version", nullable = false)
	private long lockVersion;

	protected LineItem() {
	}

	public LineItem(String activationId, Entitlement entitlement, Account owner, Product product, String productVersion,
			int totalQuantity, LocalDate expiresOn) {
		if (totalQuantity < 1) {
			throw new IllegalArgumentException("A line item has at least one channel");
		}
		this.activationId = activationId;
		this.entitlement = entitlement;
		this.owner = owner;
		this.soldTo = entitlement.getSoldTo();
		this.product = product;
		this.productVersion = productVersion;
		this.totalQuantity = totalQuantity;
		this.availableQuantity = totalQuantity;
		this.reservedQuantity = 0;
		this.expiresOn = expiresOn;
		this.createdAt = Instant.now();
		this.entitlementNumber = entitlement.getEntitlementId();
		this.soldToName = this.soldTo.getName();
		this.partNumber = product.getPartNumber();
		this.expirySort = expirySort(expiresOn);
	}

	/** The value of {@code expiry_sort} for an expiration: permanent licenses sort after every date. */
	static LocalDate expirySort(LocalDate expiresOn) {
		return expiresOn == null ? PERMANENT_SORT : expiresOn;
	}

	public boolean isPermanent() {
		return this.expiresOn == null;
	}

	/** Expired on the day after its expiration date. */
	public boolean isExpiredOn(LocalDate day) {
		return this.expiresOn != null && day.isAfter(this.expiresOn);
	}

	public int getActivatedQuantity() {
		return this.totalQuantity - this.availableQuantity - this.reservedQuantity;
	}

	public Long getId() {
		return this.id;
	}

	public String getActivationId() {
		return this.activationId;
	}

	public Entitlement getEntitlement() {
		return this.entitlement;
	}

	public Account getOwner() {
		return this.owner;
	}

	public Account getSoldTo() {
		return this.soldTo;
	}

	public Product getProduct() {
		return this.product;
	}

	public String getProductVersion() {
		return this.productVersion;
	}

	public int getTotalQuantity() {
		return this.totalQuantity;
	}

	public int getAvailableQuantity() {
		return this.availableQuantity;
	}

	public int getReservedQuantity() {
		return this.reservedQuantity;
	}

	/** Reserves {@code channels} available channels for a transfer that waits for its decision. */
	public void reserve(int channels) {
		requirePositive(channels);
		changeQuantities(this.totalQuantity, this.availableQuantity - channels, this.reservedQuantity + channels);
	}

	/** Gives {@code channels} reserved channels back: the transfer they were kept for will not happen. */
	public void release(int channels) {
		requirePositive(channels);
		changeQuantities(this.totalQuantity, this.availableQuantity + channels, this.reservedQuantity - channels);
	}

	/** Puts {@code channels} available channels on a device. */
	public void activate(int channels) {
		requirePositive(channels);
		changeQuantities(this.totalQuantity, this.availableQuantity - channels, this.reservedQuantity);
	}

	/** Takes {@code channels} back from a device: they are available again. */
	public void deactivate(int channels) {
		requirePositive(channels);
		changeQuantities(this.totalQuantity, this.availableQuantity + channels, this.reservedQuantity);
	}

	/** {@code channels} reserved channels leave this line item for another one (see {@link #receive}). */
	public void transferOut(int channels) {
		requirePositive(channels);
		changeQuantities(this.totalQuantity - channels, this.availableQuantity, this.reservedQuantity - channels);
	}

	/** {@code channels} transferred from another line item arrive here, available. */
	public void receive(int channels) {
		requirePositive(channels);
		changeQuantities(this.totalQuantity + channels, this.availableQuantity + channels, this.reservedQuantity);
	}

	/**
	 * The whole line item, every channel reserved for the transfer, changes hands: it keeps its Activation ID, and
	 * its channels are available to the new owner.
	 */
	public void changeHands(Account newOwner) {
		if (this.reservedQuantity != this.totalQuantity) {
			throw new IllegalStateException("Line item " + this.activationId + " has " + this.reservedQuantity + " of "
					+ this.totalQuantity + " channels reserved: only a line item reserved whole changes hands");
		}
		changeQuantities(this.totalQuantity, this.totalQuantity, 0);
		this.owner = newOwner;
		this.soldTo = newOwner;
		this.soldToName = newOwner.getName();
	}

	private static void requirePositive(int channels) {
		if (channels < 1) {
			throw new IllegalArgumentException("A change moves at least one channel, not " + channels);
		}
	}

	/**
	 * The one place the counts change, refusing any state that would break
	 * {@code total = available + reserved + activated} (none of them negative).
	 */
	private void changeQuantities(int total, int available, int reserved) {
		if (available < 0 || reserved < 0 || available + reserved > total) {
			throw new IllegalStateException("Line item " + this.activationId + " cannot hold total=" + total
					+ " available=" + available + " reserved=" + reserved);
		}
		this.totalQuantity = total;
		this.availableQuantity = available;
		this.reservedQuantity = reserved;
	}

	/**
	 * A credit note for this line: removes the channels still available (those on devices, reserved for a
	 * transfer or transferred away stay) and says how many it removed.
	 */
	public int cancelAvailableChannels() {
		int removed = this.availableQuantity;
		changeQuantities(this.totalQuantity - removed, 0, this.reservedQuantity);
		return removed;
	}

	/**
	 * A renewal ordered on {@code orderDate}: the expiration moves {@code months} on from the later of the current
	 * expiration and the order date, so that a late renewal loses no paid months and an early one none either.
	 * @return the new expiration
	 */
	public LocalDate renew(int months, LocalDate orderDate) {
		if (isPermanent()) {
			throw new IllegalStateException("Line item " + this.activationId + " is permanent and cannot be renewed");
		}
		LocalDate from = this.expiresOn.isAfter(orderDate) ? this.expiresOn : orderDate;
		this.expiresOn = from.plusMonths(months);
		this.expirySort = expirySort(this.expiresOn);
		return this.expiresOn;
	}

	public LocalDate getExpiresOn() {
		return this.expiresOn;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public long getLockVersion() {
		return this.lockVersion;
	}

}
