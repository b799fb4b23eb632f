package com.licensingportal.offline;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ed25519 keys in the forms the portal reads and publishes: PEM (PKCS #8 private, X.509 public) and JWK
 * (RFC 8037: {@code kty OKP}, {@code crv Ed25519}, {@code x} the raw 32-byte key), with the RFC 7638
 * thumbprint as key ID. Only the JDK's own Ed25519.
 */
public final class LicenseKeys {

	public static final String ALGORITHM = "Ed25519";

	/** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519; the raw key follows. */
	private static final byte[] X509_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };

	private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private LicenseKeys() {
	}

	public static PublicKey publicKeyFromPem(String pem) throws GeneralSecurityException {
		return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(pem, "PUBLIC KEY")));
	}

	public static PrivateKey privateKeyFromPem(String pem) throws GeneralSecurityException {
		return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, "PRIVATE KEY")));
	}

	/** A public key from its JWK's {@code x} (base64url of the raw 32 bytes). */
	public static PublicKey publicKeyFromJwkX(String x) throws GeneralSecurityException {
		byte[] raw = Base64.getUrlDecoder().decode(x);
		if (raw.length != 32) {
			throw new GeneralSecurityException("An Ed25519 public key has 32 bytes, not " + raw.length);
		}
		byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + raw.length);
		System.arraycopy(raw, 0, der, X509_PREFIX.length, raw.length);
		return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
	}

	public static String toPem(PublicKey key) {
		return pem("PUBLIC KEY", key.getEncoded());
	}

	public static String toPem(PrivateKey key) {
		return pem("PRIVATE KEY", key.getEncoded());
	}

	/** The public key as a JWK: kty, crv, x, then kid, use and alg. */
	public static Map<String, String> toJwk(PublicKey key) {
		Map<String, String> jwk = new LinkedHashMap<>();
		jwk.put("kty", "OKP");
		jwk.put("crv", ALGORITHM);
		jwk.put("x", jwkX(key));
		jwk.put("kid", keyId(key));
		jwk.put("use", "sig");
		jwk.put("alg", "EdDSA");
		return jwk;
	}

	/** The RFC 7638 JWK thumbprint (SHA-256, base64url): names the key in every license file it signs. */
	public static String keyId(PublicKey key) {
		String canonical = "{\"crv\":\"" + ALGORITHM + "\",\"kty\":\"OKP\",\"x\":\"" + jwkX(key) + "\"}";
		try {
			return BASE64URL.encodeToString(
					MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JDK", ex);
		}
	}

	private static String jwkX(PublicKey key) {
		byte[] der = key.getEncoded();
		return BASE64URL.encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
	}

	private static byte[] pemBody(String pem, String type) throws GeneralSecurityException {
		Matcher matcher = PEM.matcher(pem);
		if (!matcher.find() || !matcher.group(1).equals(type)) {
			throw new GeneralSecurityException("Expected a PEM block '-----BEGIN " + type + "-----'");
		}
		return Base64.getMimeDecoder().decode(matcher.group(2).strip());
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

}
