package com.licensingportal.offline;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Ed25519 key pair that signs offline license files ({@code portal.license-signing.*}): PEM text (e.g. from
 * secrets), or else the files private-key.pem and public-key.pem in the key directory. Every node of a cluster must be
 * given the same pair; system/RequiredSettings stops a start-up without one.
 *
 * @param privateKey the private key, PEM (PORTAL_LICENSE_PRIVATE_KEY)
 * @param publicKey the public key, PEM (PORTAL_LICENSE_PUBLIC_KEY)
 * @param keyDirectory where the pair is kept when not given as text (PORTAL_LICENSE_KEY_DIRECTORY)
 * @param generateIfMissing generate a pair into the key directory when there is none: the embedded default only, never
 * in production (PORTAL_LICENSE_KEY_GENERATE)
 */
@ConfigurationProperties("portal.license-signing")
@Validated
public record LicenseSigningProperties(@DefaultValue("") String privateKey, @DefaultValue("") String publicKey,
		@DefaultValue("./data/license-signing") @NotNull Path keyDirectory, @DefaultValue("true") boolean generateIfMissing) {
}
