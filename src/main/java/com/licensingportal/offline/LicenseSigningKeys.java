package com.licensingportal.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The portal's Ed25519 key pair for license files. From configuration: PEM text in
 * {@code portal.license-signing.private-key} and {@code public-key}, or the files {@code private-key.pem}
 * and {@code public-key.pem} in {@code key-directory}. When neither is there and {@code generate-if-missing}
 * is on (the embedded default), a pair is generated once and written to {@code key-directory}. Several
 * nodes must be given the same pair.
 */
@Component
public class LicenseSigningKeys {

	static final String PRIVATE_KEY_FILE = "private-key.pem";

	static final String PUBLIC_KEY_FILE = "public-key.pem";

	private static final Logger log = LoggerFactory.getLogger(LicenseSigningKeys.class);

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	LicenseSigningKeys(LicenseSigningProperties settings) throws IOException, GeneralSecurityException {
		String privateKeyPem = settings.privateKey();
		String publicKeyPem = settings.publicKey();
		Path keyDirectory = settings.keyDirectory();
		KeyPair pair;
		if (!privateKeyPem.isBlank() || !publicKeyPem.isBlank()) {
			pair = new KeyPair(LicenseKeys.publicKeyFromPem(publicKeyPem), LicenseKeys.privateKeyFromPem(privateKeyPem));
		}
		else if (Files.exists(keyDirectory.resolve(PRIVATE_KEY_FILE))) {
			pair = read(keyDirectory);
		}
		else if (settings.generateIfMissing()) {
			pair = generate(keyDirectory);
		}
		else {
			throw new IllegalStateException("No license signing key: set PORTAL_LICENSE_PRIVATE_KEY and PORTAL_LICENSE_PUBLIC_KEY"
					+ " (PEM), or put " + PRIVATE_KEY_FILE + " and " + PUBLIC_KEY_FILE + " into " + keyDirectory.toAbsolutePath()
					+ " (PORTAL_LICENSE_KEY_DIRECTORY)");
		}
		this.privateKey = pair.getPrivate();
		this.publicKey = pair.getPublic();
		checkTheyBelongTogether();
	}

	public byte[] sign(byte[] data) {
		try {
			Signature signature = Signature.getInstance(LicenseKeys.ALGORITHM);
			signature.initSign(this.privateKey);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not sign with the license signing key", ex);
		}
	}

	public PublicKey publicKey() {
		return this.publicKey;
	}

	public String keyId() {
		return LicenseKeys.keyId(this.publicKey);
	}

	private void checkTheyBelongTogether() throws GeneralSecurityException {
		byte[] probe = "licensing-portal".getBytes(StandardCharsets.US_ASCII);
		Signature verifier = Signature.getInstance(LicenseKeys.ALGORITHM);
		verifier.initVerify(this.publicKey);
		verifier.update(probe);
		if (!verifier.verify(sign(probe))) {
			throw new IllegalStateException("The license signing public key does not belong to the private key");
		}
	}

	private static KeyPair read(Path directory) throws IOException, GeneralSecurityException {
		return new KeyPair(LicenseKeys.publicKeyFromPem(Files.readString(directory.resolve(PUBLIC_KEY_FILE))),
				LicenseKeys.privateKeyFromPem(Files.readString(directory.resolve(PRIVATE_KEY_FILE))));
	}

	private static KeyPair generate(Path directory) throws IOException, GeneralSecurityException {
		KeyPair pair = KeyPairGenerator.getInstance(LicenseKeys.ALGORITHM).generateKeyPair();
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(PUBLIC_KEY_FILE), LicenseKeys.toPem(pair.getPublic()), StandardCharsets.US_ASCII);
		// Written aside and moved in, so that the private key file is never seen half written.
		Path partial = Files.createTempFile(directory, "private-key", ".partial");
		try {
			Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the directory's permissions apply.
		}
		Files.writeString(partial, LicenseKeys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
		Files.move(partial, directory.resolve(PRIVATE_KEY_FILE), StandardCopyOption.ATOMIC_MOVE);
		log.warn("Generated a new license signing key pair in {}. Keep it: license files already issued can only be verified with its public key.",
				directory.toAbsolutePath());
		return pair;
	}

}
