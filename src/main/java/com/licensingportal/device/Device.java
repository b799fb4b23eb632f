package com.licensingportal.device;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.base.ReadableCode;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** A server on which licenses were activated. */
@Entity
@Table(name = "device")
public class Device {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The Device ID shown to users, e.g. {@code D-7KQ2-9XTM}. */
	@Column(name = "device_number", nullable = false, updatable = false)
	private String deviceId;

	@Column(nullable = false)
	private String name;

	/** The server's own hardware identifier, as its activation request reports it. */
	@Column(name = "host_id", nullable = false)
	private String hostId;

	@ManyToOne(optional = false)
	@JoinColumn(name = "account_id")
	private Account account;

	@Column(name = "activated_at", nullable = false, updatable = false)
	private Instant activatedAt;

	@OneToMany(mappedBy = "device", cascade = CascadeType.ALL)
	private List<DeviceLicense> licenses = new ArrayList<>();

	protected Device() {
	}

	public Device(String name, String hostId, Account account) {
		this.deviceId = "D-" + ReadableCode.random(2);
		this.name = name;
		this.hostId = hostId;
		this.account = account;
		this.activatedAt = Instant.now();
	}

	public int getChannelCount() {
		return this.licenses.stream().mapToInt(DeviceLicense::getQuantity).sum();
	}

	public Long getId() {
		return this.id;
	}

	public String getDeviceId() {
		return this.deviceId;
	}

	public String getName() {
		return this.name;
	}

	public String getHostId() {
		return this.hostId;
	}

	public Account getAccount() {
		return this.account;
	}

	public Instant getActivatedAt() {
		return this.activatedAt;
	}

	public List<DeviceLicense> getLicenses() {
		return this.licenses;
	}

}
