package com.licensingportal.device;

/**
 * Which device an activation puts channels on: an existing one by its Device ID, a new one for a chosen
 * account, or (for an offline request file) the device with the request's host ID in the account that owns
 * the requested line items, created when there is none.
 */
public record DeviceTarget(Kind kind, String deviceId, String name, String hostId, Long accountId) {

	public enum Kind {

		EXISTING, NEW, BY_HOST_ID

	}

	public static DeviceTarget existing(String deviceId) {
		return new DeviceTarget(Kind.EXISTING, deviceId, null, null, null);
	}

	public static DeviceTarget newDevice(String name, String hostId, Long accountId) {
		return new DeviceTarget(Kind.NEW, null, name, hostId, accountId);
	}

	public static DeviceTarget byHostId(String name, String hostId) {
		return new DeviceTarget(Kind.BY_HOST_ID, null, name, hostId, null);
	}

}
