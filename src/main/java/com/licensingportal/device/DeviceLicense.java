package com.licensingportal.device;

import java.time.Instant;

import com.licensingportal.license.LineItem;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The channels of one line item activated on one device. */
@Entity
@Table(name = "device_license")
public class DeviceLicense {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "device_id", updatable = false)
	private Device device;

	@ManyToOne(optional = false)
	@JoinColumn(name = "line_item_id", updatable = false)
	private LineItem lineItem;

	@Column(nullable = false)
	private int quantity;

	@Column(name = "activated_at", nullable = false)
	private Instant activatedAt;

	@Column(name = "activated_by", nullable = false)
	private String activatedBy;

	protected DeviceLicense() {
	}

	public DeviceLicense(Device device, LineItem lineItem, int quantity, String activatedBy) {
		this.device = device;
		this.lineItem = lineItem;
		this.quantity = quantity;
		this.activatedAt = Instant.now();
		this.activatedBy = activatedBy;
		device.getLicenses().add(this);
	}

	public Long getId() {
		return this.id;
	}

	public Device getDevice() {
		return this.device;
	}

	public LineItem getLineItem() {
		return this.lineItem;
	}

	public int getQuantity() {
		return this.quantity;
	}

	/** {@code channels} more of the line item are put on the device now, by {@code actor}. */
	public void activated(int channels, String actor, Instant at) {
		if (channels < 1) {
			throw new IllegalArgumentException("An activation puts at least one channel on a device, not " + channels);
		}
		this.quantity += channels;
		this.activatedAt = at;
		this.activatedBy = actor;
	}

	/**
	 * {@code channels} go back to the line item; refused when fewer are on the device.
	 * @return the channels left on the device
	 */
	public int returned(int channels) {
		if (channels < 1 || channels > this.quantity) {
			throw new IllegalStateException("Cannot return " + channels + " of the " + this.quantity + " channels of "
					+ this.lineItem.getActivationId() + " on a device");
		}
		this.quantity -= channels;
		return this.quantity;
	}

	public Instant getActivatedAt() {
		return this.activatedAt;
	}

	public String getActivatedBy() {
		return this.activatedBy;
	}

}
