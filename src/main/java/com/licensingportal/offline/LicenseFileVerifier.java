package com.licensingportal.offline;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Checks a license file without a network: the signature against the portal's public key (PEM or JWK, as
 * published at {@code /.well-known/licensing-public-key}), and optionally that the file is for this host.
 * Run it from the built jar:
 *
 * <pre>
 * java -cp licensing-portal.jar -Dloader.main=com.licensingportal.offline.LicenseFileVerifier \
 *     org.springframework.boot.loader.launch.PropertiesLauncher LICENSE-FILE PUBLIC-KEY-FILE [--host-id HOST-ID]
 * </pre>
 *
 * Exit code 0: valid (the licenses are printed); 1: not valid (tampered, other key, other host); 2: could not be read.
 */
public final class LicenseFileVerifier {

	/** A license file that does not verify: changed, signed by another key, or not a license file at all. */
	public static class InvalidLicenseFileException extends Exception {

		private static final long serialVersionUID = 1L;

		InvalidLicenseFileException(String message) {
			super(message);
		}

	}

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private LicenseFileVerifier() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** What {@link #main} does, returning the exit code instead of ending the JVM. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 2 && !(args.length == 4 && "--host-id".equals(args[2]))) {
			err.println("Usage: LicenseFileVerifier LICENSE-FILE PUBLIC-KEY-FILE [--host-id HOST-ID]");
			return 2;
		}
		PublicKey key;
		String licenseFile;
		try {
			key = readPublicKey(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
			licenseFile = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			err.println("Cannot read the files: " + ex.getMessage());
			return 2;
		}
		try {
			JsonNode payload = verify(licenseFile, key);
			String hostId = payload.path("request").path("hostId").asText();
			if (args.length == 4 && !args[3].equals(hostId)) {
				err.println("NOT VALID for this server: the license file is for host ID " + hostId + ", not " + args[3]);
				return 1;
			}
			out.println("VALID license file for device " + payload.path("deviceId").asText() + " \""
					+ payload.path("request").path("deviceName").asText() + "\", host ID " + hostId + ", issued "
					+ payload.path("issuedAt").asText() + " by " + payload.path("issuer").asText());
			for (JsonNode license : payload.path("licenses")) {
				out.println("  " + license.path("activationId").asText() + "  " + license.path("partNumber").asText() + " "
						+ license.path("version").asText() + "  " + license.path("channels").asInt() + " channels  "
						+ (license.path("expiresOn").isNull() ? "permanent" : "expires " + license.path("expiresOn").asText()));
			}
			return 0;
		}
		catch (InvalidLicenseFileException ex) {
			err.println("NOT VALID: " + ex.getMessage());
			return 1;
		}
	}

	/**
	 * Verifies the file's signature and answers its payload.
	 *
	 * @throws InvalidLicenseFileException when the file was changed, signed with another key, or is no license file
	 */
	public static JsonNode verify(String licenseFile, PublicKey key) throws InvalidLicenseFileException {
		JsonNode jws;
		try {
			jws = JSON.readTree(licenseFile);
		}
		catch (IOException ex) {
			throw new InvalidLicenseFileException("the file is not JSON");
		}
		String protectedHeader = jws.path("protected").asText("");
		String payload = jws.path("payload").asText("");
		String signature = jws.path("signature").asText("");
		if (protectedHeader.isEmpty() || payload.isEmpty() || signature.isEmpty()) {
			throw new InvalidLicenseFileException("the file has no \"protected\", \"payload\" and \"signature\"");
		}
		try {
			JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(protectedHeader));
			if (!"EdDSA".equals(header.path("alg").asText())) {
				throw new InvalidLicenseFileException("the file is not signed with EdDSA");
			}
			Signature verifier = Signature.getInstance(LicenseKeys.ALGORITHM);
			verifier.initVerify(key);
			verifier.update((protectedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII));
			if (!verifier.verify(Base64.getUrlDecoder().decode(signature))) {
				throw new InvalidLicenseFileException("the signature does not match: the file was changed or signed with another key");
			}
			return JSON.readTree(Base64.getUrlDecoder().decode(payload));
		}
		catch (IllegalArgumentException | IOException | GeneralSecurityException ex) {
			throw new InvalidLicenseFileException("the file is damaged (" + ex.getMessage() + ")");
		}
	}

	/** A public key from a PEM file or from a JWK (the published JSON). */
	public static PublicKey readPublicKey(String text) throws GeneralSecurityException, IOException {
		if (text.strip().startsWith("{")) {
			return LicenseKeys.publicKeyFromJwkX(JSON.readTree(text).path("x").asText());
		}
		return LicenseKeys.publicKeyFromPem(text);
	}

}
