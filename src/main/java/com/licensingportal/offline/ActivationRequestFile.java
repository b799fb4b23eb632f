package com.licensingportal.offline;

import com.licensingportal.text.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.licensingportal.base.PlainTextValidator;
import com.licensingportal.refusal.RefusedException.Kind;
import com.licensingportal.refusal.RefusedException;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * An offline server's activation request file (format version 1). {@link #parse(byte[])} validates it against the
 * published JSON Schema, {@code /schemas/activation-request.schema.json}, the one definition of the format, and
 * says what is wrong in the user's words; it checks in Java only what a schema cannot say: the size, the nesting
 * depth and duplicate fields (before the JSON is read), the characters a name may have, and that each Activation
 * ID is listed once whatever its case. Nonce replay, channels and ownership are {@link OfflineActivationService}'s.
 *
 * @param createdAt as the file says it (RFC 3339), kept verbatim so that the license file repeats it exactly
 * @param licenses Activation ID (upper case) → channels, in the file's order
 */
public record ActivationRequestFile(String deviceName, String hostId, String nonce, String createdAt,
		Map<String, Integer> licenses) {

	public static final int MAX_BYTES = 64 * 1024;

	public static final int FORMAT_VERSION = 1;

	/** The format needs 3 levels (request, licenses, license); more than this is refused before it is read. */
	static final int MAX_DEPTH = 16;

	static final String SCHEMA = "static/schemas/activation-request.schema.json";

	static final int MAX_TEXT = 200;

	static final int MAX_CHANNELS = 100_000;

	/** The request's fields in the order their problems are reported. */
	private static final List<String> FIELDS = List.of("formatVersion", "deviceName", "hostId", "nonce", "createdAt",
			"licenses");

	private static final ObjectMapper JSON = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
			.build())
		.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Schema FORMAT = loadSchema();

	public static ActivationRequestFile parse(byte[] content) {
		if (content.length > MAX_BYTES) {
			throw refused(Kind.TOO_LARGE, Text.of("licenses.offline.file.tooLarge"));
		}
		JsonNode root = read(content);
		if (root == null || root.isMissingNode()) {
			throw refused(Kind.MALFORMED, Text.of("licenses.offline.file.oneObject"));
		}
		FORMAT.validate(root).stream().min(Comparator.comparing(ActivationRequestFile::order)).ifPresent(error -> {
			throw problem(error);
		});
		String deviceName = plain(root, "deviceName");
		String hostId = plain(root, "hostId");
		return new ActivationRequestFile(deviceName, hostId, root.get("nonce").textValue(),
				root.get("createdAt").textValue(), licenses(root.get("licenses")));
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

	private static JsonNode read(byte[] content) {
		try {
			return JSON.readTree(content);
		}
		catch (StreamConstraintsException ex) {
			throw refused(Kind.MALFORMED, Text.of("licenses.offline.file.nested", MAX_DEPTH));
		}
		catch (JsonProcessingException ex) {
			throw refused(Kind.MALFORMED, ex.getLocation() == null
					? Text.of("licenses.offline.file.notJson", ex.getOriginalMessage())
					: Text.of("licenses.offline.file.notJsonAt", ex.getOriginalMessage(), ex.getLocation().getLineNr(),
							ex.getLocation().getColumnNr()));
		}
		catch (IOException ex) {
			throw refused(Kind.MALFORMED, Text.of("licenses.offline.file.unreadable"));
		}
	}

	/** The schema's verdict has been given: the values are there and of their types. */
	private static Map<String, Integer> licenses(JsonNode licenses) {
		Map<String, Integer> requested = new LinkedHashMap<>();
		for (JsonNode line : licenses) {
			String activationId = line.get("activationId").textValue().toUpperCase(Locale.ROOT);
			if (requested.put(activationId, line.get("quantity").intValue()) != null) {
				throw invalid("licenses", Text.of("licenses.activate.listedTwice", activationId));
			}
		}
		return requested;
	}

	private static String plain(JsonNode root, String field) {
		String value = root.get(field).textValue().strip();
		if (value.isEmpty()) {
			throw invalid(field, Text.of("licenses.offline.file.missing", field));
		}
		if (!PlainTextValidator.isPlain(value, false)) {
			throw invalid(field, Text.of("licenses.offline.file.notPlain", field));
		}
		return value;
	}

	/** The request's field and the license's position an error is about, for reporting the first in file order. */
	private static String order(Error error) {
		String field = field(error);
		int index = field == null ? -1 : FIELDS.indexOf(field);
		NodePath at = error.getInstanceLocation();
		String line = at.getNameCount() > 1 ? String.format("%06d", index(at)) : "";
		return String.format("%02d", index < 0 ? 0 : index + 1) + line;
	}

	/** The position in the list of licenses of an error about a license. */
	private static int index(NodePath at) {
		Object element = at.getElement(1);
		return element instanceof Number number ? number.intValue() : Integer.parseInt(String.valueOf(element));
	}

	/** The request's field an error is about: where it is, or the missing or unknown property at the top. */
	private static String field(Error error) {
		NodePath at = error.getInstanceLocation();
		if (at.getNameCount() > 0) {
			return at.getName(0);
		}
		return error.getProperty();
	}

	/** The schema's complaint as the sentence a user reads, naming the field. */
	private static RefusedException problem(Error error) {
		NodePath at = error.getInstanceLocation();
		String keyword = error.getKeyword();
		String field = field(error);
		if (at.getNameCount() == 0 && "type".equals(keyword)) {
			return refused(Kind.MALFORMED, Text.of("licenses.offline.file.oneObject"));
		}
		if (at.getNameCount() == 0 && "additionalProperties".equals(keyword)) {
			return invalid(field, Text.of("licenses.offline.file.unknownField", field));
		}
		if (at.getNameCount() >= 2 && "licenses".equals(field)) {
			return licenseProblem(error, index(at) + 1);
		}
		return switch (field == null ? "" : field) {
			case "formatVersion" -> invalid(field, Text.of("licenses.offline.file.formatVersion", FORMAT_VERSION));
			case "deviceName", "hostId" -> invalid(field, "maxLength".equals(keyword)
					? Text.of("licenses.offline.file.tooLong", field, MAX_TEXT) : Text.of("licenses.offline.file.missing", field));
			case "nonce" -> invalid(field, "pattern".equals(keyword) ? Text.of("licenses.offline.file.nonce")
					: Text.of("licenses.offline.file.missing", field));
			case "createdAt" -> invalid(field, switch (keyword) {
				case "format" -> Text.of("licenses.offline.file.createdAt");
				case "maxLength" -> Text.of("licenses.offline.file.createdAtTooLong");
				default -> Text.of("licenses.offline.file.missing", field);
			});
			case "licenses" -> invalid(field, Text.of("licenses.offline.file.licenses"));
			default -> invalid(field, Text.of("licenses.offline.file.format", error.getMessage()));
		};
	}

	private static RefusedException licenseProblem(Error error, int number) {
		NodePath at = error.getInstanceLocation();
		String property = at.getNameCount() > 2 ? at.getName(2) : error.getProperty();
		if (at.getNameCount() == 2 && "additionalProperties".equals(error.getKeyword())) {
			return invalid(property, Text.of("licenses.offline.file.license.unknownField", number, property));
		}
		if ("activationId".equals(property)) {
			return invalid("licenses", Text.of("licenses.offline.file.license.activationId", number));
		}
		if ("quantity".equals(property)) {
			return invalid("licenses", Text.of("licenses.offline.file.license.quantity", number, String.valueOf(MAX_CHANNELS)));
		}
		return invalid("licenses", Text.of("licenses.offline.file.license.object", number));
	}

	private static Schema loadSchema() {
		SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
		try (InputStream in = ActivationRequestFile.class.getClassLoader().getResourceAsStream(SCHEMA)) {
			if (in == null) {
				throw new IllegalStateException("The activation request schema is missing from the class path: " + SCHEMA);
			}
			return registry.getSchema(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RefusedException invalid(String field, Text reason) {
		return RefusedException.invalid(field, Text.of("licenses.offline.file.refused", reason));
	}

	private static RefusedException refused(Kind kind, Text reason) {
		return new RefusedException(kind, Text.of("licenses.offline.file.refused", reason));
	}

}
