package com.licensingportal.offline;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.licensingportal.device.ActivationRefusedException;
import com.licensingportal.system.PlainTextValidator;
import com.licensingportal.system.ReadableCode;
import com.licensingportal.system.RefusedException.Kind;

/**
 * An offline server's activation request file (format version 1), as {@code /schemas/activation-request.schema.json}
 * describes it. {@link #parse(byte[])} refuses anything else with a message that says what is wrong.
 *
 * @param createdAt as the file says it (RFC 3339), kept verbatim so that the license file repeats it exactly
 * @param licenses Activation ID (upper case) → channels, in the file's order
 */
public record ActivationRequestFile(String deviceName, String hostId, String nonce, String createdAt,
		Map<String, Integer> licenses) {

	public static final int MAX_BYTES = 64 * 1024;

	public static final int FORMAT_VERSION = 1;

	static final int MAX_TEXT = 200;

	static final int MAX_CHANNELS = 100_000;

	private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

	private static final Pattern ACTIVATION_ID = Pattern
		.compile("[" + ReadableCode.ALPHABET + "]{4}(-[" + ReadableCode.ALPHABET + "]{4}){3}");

	private static final Set<String> FIELDS = Set.of("formatVersion", "deviceName", "hostId", "nonce", "createdAt",
			"licenses");

	private static final Set<String> LICENSE_FIELDS = Set.of("activationId", "quantity");

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	public static ActivationRequestFile parse(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw refused(Kind.TOO_LARGE, null, "The file is larger than 64 KiB; an activation request file is much smaller.");
		}
		JsonNode root;
		try {
			root = JSON.readTree(content);
		}
		catch (JsonProcessingException ex) {
			throw refused(Kind.MALFORMED, null, "The file is not valid JSON (" + ex.getOriginalMessage() + " at line "
					+ ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ").");
		}
		catch (IOException ex) {
			throw refused(Kind.MALFORMED, null, "The file could not be read as JSON.");
		}
		if (root == null || !root.isObject()) {
			throw refused(Kind.MALFORMED, null, "The file must hold one JSON object.");
		}
		onlyKnownFields(root, FIELDS, "The request");
		JsonNode version = root.get("formatVersion");
		if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
			throw invalid("formatVersion", "\"formatVersion\" must be " + FORMAT_VERSION + ".");
		}
		String deviceName = text(root, "deviceName");
		String hostId = text(root, "hostId");
		String nonce = requiredString(root, "nonce");
		if (!NONCE.matcher(nonce).matches()) {
			throw invalid("nonce", "\"nonce\" must be 16 to 128 letters, digits, '-' or '_' (for example 24 random bytes in base64url).");
		}
		String createdAt = requiredString(root, "createdAt");
		try {
			OffsetDateTime.parse(createdAt);
		}
		catch (DateTimeParseException ex) {
			throw invalid("createdAt", "\"createdAt\" must be a date and time with offset, such as 2026-11-27T09:30:00Z.");
		}
		if (createdAt.length() > 64) {
			throw invalid("createdAt", "\"createdAt\" is too long.");
		}
		return new ActivationRequestFile(deviceName, hostId, nonce, createdAt, licenses(root.get("licenses")));
	}

	/** The request as the license file repeats it: field order and values as the portal read them. */
	public Map<String, Object> asJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("formatVersion", FORMAT_VERSION);
		json.put("deviceName", this.deviceName);
		json.put("hostId", this.hostId);
		json.put("nonce", this.nonce);
		json.put("createdAt", this.createdAt);
		List<Map<String, Object>> lines = new ArrayList<>();
		this.licenses.forEach((activationId, quantity) -> {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("activationId", activationId);
			line.put("quantity", quantity);
			lines.add(line);
		});
		json.put("licenses", lines);
		return json;
	}

	private static Map<String, Integer> licenses(JsonNode licenses) {
		if (licenses == null || !licenses.isArray() || licenses.isEmpty()) {
			throw invalid("licenses", "\"licenses\" must be a list of at least one {\"activationId\", \"quantity\"}.");
		}
		Map<String, Integer> requested = new LinkedHashMap<>();
		int index = 0;
		for (JsonNode line : licenses) {
			index++;
			String where = "License " + index;
			if (!line.isObject()) {
				throw invalid("licenses", where + " must be an object with \"activationId\" and \"quantity\".");
			}
			onlyKnownFields(line, LICENSE_FIELDS, where);
			JsonNode id = line.get("activationId");
			String activationId = id != null && id.isTextual() ? id.textValue().strip().toUpperCase(Locale.ROOT) : "";
			if (!ACTIVATION_ID.matcher(activationId).matches()) {
				throw invalid("licenses", where + ": \"activationId\" must be an Activation ID such as 7KQ2-9XTM-C4HP-R8WD.");
			}
			JsonNode quantity = line.get("quantity");
			if (quantity == null || !quantity.isInt() || quantity.intValue() < 1 || quantity.intValue() > MAX_CHANNELS) {
				throw invalid("licenses", where + ": \"quantity\" must be a whole number of channels from 1 to " + MAX_CHANNELS + ".");
			}
			if (requested.put(activationId, quantity.intValue()) != null) {
				throw invalid("licenses", activationId + " is listed twice; list each Activation ID once with all its channels.");
			}
		}
		return requested;
	}

	private static void onlyKnownFields(JsonNode object, Set<String> known, String where) {
		for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!known.contains(name)) {
				throw invalid(name, where + " has a field the format does not know: \"" + name + "\".");
			}
		}
	}

	private static String requiredString(JsonNode root, String field) {
		JsonNode value = root.get(field);
		if (value == null || !value.isTextual() || value.textValue().isBlank()) {
			throw invalid(field, "\"" + field + "\" is missing or not a text.");
		}
		return value.textValue();
	}

	private static String text(JsonNode root, String field) {
		String value = requiredString(root, field).strip();
		if (value.length() > MAX_TEXT) {
			throw invalid(field, "\"" + field + "\" can have at most " + MAX_TEXT + " characters.");
		}
		if (!PlainTextValidator.isPlain(value, false)) {
			throw invalid(field, "\"" + field + "\" has emoji or invisible or control characters, which a name cannot have.");
		}
		return value;
	}

	private static ActivationRefusedException invalid(String field, String reason) {
		return refused(Kind.INVALID, field, reason);
	}

	private static ActivationRefusedException refused(Kind kind, String field, String reason) {
		return new ActivationRefusedException(kind, field, "The activation request file was refused: " + reason);
	}

}
