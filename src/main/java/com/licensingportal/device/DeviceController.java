package com.licensingportal.device;

import java.util.Locale;
import com.licensingportal.text.Text;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.refusal.RefusedException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Devices: the list, a device's page with its licenses, and returning channels (deactivation). */
@Controller
class DeviceController {

	static final String VIEW_LIST = "device/devices";

	static final String VIEW_DEVICE = "device/device";

	private final Devices devices;

	private final DeviceList list;

	DeviceController(Devices devices, DeviceList list) {
		this.devices = devices;
		this.list = list;
	}

	@GetMapping("/devices")
	String list(@AuthenticationPrincipal PortalUserPrincipal user, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") String page, @RequestParam(defaultValue = "25") String size, Model model) {
		model.addAttribute("devices", this.devices.page(user.getUserId(), q, number(page, 1),
				number(size, 25)));
		model.addAttribute("q", q);
		model.addAttribute("pageSizes", DeviceList.PAGE_SIZES);
		return VIEW_LIST;
	}

	@GetMapping("/devices/{deviceId}")
	String show(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable String deviceId, Model model) {
		return devicePage(user.getUserId(), deviceId, model);
	}

	/**
	 * Returns channels to their line items: one license's (all or {@code quantity}), or every license's. A
	 * refusal shows the device's page again with the reason, and the status of the refusal.
	 */
	@PostMapping("/devices/{deviceId}/deactivate")
	String deactivate(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable String deviceId,
			@RequestParam(required = false) String activationId, @RequestParam(required = false) String quantity,
			Model model, RedirectAttributes redirect, Locale locale) {
		// Like every administrators' action: "not found" for anyone else, also for a device they can see.
		if (this.devices.administered(user.getUserId(), deviceId).isEmpty()) {
			throw RefusedException.notFound(Text.of("licenses.device.notFound", deviceId));
		}
		try {
			Integer channels = quantity == null || quantity.isBlank() ? null : parseQuantity(quantity);
			int returned = this.devices.deactivate(user.getUserId(), deviceId, blankToNull(activationId), channels,
					user.getEmail());
			redirect.addFlashAttribute("success", Text.of("licenses.device.returned", returned).in(locale));
		}
		catch (RefusedException refused) {
			model.addAttribute("problem", refused.message(locale));
			PageRefusal.answer(model, refused);
			return devicePage(user.getUserId(), deviceId, model);
		}
		return "redirect:/devices/" + deviceId;
	}

	private String devicePage(Long userId, String deviceId, Model model) {
		Device device = this.devices.find(userId, deviceId)
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.device.notFound", deviceId)));
		model.addAttribute("device", device);
		model.addAttribute("licenses", this.list.licenses(device));
		model.addAttribute("licenseFiles", this.list.licenseFiles(device));
		model.addAttribute("canDeactivate", this.devices.canDeactivate(userId, device));
		return VIEW_DEVICE;
	}

	private static Integer parseQuantity(String quantity) {
		try {
			return Integer.valueOf(quantity.strip());
		}
		catch (NumberFormatException ex) {
			throw RefusedException.invalid("quantity", Text.of("licenses.device.returnWhole"));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static int number(String value, int fallback) {
		try {
			return Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
