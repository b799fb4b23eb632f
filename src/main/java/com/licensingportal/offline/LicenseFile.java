package com.licensingportal.offline;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.licensingportal.license.LineItem;

/**
 * The signed license file an offline activation answers: a JWS in flattened JSON serialization (RFC 7515
 * section 7.2.2) with {@code alg} EdDSA (RFC 8037) and the signing key's thumbprint as {@code kid}. Its
 * payload is the request as accepted plus the granted licenses. Built only from what does not change
 * afterwards, and Ed25519 is deterministic: downloading it again gives the same file.
 */
public final class LicenseFile {

	public static final int FORMAT_VERSION = 1;

	public static final String CONTENT_TYPE = "application/json";

	private static final ObjectMapper COMPACT = JsonMapper.builder().build();

	private static final ObjectMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private LicenseFile() {
	}

	/** The file's text, signed with {@code keys}. */
	static String issue(OfflineActivation activation, String issuer, LicenseSigningKeys keys) {
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", "EdDSA");
		header.put("kid", keys.keyId());
		String protectedHeader = BASE64URL.encodeToString(json(COMPACT, header).getBytes(StandardCharsets.UTF_8));
		String payload = BASE64URL.encodeToString(json(COMPACT, payload(activation, issuer)).getBytes(StandardCharsets.UTF_8));
		byte[] signature = keys.sign((protectedHeader + "." + payload).getBytes(StandardCharsets.US_ASCII));
		Map<String, Object> jws = new LinkedHashMap<>();
		jws.put("payload", payload);
		jws.put("protected", protectedHeader);
		jws.put("signature", BASE64URL.encodeToString(signature));
		return json(PRETTY, jws) + "\n";
	}

	static Map<String, Object> payload(OfflineActivation activation, String issuer) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("formatVersion", FORMAT_VERSION);
		payload.put("issuer", issuer);
		payload.put("issuedAt", DateTimeFormatter.ISO_INSTANT.format(activation.getIssuedAt().truncatedTo(ChronoUnit.SECONDS)));
		payload.put("account", activation.getDevice().getAccount().getAccountNumber());
		payload.put("deviceId", activation.getDevice().getDeviceId());
		payload.put("request", activation.request().asJson());
		List<Map<String, Object>> licenses = new ArrayList<>();
		for (OfflineActivation.GrantedLicense granted : activation.sortedLicenses()) {
			LineItem item = granted.getLineItem();
			Map<String, Object> license = new LinkedHashMap<>();
			license.put("activationId", item.getActivationId());
			license.put("entitlementId", item.getEntitlement().getEntitlementId());
			license.put("partNumber", item.getProduct().getPartNumber());
			license.put("productType", item.getProduct().getProductType());
			license.put("version", item.getProductVersion());
			license.put("channels", granted.getQuantity());
			license.put("expiresOn", item.getExpiresOn() == null ? null : item.getExpiresOn().toString());
			licenses.add(license);
		}
		payload.put("licenses", licenses);
		return payload;
	}

	private static String json(ObjectMapper mapper, Object value) {
		try {
			return mapper.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Could not write a license file", ex);
		}
	}

}
