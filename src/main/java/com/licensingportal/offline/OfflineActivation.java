package com.licensingportal.offline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.licensingportal.device.Device;
import com.licensingportal.license.LineItem;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An accepted offline activation request: its nonce (so that the file cannot be used again) and what the
 * signed license file says, so that the same file can be downloaded again.
 */
@Entity
@Table(name = "offline_activation")
public class OfflineActivation {

	/** The channels granted for one line item. */
	@Embeddable
	public static class GrantedLicense {

		@ManyToOne(fetch = FetchType.LAZY, optional = false)
		@JoinColumn(name = "line_item_id")
		private LineItem lineItem;

		@Column(nullable = false)
		private int quantity;

		protected GrantedLicense() {
		}

		GrantedLicense(LineItem lineItem, int quantity) {
			this.lineItem = lineItem;
			this.quantity = quantity;
		}

		public LineItem getLineItem() {
			return this.lineItem;
		}

		public int getQuantity() {
			return this.quantity;
		}

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, updatable = false)
	private String nonce;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "device_id", updatable = false)
	private Device device;

	@Column(name = "device_name", nullable = false, updatable = false)
	private String deviceName;

	@Column(name = "host_id", nullable = false, updatable = false)
	private String hostId;

	@Column(name = "request_created_at", nullable = false, updatable = false)
	private String requestCreatedAt;

	@Column(name = "issued_at", nullable = false, updatable = false)
	private Instant issuedAt;

	@Column(name = "issued_by", nullable = false, updatable = false)
	private String issuedBy;

	@ElementCollection
	@CollectionTable(name = "offline_activation_license", joinColumns = @JoinColumn(name = "offline_activation_id"))
	private List<GrantedLicense> licenses = new ArrayList<>();

	protected OfflineActivation() {
	}

	OfflineActivation(ActivationRequestFile request, Device device, Instant issuedAt, String issuedBy) {
		this.nonce = request.nonce();
		this.device = device;
		this.deviceName = request.deviceName();
		this.hostId = request.hostId();
		this.requestCreatedAt = request.createdAt();
		this.issuedAt = issuedAt;
		this.issuedBy = issuedBy;
	}

	void grant(LineItem lineItem, int quantity) {
		this.licenses.add(new GrantedLicense(lineItem, quantity));
	}

	/** The request as it was accepted, with its licenses in Activation ID order. */
	ActivationRequestFile request() {
		Map<String, Integer> requested = new LinkedHashMap<>();
		sortedLicenses().forEach(license -> requested.put(license.getLineItem().getActivationId(), license.getQuantity()));
		return new ActivationRequestFile(this.deviceName, this.hostId, this.nonce, this.requestCreatedAt, requested);
	}

	List<GrantedLicense> sortedLicenses() {
		return this.licenses.stream()
			.sorted(Comparator.comparing(license -> license.getLineItem().getActivationId()))
			.toList();
	}

	public Long getId() {
		return this.id;
	}

	public String getNonce() {
		return this.nonce;
	}

	public Device getDevice() {
		return this.device;
	}

	public Instant getIssuedAt() {
		return this.issuedAt;
	}

	public String getIssuedBy() {
		return this.issuedBy;
	}

	public List<GrantedLicense> getLicenses() {
		return this.licenses;
	}

}
