package com.licensingportal.device;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.licensingportal.account.Account;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Online activation and deactivation: what is granted, what is refused, and that a refusal changes nothing. */
class ActivationServiceTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ActivationService activations;

	@Autowired
	DeviceRepository devices;

	@Autowired
	DeviceLicenseRepository deviceLicenses;

	@Autowired
	LicenseEventRepository events;

	private LicenseFixtures fixtures;

	private Account customer;

	private Account otherCustomer;

	private Account foreign;

	private Product product;

	private PortalUser partnerUser;

	private PortalUser partnerAdmin;

	private PortalUser customerUser;

	@BeforeEach
	void accounts() {
		this.fixtures = new LicenseFixtures(this.context);
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Quay Storage"));
		this.otherCustomer = this.fixtures.customer(LicenseFixtures.unique("Reed College"));
		this.foreign = this.fixtures.customer(LicenseFixtures.unique("Slate Mining"));
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Tern Systems"), this.customer, this.otherCustomer);
		this.partnerUser = this.fixtures.user("puser", partner, UserType.PARTNER_USER);
		this.partnerAdmin = this.fixtures.user("padmin", partner, UserType.PARTNER_ADMINISTRATOR);
		this.customerUser = this.fixtures.user("cuser", this.customer, UserType.CUSTOMER_USER);
		this.product = this.fixtures.product("ACT");
	}

	@Test
	void activatesChannelsOfSeveralLineItemsOnANewDeviceAndRecordsEach() {
		LineItem first = this.fixtures.lineItem(this.customer, this.product, 10, null);
		LineItem second = this.fixtures.lineItem(this.customer, this.product, 5, LocalDate.now().plusDays(3));

		Activation activation = this.activations.activate(visible(this.partnerUser),
				DeviceTarget.newDevice("QUAY-NVR-01", "HOST-1", this.customer.getId()),
				channels(first.getActivationId(), 4, second.getActivationId(), 5), this.partnerUser.getEmail(), null);

		assertThat(activation.channels()).isEqualTo(9);
		assertThat(activation.device().getAccount().getId()).isEqualTo(this.customer.getId());
		assertThat(this.fixtures.reload(first).getAvailableQuantity()).isEqualTo(6);
		assertThat(this.fixtures.reload(second).getAvailableQuantity()).isZero();
		assertThat(this.deviceLicenses.findOnDevice(activation.device().getId(), first.getId()))
			.hasValueSatisfying(license -> {
				assertThat(license.getQuantity()).isEqualTo(4);
				assertThat(license.getActivatedBy()).isEqualTo(this.partnerUser.getEmail());
			});
		assertThat(trail(first)).extracting(LicenseEvent::getType, LicenseEvent::getQuantity, LicenseEvent::getActor,
				LicenseEvent::getDeviceId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LicenseEventType.CREATED, 10, "fixture", null),
					org.assertj.core.groups.Tuple.tuple(LicenseEventType.ACTIVATED, 4, this.partnerUser.getEmail(),
							activation.device().getId()));
	}

	@Test
	void activatingAgainOnTheSameDeviceAddsToItsLicense() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation first = this.fixtures.activateOnNewDevice(item, 3, "QUAY-NVR-02");

		this.activations.activate(visible(this.customerUser), DeviceTarget.existing(first.device().getDeviceId()),
				channels(item.getActivationId(), 2), this.customerUser.getEmail(), null);

		assertThat(this.deviceLicenses.findOnDevice(first.device().getId(), item.getId()))
			.hasValueSatisfying(license -> assertThat(license.getQuantity()).isEqualTo(5));
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(5);
	}

	@Test
	void moreChannelsThanAvailableAreRefusedAndNothingChanges() {
		LineItem plenty = this.fixtures.lineItem(this.customer, this.product, 10, null);
		LineItem scarce = this.fixtures.lineItem(this.customer, this.product, 3, null);
		long devicesBefore = this.devices.count();

		assertRefused(() -> this.activations.activate(visible(this.customerUser),
				DeviceTarget.newDevice("QUAY-NVR-03", "HOST-3", this.customer.getId()),
				channels(plenty.getActivationId(), 2, scarce.getActivationId(), 4), "someone", null),
				"Only 3 channels of " + scarce.getActivationId() + " are left, not 4. Nothing was activated.");

		assertUnchanged(plenty, 10);
		assertUnchanged(scarce, 3);
		assertThat(this.devices.count()).isEqualTo(devicesBefore);
	}

	@Test
	void anExpiredLineItemIsRefused() {
		LineItem expired = this.fixtures.lineItem(this.customer, this.product, 10, LocalDate.now().minusDays(1));
		LineItem lastDay = this.fixtures.lineItem(this.customer, this.product, 10, LocalDate.now());

		assertRefused(() -> this.activations.activate(visible(this.customerUser),
				DeviceTarget.newDevice("QUAY-NVR-04", "HOST-4", this.customer.getId()), channels(expired.getActivationId(), 1),
				"someone", null),
				expired.getActivationId() + " expired on " + expired.getExpiresOn() + " and can no longer be activated.");
		assertUnchanged(expired, 10);
		// The expiration date itself is the last day on which it can be activated.
		this.activations.activate(visible(this.customerUser),
				DeviceTarget.newDevice("QUAY-NVR-05", "HOST-5", this.customer.getId()), channels(lastDay.getActivationId(), 1),
				"someone", null);
		assertThat(this.fixtures.reload(lastDay).getAvailableQuantity()).isEqualTo(9);
	}

	@Test
	void anotherAccountsLineItemIsRefusedAsUnknown() {
		LineItem foreignItem = this.fixtures.lineItem(this.foreign, this.product, 10, null);

		assertRefused(() -> this.activations.activate(visible(this.partnerUser),
				DeviceTarget.newDevice("QUAY-NVR-06", "HOST-6", this.customer.getId()),
				channels(foreignItem.getActivationId(), 1), "someone", null),
				foreignItem.getActivationId() + " is not one of your licenses.");
		assertRefused(() -> this.activations.activate(visible(this.partnerUser),
				DeviceTarget.newDevice("QUAY-NVR-06", "HOST-6", this.customer.getId()), channels("ZZZZ-ZZZZ-ZZZZ-ZZZZ", 1),
				"someone", null), "ZZZZ-ZZZZ-ZZZZ-ZZZZ is not one of your licenses.");
		assertUnchanged(foreignItem, 10);
	}

	@Test
	void aLineItemGoesOnlyOnADeviceOfItsOwnAccount() {
		LineItem otherCustomersItem = this.fixtures.lineItem(this.otherCustomer, this.product, 10, null);

		assertRefused(() -> this.activations.activate(visible(this.partnerUser),
				DeviceTarget.newDevice("QUAY-NVR-07", "HOST-7", this.customer.getId()),
				channels(otherCustomersItem.getActivationId(), 1), "someone", null),
				otherCustomersItem.getActivationId() + " belongs to " + this.otherCustomer.getName()
						+ ", but the device belongs to " + this.customer.getName() + ".");
		assertUnchanged(otherCustomersItem, 10);
	}

	@Test
	void aDeviceOrAccountOutsideTheUsersAccountsIsRefused() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation foreignDevice = this.fixtures.activateOnNewDevice(this.fixtures.lineItem(this.foreign, this.product, 2, null),
				1, "SLATE-NVR");

		assertRefused(() -> this.activations.activate(visible(this.customerUser),
				DeviceTarget.existing(foreignDevice.device().getDeviceId()), channels(item.getActivationId(), 1), "someone", null),
				"There is no device " + foreignDevice.device().getDeviceId() + " among yours.");
		assertRefused(() -> this.activations.activate(visible(this.customerUser),
				DeviceTarget.newDevice("X", "Y", this.foreign.getId()), channels(item.getActivationId(), 1), "someone", null),
				"Choose one of your accounts for the new device.");
		assertUnchanged(item, 10);
	}

	@Test
	void badRequestsAreRefusedWithTheReason() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		VisibleAccounts accounts = visible(this.customerUser);
		DeviceTarget target = DeviceTarget.newDevice("QUAY-NVR-08", "HOST-8", this.customer.getId());

		assertRefused(() -> this.activations.activate(accounts, target, Map.of(), "someone", null),
				"Choose at least one license and the number of channels to activate.");
		assertRefused(() -> this.activations.activate(accounts, target, channels(item.getActivationId(), 0), "someone", null),
				"Enter a number of channels of 1 or more for " + item.getActivationId() + ".");
		assertRefused(() -> this.activations.activate(accounts, DeviceTarget.newDevice(" ", "HOST-8", this.customer.getId()),
				channels(item.getActivationId(), 1), "someone", null), "Enter the device's name.");
		assertRefused(() -> this.activations.activate(accounts,
				DeviceTarget.newDevice("N", "H".repeat(201), this.customer.getId()), channels(item.getActivationId(), 1),
				"someone", null), "The device's host ID can have at most 200 characters.");
		assertUnchanged(item, 10);
	}

	@Test
	void aSecondNewDeviceWithTheSameHostIdIsRefused() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation first = this.activations.activate(visible(this.customerUser),
				DeviceTarget.newDevice("QUAY-NVR-09", "SAME-HOST", this.customer.getId()), channels(item.getActivationId(), 1),
				"someone", null);

		assertRefused(() -> this.activations.activate(visible(this.customerUser),
				DeviceTarget.newDevice("QUAY-NVR-10", "SAME-HOST", this.customer.getId()), channels(item.getActivationId(), 1),
				"someone", null), "already has a device with host ID SAME-HOST: QUAY-NVR-09 ("
						+ first.device().getDeviceId() + "). Choose it as the existing device.");
	}

	@Test
	void anAdministratorReturnsChannelsToTheirLineItemsAndTheTrailRecordsIt() {
		LineItem first = this.fixtures.lineItem(this.customer, this.product, 10, null);
		LineItem second = this.fixtures.lineItem(this.customer, this.product, 6, null);
		Activation activation = this.activations.activate(visible(this.partnerUser),
				DeviceTarget.newDevice("QUAY-NVR-11", "HOST-11", this.customer.getId()),
				channels(first.getActivationId(), 8, second.getActivationId(), 6), "someone", null);
		String deviceId = activation.device().getDeviceId();

		int partly = this.activations.deactivate(visible(this.partnerAdmin), deviceId, first.getActivationId(), 3,
				this.partnerAdmin.getEmail());
		assertThat(partly).isEqualTo(3);
		assertThat(this.fixtures.reload(first).getAvailableQuantity()).isEqualTo(5);

		int rest = this.activations.deactivate(visible(this.partnerAdmin), deviceId, null, null, this.partnerAdmin.getEmail());
		assertThat(rest).isEqualTo(5 + 6);
		assertThat(this.fixtures.reload(first).getAvailableQuantity()).isEqualTo(10);
		assertThat(this.fixtures.reload(second).getAvailableQuantity()).isEqualTo(6);
		assertThat(this.deviceLicenses.findActivationIdsOnDevice(activation.device().getId())).isEmpty();
		assertThat(trail(first)).extracting(LicenseEvent::getType, LicenseEvent::getQuantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LicenseEventType.CREATED, 10),
					org.assertj.core.groups.Tuple.tuple(LicenseEventType.ACTIVATED, 8),
					org.assertj.core.groups.Tuple.tuple(LicenseEventType.DEACTIVATED, 3),
					org.assertj.core.groups.Tuple.tuple(LicenseEventType.DEACTIVATED, 5));
		assertThat(trail(first).get(3).getActor()).isEqualTo(this.partnerAdmin.getEmail());
		assertThat(trail(first).get(3).getDeviceId()).isEqualTo(activation.device().getId());
	}

	@Test
	void onlyAnAdministratorMayReturnChannelsAndNeverMoreThanAreOnTheDevice() {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Activation activation = this.fixtures.activateOnNewDevice(item, 4, "QUAY-NVR-12");
		String deviceId = activation.device().getDeviceId();

		assertRefused(() -> this.activations.deactivate(visible(this.partnerUser), deviceId, null, null, "someone"),
				"Only an administrator of " + this.customer.getName() + " can return channels from a device.");
		assertRefused(() -> this.activations.deactivate(visible(this.partnerAdmin), deviceId, item.getActivationId(), 5,
				"someone"), "Only 4 channels of " + item.getActivationId() + " are on QUAY-NVR-12; nothing was returned.");
		assertRefused(() -> this.activations.deactivate(visible(this.customerUser), deviceId, null, null, "someone"),
				"Only an administrator of");
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(6);
	}

	private void assertRefused(Runnable action, String message) {
		assertThatThrownBy(action::run).isInstanceOf(RefusedException.class).hasMessageContaining(message);
	}

	private void assertUnchanged(LineItem item, int available) {
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(available);
		assertThat(trail(item)).extracting(LicenseEvent::getType).containsExactly(LicenseEventType.CREATED);
	}

	private List<LicenseEvent> trail(LineItem item) {
		return this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(item.getId());
	}

	private VisibleAccounts visible(PortalUser user) {
		return this.fixtures.visibleTo(user);
	}

	private static Map<String, Integer> channels(Object... idsAndQuantities) {
		Map<String, Integer> channels = new LinkedHashMap<>();
		for (int i = 0; i < idsAndQuantities.length; i += 2) {
			channels.put((String) idsAndQuantities[i], (Integer) idsAndQuantities[i + 1]);
		}
		return channels;
	}

}
