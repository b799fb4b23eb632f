package com.licensingportal.device;

import java.util.Locale;
import com.licensingportal.text.Text;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.account.Account;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.refusal.RefusedException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Devices > Activate: choose a device (or name a new one), then line items and numbers of channels. */
@Controller
class ActivationController {

	static final String VIEW_ACTIVATE = "device/activate";

	private final Devices devices;

	private final Clock clock;

	ActivationController(Devices devices, Clock clock) {
		this.devices = devices;
		this.clock = clock;
	}

	/** The device the channels go to, as the first step chose it. */
	private record Chosen(Device device, Account account, DeviceTarget target) {
	}

	@GetMapping("/devices/activate")
	String form(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("activation") ActivationForm form,
			Model model) {
		List<Text> problems = new ArrayList<>();
		boolean stepOneAnswered = form.getTarget() != null || form.getDevice() != null;
		Optional<Chosen> chosen = stepOneAnswered ? chosen(form, user.getUserId(), problems) : Optional.empty();
		return show(user.getUserId(), form, chosen, problems, model);
	}

	@PostMapping("/devices/activate")
	String activate(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("activation") ActivationForm form,
			Model model, RedirectAttributes redirect, Locale locale) {
		List<Text> problems = new ArrayList<>();
		Optional<Chosen> chosen = chosen(form, user.getUserId(), problems);
		Map<String, Integer> channels = channels(form, problems);
		if (chosen.isPresent() && problems.isEmpty()) {
			try {
				Activation activation = this.devices.activate(user.getUserId(), chosen.get().target(), channels,
						user.getEmail());
				redirect.addFlashAttribute("success", Text.of("licenses.activate.done", activation.channels(),
						activation.device().getName()).in(locale));
				return "redirect:/devices/" + activation.device().getDeviceId();
			}
			catch (RefusedException refused) {
				problems.add(refused.text() != null ? refused.text() : Text.of("licenses.refused", refused.message(locale)));
				PageRefusal.answer(model, refused);
			}
		}
		return show(user.getUserId(), form, chosen, problems, model);
	}

	private String show(Long userId, ActivationForm form, Optional<Chosen> chosen, List<Text> problems,
			Model model) {
		model.addAttribute("problems", problems);
		model.addAttribute("deviceChoices", this.devices.choices(userId));
		model.addAttribute("accountChoices", this.devices.accountChoices(userId));
		chosen.ifPresent(device -> {
			model.addAttribute("chosenDevice", device.device());
			model.addAttribute("chosenAccount", device.account());
			model.addAttribute("lineItems", this.devices.activatable(userId, device.account(), LocalDate.now(this.clock)));
		});
		return VIEW_ACTIVATE;
	}

	private Optional<Chosen> chosen(ActivationForm form, Long userId, List<Text> problems) {
		if (ActivationForm.EXISTING.equals(form.effectiveTarget())) {
			Optional<Device> device = form.getDevice() == null ? Optional.empty() : this.devices.find(userId, form.getDevice());
			if (device.isEmpty()) {
				problems.add(Text.of("licenses.activate.chooseDevice"));
				return Optional.empty();
			}
			return Optional.of(new Chosen(device.get(), device.get().getAccount(), DeviceTarget.existing(form.getDevice())));
		}
		if (ActivationForm.NEW.equals(form.effectiveTarget())) {
			Optional<Account> account = this.devices.accountForNewDevice(userId, form.getAccount());
			if (form.getName() == null) {
				problems.add(Text.of("licenses.activate.enterName"));
			}
			if (form.getHostId() == null) {
				problems.add(Text.of("licenses.activate.enterHostId"));
			}
			if (account.isEmpty()) {
				problems.add(Text.of("licenses.activate.chooseAccount"));
			}
			if (!problems.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Chosen(null, account.get(),
					DeviceTarget.newDevice(form.getName(), form.getHostId(), account.get().getId())));
		}
		problems.add(Text.of("licenses.activate.chooseTarget"));
		return Optional.empty();
	}

	/** The channels typed per Activation ID; blanks and zeros are left out. */
	private static Map<String, Integer> channels(ActivationForm form, List<Text> problems) {
		Map<String, Integer> channels = new LinkedHashMap<>();
		form.getChannels().forEach((activationId, typed) -> {
			if (typed == null || typed.isBlank()) {
				return;
			}
			try {
				int quantity = Integer.parseInt(typed.strip());
				if (quantity < 0) {
					problems.add(Text.of("licenses.activate.zeroOrMore", activationId));
				}
				else if (quantity > 0) {
					channels.put(activationId, quantity);
				}
			}
			catch (NumberFormatException ex) {
				problems.add(Text.of("licenses.activate.whole", activationId));
			}
		});
		if (channels.isEmpty() && problems.isEmpty()) {
			problems.add(Text.of("licenses.activate.none"));
		}
		return channels;
	}

}
