package com.licensingportal.device;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountVisibility;
import com.licensingportal.account.VisibleAccounts;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.security.PortalUserPrincipal;
import com.licensingportal.system.PageRefusal;

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

	private final AccountVisibility visibility;

	private final AccountRepository accounts;

	private final DeviceList devices;

	private final LineItemRepository lineItems;

	private final ActivationService activations;

	private final Clock clock;

	ActivationController(AccountVisibility visibility, AccountRepository accounts, DeviceList devices,
			LineItemRepository lineItems, ActivationService activations, Clock clock) {
		this.visibility = visibility;
		this.accounts = accounts;
		this.devices = devices;
		this.lineItems = lineItems;
		this.activations = activations;
		this.clock = clock;
	}

	/** The device the channels go to, as the first step chose it. */
	private record Chosen(Device device, Account account, DeviceTarget target) {
	}

	@GetMapping("/devices/activate")
	String form(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("activation") ActivationForm form,
			Model model) {
		VisibleAccounts visible = this.visibility.forUser(user.getUserId());
		List<String> problems = new ArrayList<>();
		boolean stepOneAnswered = form.getTarget() != null || form.getDevice() != null;
		Optional<Chosen> chosen = stepOneAnswered ? chosen(form, visible, problems) : Optional.empty();
		return show(visible, form, chosen, problems, model);
	}

	@PostMapping("/devices/activate")
	String activate(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("activation") ActivationForm form,
			Model model, RedirectAttributes redirect) {
		VisibleAccounts visible = this.visibility.forUser(user.getUserId());
		List<String> problems = new ArrayList<>();
		Optional<Chosen> chosen = chosen(form, visible, problems);
		Map<String, Integer> channels = channels(form, problems);
		if (chosen.isPresent() && problems.isEmpty()) {
			try {
				Activation activation = this.activations.activate(visible, chosen.get().target(), channels,
						user.getEmail(), null);
				redirect.addFlashAttribute("success", "Activated " + activation.channels()
						+ (activation.channels() == 1 ? " channel" : " channels") + " on " + activation.device().getName() + ".");
				return "redirect:/devices/" + activation.device().getDeviceId();
			}
			catch (RefusedException refused) {
				problems.add(refused.getMessage());
				PageRefusal.answer(model, refused);
			}
		}
		return show(visible, form, chosen, problems, model);
	}

	private String show(VisibleAccounts visible, ActivationForm form, Optional<Chosen> chosen, List<String> problems,
			Model model) {
		model.addAttribute("problems", problems);
		model.addAttribute("deviceChoices", this.devices.choices(visible));
		model.addAttribute("accountChoices", visible.visible().isEmpty() ? List.of()
				: this.accounts.findByIdInOrderByName(visible.visible()));
		chosen.ifPresent(device -> {
			model.addAttribute("chosenDevice", device.device());
			model.addAttribute("chosenAccount", device.account());
			model.addAttribute("lineItems", this.lineItems.findActivatable(device.account().getId(), LocalDate.now(this.clock)));
		});
		return VIEW_ACTIVATE;
	}

	private Optional<Chosen> chosen(ActivationForm form, VisibleAccounts visible, List<String> problems) {
		if (ActivationForm.EXISTING.equals(form.effectiveTarget())) {
			Optional<Device> device = form.getDevice() == null ? Optional.empty() : this.devices.find(visible, form.getDevice());
			if (device.isEmpty()) {
				problems.add("Choose one of your devices.");
				return Optional.empty();
			}
			return Optional.of(new Chosen(device.get(), device.get().getAccount(), DeviceTarget.existing(form.getDevice())));
		}
		if (ActivationForm.NEW.equals(form.effectiveTarget())) {
			Optional<Account> account = form.getAccount() == null && visible.visible().size() == 1
					? this.accounts.findById(visible.visible().iterator().next())
					: Optional.ofNullable(form.getAccount()).flatMap(this.accounts::findByAccountNumber)
						.filter(found -> visible.canSee(found.getId()));
			if (form.getName() == null) {
				problems.add("Enter the new device's name.");
			}
			if (form.getHostId() == null) {
				problems.add("Enter the new device's host ID (the server shows it in its licensing settings).");
			}
			if (account.isEmpty()) {
				problems.add("Choose the account the new device belongs to.");
			}
			if (!problems.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Chosen(null, account.get(),
					DeviceTarget.newDevice(form.getName(), form.getHostId(), account.get().getId())));
		}
		problems.add("Choose an existing device or name a new one.");
		return Optional.empty();
	}

	/** The channels typed per Activation ID; blanks and zeros are left out. */
	private static Map<String, Integer> channels(ActivationForm form, List<String> problems) {
		Map<String, Integer> channels = new LinkedHashMap<>();
		form.getChannels().forEach((activationId, typed) -> {
			if (typed == null || typed.isBlank()) {
				return;
			}
			try {
				int quantity = Integer.parseInt(typed.strip());
				if (quantity < 0) {
					problems.add("Enter a number of channels of 0 or more for " + activationId + ".");
				}
				else if (quantity > 0) {
					channels.put(activationId, quantity);
				}
			}
			catch (NumberFormatException ex) {
				problems.add("Enter the number of channels for " + activationId + " as a whole number.");
			}
		});
		if (channels.isEmpty() && problems.isEmpty()) {
			problems.add("Enter a number of channels for at least one license.");
		}
		return channels;
	}

}
