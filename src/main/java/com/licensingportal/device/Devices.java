package com.licensingportal.device;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.account.Account;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The devices a user sees and what they may do with them, for the pages and the API: each method takes the
 * acting user and resolves what they may see ({@link AccountVisibility}), so no controller decides it.
 */
@Service
public class Devices {

	private final AccountVisibility visibility;

	private final DeviceList devices;

	private final ActivationService activations;

	private final LineItemRepository lineItems;

	Devices(AccountVisibility visibility, DeviceList devices, ActivationService activations,
			LineItemRepository lineItems) {
		this.visibility = visibility;
		this.devices = devices;
		this.activations = activations;
		this.lineItems = lineItems;
	}

	public Page<DeviceList.Row> page(Long userId, String text, int page, int size) {
		return this.devices.page(this.visibility.forUser(userId), text, page, size);
	}

	/** The device, if the user sees its account; for anyone else it does not exist. */
	public Optional<Device> find(Long userId, String deviceId) {
		return this.devices.find(this.visibility.forUser(userId), deviceId);
	}

	/** The device, if the user administers its account: "not found" for anyone else, also one they can see. */
	public Optional<Device> administered(Long userId, String deviceId) {
		return find(userId, deviceId).filter(device -> canDeactivate(userId, device));
	}

	/** Whether the user may return the device's channels: they administer its account. */
	public boolean canDeactivate(Long userId, Device device) {
		return this.visibility.administers(userId, device.getAccount().getId());
	}

	/** The devices the user can activate licenses on, by name. */
	public List<Device> choices(Long userId) {
		return this.devices.choices(this.visibility.forUser(userId));
	}

	/** The accounts a new device may belong to, by name. */
	public List<Account> accountChoices(Long userId) {
		return this.visibility.accountsSeenBy(userId);
	}

	/** The account a new device goes to: the one named, if the user sees it, or else the only one they see. */
	public Optional<Account> accountForNewDevice(Long userId, String accountNumber) {
		if (accountNumber == null || accountNumber.isBlank()) {
			List<Account> seen = this.visibility.accountsSeenBy(userId);
			return seen.size() == 1 ? Optional.of(seen.get(0)) : Optional.empty();
		}
		return this.visibility.accountSeenBy(userId, accountNumber.strip());
	}

	/** The account's line items with channels left that have not expired on the day, if the user sees it. */
	public List<LineItem> activatable(Long userId, Account account, LocalDate day) {
		return this.visibility.forUser(userId).canSee(account.getId())
				? this.lineItems.findActivatable(account.getId(), day) : List.of();
	}

	/** {@link ActivationService#activate} for what the acting user may see. */
	public Activation activate(Long userId, DeviceTarget target, Map<String, Integer> channels, String actor) {
		return this.activations.activate(this.visibility.forUser(userId), target, channels, actor, null);
	}

	/** {@link ActivationService#deactivate} for what the acting user may administer. */
	public int deactivate(Long userId, String deviceId, String activationId, Integer quantity, String actor) {
		VisibleAccounts accounts = this.visibility.forUser(userId);
		return this.activations.deactivate(accounts, deviceId, activationId, quantity, actor);
	}

}
