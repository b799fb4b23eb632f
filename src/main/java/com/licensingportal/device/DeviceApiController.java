package com.licensingportal.device;

import com.licensingportal.text.Text;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.account.Account;
import com.licensingportal.base.ApiPage;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.refusal.RefusedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Devices, online activation and returning channels, for scripts: the same services as the Devices pages. */
@RestController
@Tag(name = "Devices and activation")
class DeviceApiController {

	private final Devices devices;

	private final DeviceList list;

	DeviceApiController(Devices devices, DeviceList list) {
		this.devices = devices;
		this.list = list;
	}

	/** A device in the list. */
	record DeviceItem(@Schema(example = "D-7KQ2-9XTM") String deviceId, @Schema(example = "HARBOR-NVR-01") String name,
			@Schema(example = "4C4C4544-0042-3510-8052-B4C04F4A3332") String hostId,
			@Schema(example = "A-7KQ2-9XTM") String account, @Schema(example = "Harbor Logistics") String accountName,
			@Schema(example = "1", description = "line items with channels on the device") long licenses,
			@Schema(example = "10") long channels, Instant activatedAt) {

		static DeviceItem of(DeviceList.Row row) {
			Device device = row.device();
			return new DeviceItem(device.getDeviceId(), device.getName(), device.getHostId(),
					device.getAccount().getAccountNumber(), device.getAccount().getName(), row.licenses(), row.channels(),
					device.getActivatedAt());
		}

	}

	/** Channels of one line item on a device. */
	record DeviceLicenseView(@Schema(example = "7KQ2-9XTM-C4HP-R8WD") String activationId,
			@Schema(example = "E-20261127-0001") String entitlementId, @Schema(example = "ACC7-ENT-CH") String product,
			@Schema(example = "7.14") String version, @Schema(example = "10") int quantity,
			@Schema(example = "2027-01-31", nullable = true, description = "null when permanent") LocalDate expiration,
			Instant activatedAt, @Schema(example = "customer.admin@harbor.example") String activatedBy) {

		static DeviceLicenseView of(DeviceLicense license) {
			var item = license.getLineItem();
			return new DeviceLicenseView(item.getActivationId(), item.getEntitlement().getEntitlementId(),
					item.getProduct().getPartNumber(), item.getProductVersion(), license.getQuantity(), item.getExpiresOn(),
					license.getActivatedAt(), license.getActivatedBy());
		}

	}

	/** A device's page. {@code canDeactivate}: the caller administers its account and may return channels. */
	record DeviceDetail(@Schema(example = "D-7KQ2-9XTM") String deviceId, @Schema(example = "HARBOR-NVR-01") String name,
			@Schema(example = "4C4C4544-0042-3510-8052-B4C04F4A3332") String hostId,
			@Schema(example = "A-7KQ2-9XTM") String account, @Schema(example = "Harbor Logistics") String accountName,
			Instant activatedAt, boolean canDeactivate, List<DeviceLicenseView> licenses) {
	}

	/** Channels of one line item to activate. */
	record LicenseRequest(
			@Schema(example = "7KQ2-9XTM-C4HP-R8WD") @NotBlank(message = "Give the Activation ID.") String activationId,
			@Schema(example = "4") @NotNull(message = "Give the number of channels.")
			@Min(value = 1, message = "{licenses.device.api.oneOrMore}") Integer quantity) {
	}

	/**
	 * Online activation: an existing device by {@code deviceId}, or a new one by {@code deviceName} and
	 * {@code hostId} in {@code account} (needed only when you can see more than one account).
	 */
	record ActivationRequest(
			@Schema(example = "D-7KQ2-9XTM", description = "an existing device; leave out deviceName and hostId") String deviceId,
			@Schema(example = "HARBOR-NVR-02", description = "a new device's name") String deviceName,
			@Schema(example = "4C4C4544-0042-3510-8052-B4C04F4A3333", description = "a new device's host ID") String hostId,
			@Schema(example = "A-7KQ2-9XTM", description = "the account number of a new device's account") String account,
			@NotEmpty(message = "{licenses.device.api.licenses}")
			@Valid List<@NotNull(message = "{licenses.device.api.licenseShape}") LicenseRequest> licenses) {
	}

	/** What one activation granted; {@code availableQuantity} is what is left of the line item. */
	record Granted(@Schema(example = "7KQ2-9XTM-C4HP-R8WD") String activationId, @Schema(example = "4") int quantity,
			@Schema(example = "2") int availableQuantity) {
	}

	record ActivationResult(@Schema(example = "D-7KQ2-9XTM") String deviceId,
			@Schema(example = "HARBOR-NVR-02") String deviceName, @Schema(example = "A-7KQ2-9XTM") String account,
			@Schema(example = "4") int channels, List<Granted> granted) {
	}

	record Deactivation(@Schema(example = "D-7KQ2-9XTM") String deviceId,
			@Schema(example = "7KQ2-9XTM-C4HP-R8WD") String activationId, @Schema(example = "4") int returnedChannels) {
	}

