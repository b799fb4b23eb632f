package com.licensingportal.device;

import java.time.Instant;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;

import com.licensingportal.access.VisibleAccounts;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The Devices page and a device's page, restricted to the devices of the user's visible accounts. */
@Service
public class DeviceList {

	public static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);

	/** A device with the number of licenses and channels activated on it. */
	public record Row(Device device, long licenses, long channels) {
	}

	private final DeviceRepository devices;

	private final DeviceLicenseRepository deviceLicenses;

	private final JdbcTemplate jdbc;

	DeviceList(DeviceRepository devices, DeviceLicenseRepository deviceLicenses, JdbcTemplate jdbc) {
		this.devices = devices;
		this.deviceLicenses = deviceLicenses;
		this.jdbc = jdbc;
	}

	/**
	 * Newest first; {@code text} matches any part of the name, Device ID or host ID. A page below 1 is the first,
	 * one after the last is the last, a size other than {@link #PAGE_SIZES} is 25.
	 */
	@Transactional(readOnly = true)
	public Page<Row> page(VisibleAccounts accounts, String text, int page, int size) {
		int pageSize = PAGE_SIZES.contains(size) ? size : 25;
		// A page whose first row lies beyond what a query can skip (2^31 rows) is beyond the last page: the
		// search below answers the last one instead.
		int index = Math.min(Math.max(0, page - 1), Integer.MAX_VALUE / pageSize - 1);
		PageRequest request = PageRequest.of(index, pageSize, Sort.by(Sort.Order.desc("activatedAt"), Sort.Order.desc("id")));
		if (accounts.visible().isEmpty()) {
			return Page.empty(request);
		}
		String pattern = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(Locale.ROOT) + "%";
		Page<Device> found = this.devices.search(accounts.visible(), pattern, request);
		if (found.getNumber() >= found.getTotalPages() && found.getTotalPages() > 0) {
			found = this.devices.search(accounts.visible(), pattern, request.withPage(found.getTotalPages() - 1));
		}
		Map<Long, long[]> counts = new HashMap<>();
		if (found.hasContent()) {
			for (Object[] count : this.deviceLicenses.countByDevice(found.map(Device::getId).toList())) {
				counts.put((Long) count[0], new long[] { ((Number) count[1]).longValue(), ((Number) count[2]).longValue() });
			}
		}
		return found.map(device -> {
			long[] count = counts.getOrDefault(device.getId(), new long[2]);
			return new Row(device, count[0], count[1]);
		});
	}

	@Transactional(readOnly = true)
	public Optional<Device> find(VisibleAccounts accounts, String deviceId) {
		return this.devices.findByDeviceId(deviceId).filter(device -> accounts.canSee(device.getAccount().getId()));
	}

	/** The device's licenses with line item, product and entitlement loaded, by Activation ID. */
	@Transactional(readOnly = true)
	public List<DeviceLicense> licenses(Device device) {
		return this.deviceLicenses.findDetailsOnDevice(device.getId());
	}

	/** An offline activation of the device, whose signed license file can be downloaded again. */
	public record LicenseFileEntry(long id, Instant issuedAt, String issuedBy, String nonce) {
	}

	/** The license files issued for the device's offline activations, newest first. */
	public List<LicenseFileEntry> licenseFiles(Device device) {
		return this.jdbc.query("select id, issued_at, issued_by, nonce from offline_activation where device_id = ?"
				+ " order by issued_at desc, id desc",
				(rs, n) -> new LicenseFileEntry(rs.getLong("id"),
						rs.getTimestamp("issued_at", Calendar.getInstance(TimeZone.getTimeZone("UTC"))).toInstant(),
						rs.getString("issued_by"), rs.getString("nonce")),
				device.getId());
	}

	/** The devices a user can activate licenses on, by name. */
	@Transactional(readOnly = true)
	public List<Device> choices(VisibleAccounts accounts) {
		return accounts.visible().isEmpty() ? List.of() : this.devices.findByAccounts(accounts.visible());
	}

}
