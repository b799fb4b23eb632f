package com.licensingportal.offline;

import java.util.Locale;
import com.licensingportal.text.Text;
import java.io.IOException;
import java.io.InputStream;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.refusal.RefusedException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Devices > Activate offline: upload a request file, get the signed license file. */
@Controller
class OfflineActivationController {

	static final String VIEW_UPLOAD = "offline/activate-offline";

	static final Text TOO_LARGE = Text.of("licenses.offline.file.refused", Text.of("licenses.offline.file.tooLargeUpload"));

	private final OfflineActivations offline;

	OfflineActivationController(OfflineActivations offline) {
		this.offline = offline;
	}

	@GetMapping("/devices/activate-offline")
	String form() {
		return VIEW_UPLOAD;
	}

	@PostMapping("/devices/activate-offline")
	String upload(@AuthenticationPrincipal PortalUserPrincipal user,
			@RequestParam(name = "requestFile", required = false) MultipartFile file, Model model,
			RedirectAttributes redirect, Locale locale) throws IOException {
		if (file == null || file.isEmpty()) {
			model.addAttribute("problem", Text.of("licenses.offline.chooseFile").in(locale));
			return VIEW_UPLOAD;
		}
		if (file.getSize() > ActivationRequestFile.MAX_BYTES) {
			model.addAttribute("problem", TOO_LARGE.in(locale));
			PageRefusal.answer(model, HttpStatus.PAYLOAD_TOO_LARGE);
			return VIEW_UPLOAD;
		}
		try {
			OfflineActivation activation = this.offline.activate(user.getUserId(), file.getContentType(), read(file), user.getEmail());
			int channels = activation.getLicenses().stream().mapToInt(OfflineActivation.GrantedLicense::getQuantity).sum();
			redirect.addFlashAttribute("success",
					Text.of("licenses.offline.done", channels, activation.getDevice().getName()).in(locale));
			redirect.addFlashAttribute("newLicenseFile", activation.getId());
			return "redirect:/devices/" + activation.getDevice().getDeviceId();
		}
		catch (RefusedException refused) {
			model.addAttribute("problem", refused.message(locale));
			PageRefusal.answer(model, refused);
			return VIEW_UPLOAD;
		}
	}

	@GetMapping("/devices/{deviceId}/license-files/{id}")
	ResponseEntity<String> download(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable String deviceId,
			@PathVariable long id) {
		String licenseFile = this.offline.licenseFile(user.getUserId(), deviceId, id)
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.offline.noFile")));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("license-" + deviceId + "-" + id + ".json").build().toString())
			.body(licenseFile);
	}

	/** At most one byte more than allowed, whatever the upload says its size is. */
	private static byte[] read(MultipartFile file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			return in.readNBytes(ActivationRequestFile.MAX_BYTES + 1);
		}
	}

}
