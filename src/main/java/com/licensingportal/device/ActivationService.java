package com.licensingportal.device;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.Channels;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.base.PlainTextValidator;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.refusal.RefusedException.Kind;
import com.licensingportal.license.LineItemLocks;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Puts channels of line items on a device and takes them back: online from the Devices page, offline from
 * a request file, and for any later caller (API, transfers). Each call is one transaction that locks the
 * line items' rows (in Activation ID order, so that two calls never wait on each other in a circle)
 * before it reads their counts: two users racing for the last channels never both get them. A refusal
 * changes nothing.
 */
@Service
public class ActivationService {

	static final int MAX_TEXT = 200;

	private final LineItemLocks lineItems;

	private final DeviceRepository devices;

	private final DeviceLicenseRepository deviceLicenses;

	private final AccountRepository accounts;

	private final LicenseEventRepository events;

	private final Clock clock;

	private final MeterRegistry meters;

	ActivationService(LineItemLocks lineItems, DeviceRepository devices, DeviceLicenseRepository deviceLicenses,
			AccountRepository accounts, LicenseEventRepository events, Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.lineItems = lineItems;
		this.devices = devices;
		this.deviceLicenses = deviceLicenses;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Activates {@code channels} (Activation ID → number of channels) on the target device, all or nothing.
	 *
	 * @param accounts what the acting user may see: every line item and the device must be among them
	 * @param reference recorded with each event, e.g. the offline activation it belongs to; may be null
	 * @throws RefusedException with the reason in the user's words; nothing changed
	 */
	@Transactional
	public Activation activate(VisibleAccounts accounts, DeviceTarget target, Map<String, Integer> channels,
			String actor, String reference) {
		SortedMap<String, Integer> requested = validRequest(channels);
		try {
			List<LineItem> locked = lockVisible(accounts, requested);
			Device device = resolveDevice(accounts, target, locked);
			LocalDate today = LocalDate.now(this.clock);
			for (LineItem item : locked) {
				checkActivatable(item, requested.get(item.getActivationId()), device, today);
			}
			List<Activation.Grant> grants = new ArrayList<>();
			for (LineItem item : locked) {
				int quantity = requested.get(item.getActivationId());
				item.activate(quantity);
				DeviceLicense license = this.deviceLicenses.findOnDevice(device.getId(), item.getId())
					.orElseGet(() -> new DeviceLicense(device, item, 0, actor));
				license.activated(quantity, actor, Instant.now(this.clock));
				this.deviceLicenses.save(license);
				this.events.save(new LicenseEvent(item.getId(), LicenseEventType.ACTIVATED, quantity, actor)
					.withDevice(device.getId())
					.withReference(reference));
				grants.add(new Activation.Grant(item, quantity));
			}
			countOnCommit(reference, grants);
			return new Activation(device, List.copyOf(grants));
		}
		catch (PessimisticLockingFailureException busy) {
			throw RefusedException.conflict(
					"These licenses are being changed by someone else right now. Nothing was activated; try again in a moment.");
		}
	}

	/** Activations and their channels, online or offline (README: Health and metrics), once they are committed. */
	private void countOnCommit(String reference, List<Activation.Grant> grants) {
		String kind = reference == null ? "online" : "offline";
		int channels = grants.stream().mapToInt(Activation.Grant::quantity).sum();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				ActivationService.this.meters.counter("portal.activations", "kind", kind).increment();
				ActivationService.this.meters.counter("portal.activated.channels", "kind", kind).increment(channels);
			}
		});
	}

	/**
	 * Returns channels from a device to their line items (FlexNet's "return"); only an administrator of the
	 * device's account may. {@code activationId} null returns every license on the device, {@code quantity}
	 * null all channels of it.
	 *
	 * @return the number of channels returned
	 */
	@Transactional
	public int deactivate(VisibleAccounts accounts, String deviceId, String activationId, Integer quantity,
			String actor) {
		Device device = this.devices.findByDeviceId(deviceId)
			.filter(found -> accounts.canSee(found.getAccount().getId()))
			.orElseThrow(() -> new RefusedException(Kind.NOT_FOUND, "There is no device " + deviceId + " among yours."));
		if (!accounts.canAdminister(device.getAccount().getId())) {
			// Like every administrator-only action, "not found" for anyone else.
			throw new RefusedException(Kind.NOT_FOUND,
					"Only an administrator of " + device.getAccount().getName() + " can return channels from a device.");
		}
		List<String> onDevice = this.deviceLicenses.findActivationIdsOnDevice(device.getId());
		if (activationId != null && !onDevice.contains(activationId)) {
			throw new RefusedException(Kind.NOT_FOUND, activationId + " has no channels on " + device.getName() + ".");
		}
		if (quantity != null && (activationId == null || quantity < 1)) {
			throw RefusedException.invalid("quantity", "Enter a number of channels of 1 or more.");
		}
		int returned = 0;
		for (LineItem item : this.lineItems.lockByActivationIds(activationId == null ? onDevice : List.of(activationId))) {
			String id = item.getActivationId();
			Optional<DeviceLicense> license = this.deviceLicenses.findOnDevice(device.getId(), item.getId());
			if (license.isEmpty() || license.get().getQuantity() == 0) {
				continue;
			}
			int back = quantity == null ? license.get().getQuantity() : quantity;
			if (back > license.get().getQuantity()) {
				throw RefusedException.conflict("Only " + Channels.of(license.get().getQuantity()) + " of " + id
						+ (license.get().getQuantity() == 1 ? " is" : " are") + " on " + device.getName()
						+ "; nothing was returned.");
			}
			item.deactivate(back);
			if (license.get().returned(back) == 0) {
				device.getLicenses().remove(license.get());
				this.deviceLicenses.delete(license.get());
			}
			this.events.save(new LicenseEvent(item.getId(), LicenseEventType.DEACTIVATED, back, actor)
				.withDevice(device.getId()));
			returned += back;
		}
		return returned;
	}

	private static SortedMap<String, Integer> validRequest(Map<String, Integer> channels) {
		SortedMap<String, Integer> requested = new TreeMap<>();
		channels.forEach((activationId, quantity) -> {
			if (quantity == null || quantity < 1) {
				throw RefusedException.invalid("licenses",
						"Enter a number of channels of 1 or more for " + activationId + ".");
			}
			requested.put(activationId.strip(), quantity);
		});
		if (requested.isEmpty()) {
			throw RefusedException.invalid("licenses",
					"Choose at least one license and the number of channels to activate.");
		}
		return requested;
	}

	/** Locks the line items; one that is not among the user's accounts is refused as unknown. */
	private List<LineItem> lockVisible(VisibleAccounts accounts, SortedMap<String, Integer> requested) {
		List<LineItem> locked = this.lineItems.lockByActivationIds(requested.keySet());
		for (String activationId : requested.keySet()) {
			locked.stream()
				.filter(item -> item.getActivationId().equals(activationId) && accounts.canSee(item.getOwner().getId()))
				.findFirst()
				.orElseThrow(() -> new RefusedException(Kind.NOT_FOUND, activationId + " is not one of your licenses."));
		}
		return locked;
	}

	private Device resolveDevice(VisibleAccounts accounts, DeviceTarget target, List<LineItem> locked) {
		return switch (target.kind()) {
			case EXISTING -> this.devices.findByDeviceId(target.deviceId())
				.filter(device -> accounts.canSee(device.getAccount().getId()))
				.orElseThrow(() -> new RefusedException(Kind.NOT_FOUND,
					"There is no device " + target.deviceId() + " among yours."));
			case NEW -> {
				if (target.accountId() == null) {
					throw RefusedException.invalid("account", "Choose one of your accounts for the new device.");
				}
				Account account = Optional.of(target.accountId())
					.filter(accounts::canSee)
					.flatMap(this.accounts::findById)
					.orElseThrow(() -> new RefusedException(Kind.NOT_FOUND, "Choose one of your accounts for the new device."));
				String hostId = required(target.hostId(), "host ID", "hostId");
				Optional<Device> sameHost = this.devices.findByAccountAndHostId(account.getId(), hostId).stream().findFirst();
				if (sameHost.isPresent()) {
					throw RefusedException.conflict(account.getName() + " already has a device with host ID " + hostId
							+ ": " + sameHost.get().getName() + " (" + sameHost.get().getDeviceId()
							+ "). Choose it as the existing device.");
				}
				yield this.devices.save(new Device(required(target.name(), "name", "deviceName"), hostId, account));
			}
			case BY_HOST_ID -> {
				Account owner = locked.get(0).getOwner();
				for (LineItem item : locked) {
					if (!item.getOwner().getId().equals(owner.getId())) {
						throw RefusedException.invalid("licenses",
								"All licenses of one activation must belong to the same account: "
										+ locked.get(0).getActivationId() + " belongs to " + owner.getName() + ", "
										+ item.getActivationId() + " to " + item.getOwner().getName() + ".");
					}
				}
				String hostId = required(target.hostId(), "host ID", "hostId");
				String name = required(target.name(), "name", "deviceName");
				yield this.devices.findByAccountAndHostId(owner.getId(), hostId)
					.stream()
					.findFirst()
					.orElseGet(() -> this.devices.save(new Device(name, hostId, owner)));
			}
		};
	}

	private static String required(String value, String what, String field) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty()) {
			throw RefusedException.invalid(field, "Enter the device's " + what + ".");
		}
		if (stripped.length() > MAX_TEXT) {
			throw RefusedException.invalid(field,
					"The device's " + what + " can have at most " + MAX_TEXT + " characters.");
		}
		if (!PlainTextValidator.isPlain(stripped, false)) {
			throw RefusedException.invalid(field,
					"Remove the emoji and the invisible or control characters from the device's " + what + ".");
		}
		return stripped;
	}

	private static void checkActivatable(LineItem item, int quantity, Device device, LocalDate today) {
		String activationId = item.getActivationId();
		if (!item.getOwner().getId().equals(device.getAccount().getId())) {
			throw RefusedException.invalid("licenses", activationId + " belongs to " + item.getOwner().getName()
					+ ", but the device belongs to " + device.getAccount().getName() + ". Nothing was activated.");
		}
		if (item.isExpiredOn(today)) {
			throw RefusedException.conflict(activationId + " expired on " + item.getExpiresOn()
					+ " and can no longer be activated. Nothing was activated.");
		}
		if (item.getAvailableQuantity() == 0) {
			throw RefusedException.conflict("No channels of " + activationId + " are left. Nothing was activated.");
		}
		if (quantity > item.getAvailableQuantity()) {
			throw RefusedException.conflict("Only " + Channels.of(item.getAvailableQuantity()) + " of " + activationId
					+ (item.getAvailableQuantity() == 1 ? " is" : " are") + " left, not " + quantity + ". Nothing was activated.");
		}
	}

}
