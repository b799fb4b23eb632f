package com.licensingportal.device;

import java.time.LocalDate;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.licensingportal.support.LicenseFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Devices pages, online activation from the UI, deactivation, and a line item's page with its trail. */
class DevicePagesTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	DeviceRepository devices;

	private LicenseFixtures fixtures;

	private Account customer;

	private Account foreign;

	private PortalUser partnerUser;

	private PortalUser partnerAdmin;

	private PortalUser customerUser;

	private PortalUser foreignUser;

	private Product product;

	@BeforeEach
	void accounts() {
		this.fixtures = new LicenseFixtures(this.context);
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Umber Hotels"));
		this.foreign = this.fixtures.customer(LicenseFixtures.unique("Vale Farms"));
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Wren Security"), this.customer);
		this.partnerUser = this.fixtures.user("wuser", partner, UserType.PARTNER_USER);
		this.partnerAdmin = this.fixtures.user("wadmin", partner, UserType.PARTNER_ADMINISTRATOR);
		this.customerUser = this.fixtures.user("uuser", this.customer, UserType.CUSTOMER_USER);
		this.foreignUser = this.fixtures.user("vuser", this.foreign, UserType.CUSTOMER_ADMINISTRATOR);
		this.product = this.fixtures.product("DEV");
	}

	@Test
	void theDevicesListShowsTheDevicesOfTheUsersAccountsOnly() throws Exception {
		LineItem mine = this.fixtures.lineItem(this.customer, this.product, 12, null);
		Device device = this.fixtures.activateOnNewDevice(mine, 7, "UMBER-NVR-01").device();
		Device foreignDevice = this.fixtures
			.activateOnNewDevice(this.fixtures.lineItem(this.foreign, this.product, 3, null), 2, "VALE-NVR-01")
			.device();

		for (PortalUser user : new PortalUser[] { this.partnerUser, this.customerUser }) {
			String html = page("/devices?q=" + device.getDeviceId(), user);
			assertThat(html).contains("data-device-id=\"" + device.getDeviceId(), "UMBER-NVR-01", device.getHostId(), this.customer.getName(),
					"1 license, 7 channels");
			assertThat(page("/devices?q=" + foreignDevice.getDeviceId(), user))
				.doesNotContain("data-device-id=\"" + foreignDevice.getDeviceId())
				.contains("No devices.");
			assertThat(page("/devices?size=100", user)).doesNotContain("data-device-id=\"" + foreignDevice.getDeviceId());
		}
		this.mvc.perform(get("/devices/" + foreignDevice.getDeviceId()).with(as(this.partnerUser)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/devices/D-NONE-NONE").with(as(this.customerUser))).andExpect(status().isNotFound());
	}

	@Test
	void aDevicesPageShowsEachLicenseWithProductVersionChannelsExpirationAndWhoActivatedIt() throws Exception {
		LineItem permanent = this.fixtures.lineItem(this.customer, this.product, 12, null);
		LineItem expiring = this.fixtures.lineItem(this.customer, this.product, 5, LocalDate.of(2031, 3, 31));
		Device device = this.fixtures.activateOnNewDevice(permanent, 7, "UMBER-NVR-02").device();
		this.mvc.perform(post("/devices/activate").with(csrf()).with(as(this.customerUser))
			.param("target", "existing")
			.param("device", device.getDeviceId())
			.param("channels[" + expiring.getActivationId() + "]", "2"));

		String html = page("/devices/" + device.getDeviceId(), this.customerUser);

		assertThat(html).contains(permanent.getActivationId(), expiring.getActivationId(), this.product.getPartNumber(),
				"7.14", "2031-03-31", "Permanent", "fixture", this.customerUser.getEmail());
		assertThat(html).containsPattern("data-activation-id=\"" + expiring.getActivationId() + "\">[\\s\\S]*?"
				+ "<td class=\"number channels\">2</td>");
		assertThat(html).doesNotContain("Return all channels");
	}

	@Test
	void activatingOnlineWalksFromTheDeviceToTheLicensesAndOntoTheDevicePage() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		LineItem expired = this.fixtures.lineItem(this.customer, this.product, 10, LocalDate.now().minusDays(1));
		LineItem foreignItem = this.fixtures.lineItem(this.foreign, this.product, 10, null);

		assertThat(page("/devices/activate", this.partnerUser)).contains("1. Device", "A new device", this.customer.getName());
		String licenses = page("/devices/activate?target=new&name=UMBER-NVR-03&hostId=HOST-U3&account="
				+ this.customer.getAccountNumber(), this.partnerUser);
		assertThat(licenses).contains("New device UMBER-NVR-03 with host ID HOST-U3", item.getActivationId())
			.doesNotContain(expired.getActivationId())
			.doesNotContain(foreignItem.getActivationId());

		MvcResult done = this.mvc.perform(post("/devices/activate").with(csrf()).with(as(this.partnerUser))
			.param("target", "new")
			.param("name", "UMBER-NVR-03")
			.param("hostId", "HOST-U3")
			.param("account", this.customer.getAccountNumber())
			.param("channels[" + item.getActivationId() + "]", "6"))
			.andExpect(flash().attribute("success", "Activated 6 channels on UMBER-NVR-03."))
			.andReturn();
		String devicePage = done.getResponse().getRedirectedUrl();
		assertThat(devicePage).startsWith("/devices/D-");
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(4);
		assertThat(page(devicePage, this.partnerUser)).contains("UMBER-NVR-03", item.getActivationId());
	}

	@Test
	void aRefusedActivationShowsTheReasonOnTheFormAndChangesNothing() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 3, null);
		long devicesBefore = this.devices.count();

		String tooMany = this.mvc.perform(post("/devices/activate").with(csrf()).with(as(this.customerUser))
			.param("target", "new")
			.param("name", "UMBER-NVR-04")
			.param("hostId", "HOST-U4")
			.param("channels[" + item.getActivationId() + "]", "5"))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String notANumber = this.mvc.perform(post("/devices/activate").with(csrf()).with(as(this.customerUser))
			.param("target", "new")
			.param("name", "UMBER-NVR-04")
			.param("hostId", "HOST-U4")
			.param("channels[" + item.getActivationId() + "]", "five"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String noDevice = this.mvc.perform(post("/devices/activate").with(csrf()).with(as(this.customerUser))
			.param("target", "new")
			.param("channels[" + item.getActivationId() + "]", "1"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(tooMany).contains("Only 3 channels of " + item.getActivationId() + " are left, not 5. Nothing was activated.")
			.contains("value=\"5\"");
		assertThat(notANumber).contains("Enter the number of channels for " + item.getActivationId() + " as a whole number.");
		assertThat(noDevice).contains("Enter the new device&#39;s name.", "Enter the new device&#39;s host ID");
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(3);
		assertThat(this.devices.count()).isEqualTo(devicesBefore);
	}

	@Test
	void anAdministratorReturnsChannelsFromTheDevicePageAndForOthersItIsNotFound() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Device device = this.fixtures.activateOnNewDevice(item, 6, "UMBER-NVR-05").device();
		String url = "/devices/" + device.getDeviceId() + "/deactivate";

		// The device's page offers a user no Return; a hand-made request is answered like every administrators' action.
		assertThat(page("/devices/" + device.getDeviceId(), this.customerUser)).doesNotContain("Return all channels of this device");
		this.mvc.perform(post(url).with(csrf()).with(as(this.customerUser)).param("activationId", item.getActivationId()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post(url).with(csrf()).with(as(this.partnerAdmin)).param("activationId", item.getActivationId())
			.param("quantity", "seven"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString("Enter the number of channels to return as a whole number.")));
		this.mvc.perform(post(url).with(csrf()).with(as(this.partnerAdmin)).param("activationId", item.getActivationId())
			.param("quantity", "7"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Only 6 channels of " + item.getActivationId() + " are on UMBER-NVR-05")))
			.andExpect(content().string(containsString("id=\"device-name\"")));
		this.mvc.perform(post(url).with(csrf()).with(as(this.foreignUser))).andExpect(status().isNotFound());
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(4);

		assertThat(page("/devices/" + device.getDeviceId(), this.partnerAdmin)).contains("Return all channels of this device");
		this.mvc.perform(post(url).with(csrf()).with(as(this.partnerAdmin)).param("activationId", item.getActivationId())
			.param("quantity", "2")).andExpect(flash().attribute("success", "2 channels were returned to their licenses."));
		this.mvc.perform(post(url).with(csrf()).with(as(this.partnerAdmin)))
			.andExpect(flash().attribute("success", "4 channels were returned to their licenses."));

		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(10);
		assertThat(page("/devices/" + device.getDeviceId(), this.partnerAdmin)).contains("No licenses are activated on this device.");
	}

	@Test
	void aLineItemsPageShowsItsCountsDevicesAndEventTrailWithWhoAndWhen() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		Device device = this.fixtures.activateOnNewDevice(item, 6, "UMBER-NVR-06").device();
		this.mvc.perform(post("/devices/" + device.getDeviceId() + "/deactivate").with(csrf()).with(as(this.partnerAdmin))
			.param("activationId", item.getActivationId())
			.param("quantity", "2"));

		String html = page("/entitlements/" + item.getActivationId(), this.customerUser);

		assertThat(html).containsPattern("id=\"count-total\">10<")
			.containsPattern("id=\"count-available\">6<")
			.containsPattern("id=\"count-activated\">4<")
			.contains("UMBER-NVR-06 (" + device.getDeviceId() + ")");
		assertThat(html).containsPattern("(?s)data-event=\"CREATED\">.*?Created.*?>10<.*?fixture")
			.containsPattern("(?s)data-event=\"ACTIVATED\">.*?Activated.*?>6<.*?fixture")
			.containsPattern("(?s)data-event=\"DEACTIVATED\">.*?Deactivated.*?>2<.*?" + this.partnerAdmin.getEmail());
		this.mvc.perform(get("/entitlements/" + item.getActivationId()).with(as(this.foreignUser)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aPageNumberFarBeyondTheLastShowsTheLastPage() throws Exception {
		LineItem mine = this.fixtures.lineItem(this.customer, this.product, 12, null);
		Device device = this.fixtures.activateOnNewDevice(mine, 2, LicenseFixtures.unique("FAR-NVR")).device();

		for (String paging : new String[] { "page=2147483647", "page=2147483647&size=100", "page=1073741824&size=10",
				"page=-2147483648", "size=2147483647", "page=99999999999&size=-1" }) {
			String html = page("/devices?" + paging, this.customerUser);
			assertThat(html).as(paging).contains(device.getDeviceId());
		}
		for (String paging : new String[] { "page=2147483647", "page=2147483647&size=100" }) {
			assertThat(page("/entitlements?" + paging, this.customerUser)).as(paging).contains(mine.getActivationId());
		}
	}

	private String page(String url, PortalUser user) throws Exception {
		return this.mvc.perform(get(url).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
