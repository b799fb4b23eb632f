package com.licensingportal.offline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.licensingportal.refusal.RefusedException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The activation request file format: the documented example is accepted, anything else refused with the reason. */
class ActivationRequestFileTest {

	private static final String VALID = """
			{"formatVersion": 1, "deviceName": " NVR-7 ", "hostId": "HOST-7", "nonce": "abcdefghijklmnop",
			 "createdAt": "2026-11-27T10:30:00+01:00",
			 "licenses": [{"activationId": "7kq2-9xtm-c4hp-r8wd", "quantity": 4}, {"activationId": "M3ZT-6FHK-2QWA-9PXE", "quantity": 1}]}
			""";

	@Test
	void theDocumentedExampleIsAccepted() throws Exception {
		byte[] example = Files.readAllBytes(Path.of("src/main/resources/static/schemas/activation-request.example.json"));

		ActivationRequestFile request = ActivationRequestFile.parse(example);

		assertThat(request.deviceName()).isEqualTo("HARBOR-NVR-02");
		assertThat(request.licenses()).containsEntry("7KQ2-9XTM-C4HP-R8WD", 4).containsEntry("M3ZT-6FHK-2QWA-9PXE", 2);
	}

	@Test
	void readsTheFieldsTrimsNamesAndUpperCasesActivationIds() {
		ActivationRequestFile request = ActivationRequestFile.parse(VALID.getBytes(StandardCharsets.UTF_8));

		assertThat(request.deviceName()).isEqualTo("NVR-7");
		assertThat(request.hostId()).isEqualTo("HOST-7");
		assertThat(request.createdAt()).isEqualTo("2026-11-27T10:30:00+01:00");
		assertThat(request.licenses()).containsExactly(java.util.Map.entry("7KQ2-9XTM-C4HP-R8WD", 4),
				java.util.Map.entry("M3ZT-6FHK-2QWA-9PXE", 1));
	}

	@Test
	void malformedFilesAreRefusedWithWhatIsWrong() {
		refused("{\"formatVersion\": 1,", "The file is not valid JSON");
		refused("[1, 2]", "The file must hold one JSON object.");
		refused("", "The file must hold one JSON object.");
		refused(VALID.replace("}]}", "}]} trailing"), "The file is not valid JSON");
		refused(VALID.replace("\"hostId\": \"HOST-7\"", "\"hostId\": \"HOST-7\", \"hostId\": \"HOST-8\""),
				"The file is not valid JSON (Duplicate field 'hostId'");
		refused(VALID.replace("\"formatVersion\": 1", "\"formatVersion\": 2"), "\"formatVersion\" must be 1.");
		refused(VALID.replace("\"hostId\": \"HOST-7\"", "\"hostId\": \"HOST-7\", \"owner\": \"me\""),
				"The request has a field the format does not know: \"owner\".");
		refused(VALID.replace("\"nonce\": \"abcdefghijklmnop\",", ""), "\"nonce\" is missing or not a text.");
		refused(VALID.replace("abcdefghijklmnop", "short"), "\"nonce\" must be 16 to 128 letters");
		refused(VALID.replace("abcdefghijklmnop", "abcdefgh ijklmnop"), "\"nonce\" must be 16 to 128 letters");
		refused(VALID.replace("2026-11-27T10:30:00+01:00", "yesterday"), "\"createdAt\" must be a date and time");
		refused(VALID.replace("\" NVR-7 \"", "\"" + "N".repeat(201) + "\""), "\"deviceName\" can have at most 200 characters.");
		refused(VALID.replace("\" NVR-7 \"", "42"), "\"deviceName\" is missing or not a text.");
		refused(VALID.replace("[{\"activationId\": \"7kq2-9xtm-c4hp-r8wd\", \"quantity\": 4}, {\"activationId\": \"M3ZT-6FHK-2QWA-9PXE\", \"quantity\": 1}]", "[]"),
				"\"licenses\" must be a list of at least one");
		refused(VALID.replace("\"quantity\": 4", "\"quantity\": 0"), "License 1: \"quantity\" must be a whole number of channels from 1");
		refused(VALID.replace("\"quantity\": 4", "\"quantity\": 2.5"), "License 1: \"quantity\" must be a whole number");
		refused(VALID.replace("\"quantity\": 4", "\"quantity\": \"4\""), "License 1: \"quantity\" must be a whole number");
		refused(VALID.replace("M3ZT-6FHK-2QWA-9PXE", "M3ZT-6FHK-2QWA-9PX0"), "License 2: \"activationId\" must be an Activation ID");
		refused(VALID.replace("M3ZT-6FHK-2QWA-9PXE", "7KQ2-9XTM-C4HP-R8WD"), "7KQ2-9XTM-C4HP-R8WD is listed twice");
		refused(VALID.replace("\"quantity\": 1}", "\"quantity\": 1, \"price\": 3}"),
				"License 2 has a field the format does not know: \"price\".");
	}

	@Test
	void aDeeplyNestedFileIsRefusedAsTooDeep() {
		refused(OfflineActivationTest.deeplyNested(5_000), "nested more than 16 levels deep");
		refused(OfflineActivationTest.deeplyNested(17), "nested more than 16 levels deep");
		refused(OfflineActivationTest.deeplyNested(14), "\"deviceName\"");
	}

	@Test
	void aFileOver64KiBIsRefusedBeforeItIsRead() {
		String padded = VALID.replace("\"HOST-7\"", "\"HOST-7\"" + " ".repeat(64 * 1024));

		refused(padded, "The file is larger than 64 KiB");
	}

	private static void refused(String content, String reason) {
		assertThatThrownBy(() -> ActivationRequestFile.parse(content.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(RefusedException.class)
			.hasMessageStartingWith("The activation request file was refused: ")
			.hasMessageContaining(reason);
	}

}