	@GetMapping(path = "/api/v1/devices", produces = "application/json")
	@Operation(operationId = "listDevices", summary = "List the devices of your accounts, newest first",
			description = "q matches any part of the name, Device ID or host ID, ignoring case.")
	ApiPage<DeviceItem> list(@AuthenticationPrincipal PortalUserPrincipal user,
			@RequestParam(required = false) @Parameter(example = "NVR") String q,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "25") @Parameter(schema = @Schema(allowableValues = { "10", "25", "50",
					"100" })) int size) {
		ApiPage.checkPaging(page, size, DeviceList.PAGE_SIZES);
		Page<DeviceList.Row> found = this.devices.page(user.getUserId(), q, page, size);
		// The list shows the last page for one beyond it; a script asking for the next page must get none.
		List<DeviceItem> items = found.getNumber() + 1 < page ? List.of()
				: found.getContent().stream().map(DeviceItem::of).toList();
		return new ApiPage<>(items, page, size, found.getTotalElements());
	}

	@GetMapping(path = "/api/v1/devices/{deviceId}", produces = "application/json")
	@Operation(operationId = "getDevice", summary = "One device of yours with the licenses activated on it")
	DeviceDetail show(@AuthenticationPrincipal PortalUserPrincipal user,
			@PathVariable @Parameter(example = "D-7KQ2-9XTM") String deviceId) {
		Device device = this.devices.find(user.getUserId(), deviceId)
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.device.notFound", deviceId)));
		return new DeviceDetail(device.getDeviceId(), device.getName(), device.getHostId(),
				device.getAccount().getAccountNumber(), device.getAccount().getName(), device.getActivatedAt(),
				this.devices.canDeactivate(user.getUserId(), device),
				this.list.licenses(device).stream().map(DeviceLicenseView::of).toList());
	}

	@PostMapping(path = "/api/v1/activations", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "activateOnline",
			summary = "Activate licenses online on an existing or a new device, all or nothing",
			description = "409 when a line item has fewer channels left than asked for or has expired, or a new device's "
					+ "host ID is already taken in the account; 404 for a device, account or Activation ID that is not yours.")
	ResponseEntity<ActivationResult> activate(@AuthenticationPrincipal PortalUserPrincipal user,
			@Valid @RequestBody ActivationRequest body) {
		Activation activation = this.devices.activate(user.getUserId(), target(body, user.getUserId()),
				channels(body.licenses()), user.getEmail());
		Device device = activation.device();
		ActivationResult result = new ActivationResult(device.getDeviceId(), device.getName(),
				device.getAccount().getAccountNumber(), activation.channels(),
				activation.grants()
					.stream()
					.map(grant -> new Granted(grant.lineItem().getActivationId(), grant.quantity(),
							grant.lineItem().getAvailableQuantity()))
					.toList());
		return ResponseEntity.created(URI.create("/api/v1/devices/" + device.getDeviceId())).body(result);
	}

	@DeleteMapping(path = "/api/v1/devices/{deviceId}/licenses/{activationId}", produces = "application/json")
	@Operation(operationId = "deactivate",
			summary = "Return a license's channels from a device to the line item (administrators)",
			description = "All of its channels on the device, or quantity of them. Only administrators of the device's "
					+ "account may; for anyone else the device's license is not found (404).")
	Deactivation deactivate(@AuthenticationPrincipal PortalUserPrincipal user,
			@PathVariable @Parameter(example = "D-7KQ2-9XTM") String deviceId,
			@PathVariable @Parameter(example = "7KQ2-9XTM-C4HP-R8WD") String activationId,
			@RequestParam(required = false) @Parameter(description = "how many channels; all when left out",
					example = "2") Integer quantity) {
		int returned = this.devices.deactivate(user.getUserId(), deviceId,
				activationId.strip().toUpperCase(Locale.ROOT), quantity, user.getEmail());
		return new Deactivation(deviceId, activationId.strip().toUpperCase(Locale.ROOT), returned);
	}

	/** The device the request names: an existing one, or a new one as the Activate page would make it. */
	private DeviceTarget target(ActivationRequest body, Long userId) {
		if (body.deviceId() != null && !body.deviceId().isBlank()) {
			if (body.deviceName() != null || body.hostId() != null || body.account() != null) {
				throw RefusedException.invalid("deviceId", Text.of("licenses.device.api.notBoth"));
			}
			return DeviceTarget.existing(body.deviceId().strip());
		}
		if (body.deviceName() == null && body.hostId() == null) {
			throw RefusedException.invalid("deviceId", Text.of("licenses.device.api.which"));
		}
		return DeviceTarget.newDevice(body.deviceName(), body.hostId(), newDeviceAccount(body.account(), userId));
	}

	/** The named account, or the only one the user sees; null leaves the refusal to the activation service. */
	private Long newDeviceAccount(String accountNumber, Long userId) {
		Optional<Account> account = this.devices.accountForNewDevice(userId, accountNumber);
		if (accountNumber == null || accountNumber.isBlank()) {
			return account.map(Account::getId).orElse(null);
		}
		return account.map(Account::getId).orElseThrow(() -> RefusedException.notFound(Text.of("licenses.device.api.noAccount", accountNumber.strip())));
	}

	private static Map<String, Integer> channels(List<LicenseRequest> licenses) {
		Map<String, Integer> channels = new LinkedHashMap<>();
		for (LicenseRequest license : licenses) {
			String activationId = license.activationId().strip().toUpperCase(Locale.ROOT);
			if (channels.put(activationId, license.quantity()) != null) {
				throw RefusedException.invalid("licenses", Text.of("licenses.activate.listedTwice", activationId));
			}
		}
		return channels;
	}

}
