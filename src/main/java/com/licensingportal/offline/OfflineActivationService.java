package com.licensingportal.offline;

import com.licensingportal.text.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.device.Activation;
import com.licensingportal.device.ActivationService;
import com.licensingportal.device.DeviceTarget;
import com.licensingportal.base.PortalProperties;
import com.licensingportal.refusal.RefusedException.Kind;
import com.licensingportal.refusal.RefusedException;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offline activation: an offline server's request file in, a signed license file out. The request is
 * checked completely and activated through {@link ActivationService} in one transaction with the record of
 * its nonce, so that a refused file changes nothing and an accepted one cannot be used again.
 */
@Service
public class OfflineActivationService {

	/** The history's reference of an offline activation: stored with the event, so in the default language. */
	static final String EVENT_REFERENCE = Text.of("licenses.offline.reference").toString();

	private final ActivationService activations;

	private final OfflineActivationRepository offlineActivations;

	private final LicenseSigningKeys keys;

	private final Clock clock;

	private final String issuer;

	OfflineActivationService(ActivationService activations, OfflineActivationRepository offlineActivations,
			LicenseSigningKeys keys, Clock clock, PortalProperties portal) {
		this.activations = activations;
		this.offlineActivations = offlineActivations;
		this.keys = keys;
		this.clock = clock;
		this.issuer = portal.baseUrl();
	}

	/**
	 * Activates what the request file asks for on the device with its host ID (created when the account has
	 * none) and records the nonce.
	 *
	 * @throws RefusedException for a wrong content type, a file over 64 KiB, malformed JSON, a used
	 * nonce, another account's or an expired line item, or more channels than are available; nothing changed
	 */
	@Transactional
	public OfflineActivation activate(VisibleAccounts accounts, String contentType, byte[] content, String actor) {
		checkContentType(contentType);
		ActivationRequestFile request = ActivationRequestFile.parse(content);
		this.offlineActivations.findByNonce(request.nonce()).ifPresent(used -> {
			throw alreadyUsed(accounts.canSee(used.getDevice().getAccount().getId()) ? used : null);
		});
		Activation activation = this.activations.activate(accounts,
				DeviceTarget.byHostId(request.deviceName(), request.hostId()), request.licenses(), actor, EVENT_REFERENCE);
		OfflineActivation offline = new OfflineActivation(request, activation.device(), Instant.now(this.clock), actor);
		activation.grants().forEach(grant -> offline.grant(grant.lineItem(), grant.quantity()));
		try {
			return this.offlineActivations.saveAndFlush(offline);
		}
		catch (DataIntegrityViolationException sameNonceAtTheSameTime) {
			throw alreadyUsed(null);
		}
	}

	/** The signed license file of one of the device's offline activations, if the user can see the device. */
	@Transactional(readOnly = true)
	public Optional<String> licenseFile(VisibleAccounts accounts, String deviceId, long offlineActivationId) {
		return this.offlineActivations.findById(offlineActivationId)
			.filter(offline -> offline.getDevice().getDeviceId().equals(deviceId))
			.filter(offline -> accounts.canSee(offline.getDevice().getAccount().getId()))
			.map(offline -> LicenseFile.issue(offline, this.issuer, this.keys));
	}

	private static void checkContentType(String contentType) {
		MediaType type;
		try {
			type = contentType == null || contentType.isBlank() ? null : MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			type = null;
		}
		// Exactly JSON: a wildcard such as */* says nothing about the file.
		boolean json = type != null && (("application".equals(type.getType())
				&& ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")))
				|| ("text".equals(type.getType()) && "json".equals(type.getSubtype())));
		if (!json) {
			throw new RefusedException(Kind.UNSUPPORTED_TYPE, Text.of("licenses.offline.file.refused",
					contentType == null || contentType.isBlank() ? Text.of("licenses.offline.file.unknownType")
							: Text.of("licenses.offline.file.notJsonType", contentType)));
		}
	}

	private static RefusedException alreadyUsed(OfflineActivation previous) {
		return RefusedException.conflict(Text.of("licenses.offline.file.refused", previous == null
				? Text.of("licenses.offline.file.used")
				: Text.of("licenses.offline.file.usedFor", previous.getIssuedAt(), previous.getDevice().getName(),
						previous.getDevice().getDeviceId())));
	}

}
