package com.licensingportal.offline;

import java.util.Optional;

import com.licensingportal.access.AccountVisibility;

import org.springframework.stereotype.Service;

/**
 * Offline activation for the acting user: resolves what they may see ({@link AccountVisibility}) and hands it to
 * {@link OfflineActivationService}, so no controller decides it.
 */
@Service
public class OfflineActivations {

	private final AccountVisibility visibility;

	private final OfflineActivationService offline;

	OfflineActivations(AccountVisibility visibility, OfflineActivationService offline) {
		this.visibility = visibility;
		this.offline = offline;
	}

	/** {@link OfflineActivationService#activate} for what the acting user may see. */
	public OfflineActivation activate(Long userId, String contentType, byte[] content, String actor) {
		return this.offline.activate(this.visibility.forUser(userId), contentType, content, actor);
	}

	/** The signed license file, if the user sees the device's account; for anyone else it does not exist. */
	public Optional<String> licenseFile(Long userId, String deviceId, long offlineActivationId) {
		return this.offline.licenseFile(this.visibility.forUser(userId), deviceId, offlineActivationId);
	}

}
