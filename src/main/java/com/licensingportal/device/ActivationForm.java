package com.licensingportal.device;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The online activation form: first the device (an existing one, or a new one's name, host ID and
 * account), then the number of channels per Activation ID.
 */
public class ActivationForm {

	public static final String EXISTING = "existing";

	public static final String NEW = "new";

	private String target;

	/** The existing device's Device ID. */
	private String device;

	private String name;

	private String hostId;

	/** The new device's account number. */
	private String account;

	/** Activation ID → channels as typed; blank or 0 means none. */
	private Map<String, String> channels = new LinkedHashMap<>();

	/** A link from a device's page names the device without saying "existing". */
	public String effectiveTarget() {
		if (this.target == null && this.device != null) {
			return EXISTING;
		}
		return this.target;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public String getDevice() {
		return this.device;
	}

	public void setDevice(String device) {
		this.device = blankToNull(device);
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = blankToNull(name);
	}

	public String getHostId() {
		return this.hostId;
	}

	public void setHostId(String hostId) {
		this.hostId = blankToNull(hostId);
	}

	public String getAccount() {
		return this.account;
	}

	public void setAccount(String account) {
		this.account = blankToNull(account);
	}

	public Map<String, String> getChannels() {
		return this.channels;
	}

	public void setChannels(Map<String, String> channels) {
		this.channels = channels;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
