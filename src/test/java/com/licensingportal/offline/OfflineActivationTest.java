package com.licensingportal.offline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.licensingportal.account.Account;
import com.licensingportal.device.Device;
import com.licensingportal.device.DeviceRepository;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.licensingportal.support.LicenseFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Offline activation end to end: upload a request file, download the signed license file, verify it with
 * the published key as an offline server would; every kind of bad request is refused with a clear message
 * and changes nothing; a changed license file does not verify.
 */
public class OfflineActivationTest extends PortalIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	DeviceRepository devices;

	@Autowired
	LicenseEventRepository events;

	@Autowired
	OfflineActivationRepository offlineActivations;

	private LicenseFixtures fixtures;

	private Account customer;

	private Account foreign;

	private Account partner;

	private PortalUser partnerUser;

	private Product product;

	@BeforeEach
	void accounts() {
		this.fixtures = new LicenseFixtures(this.context);
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Xeric Ports"));
		this.foreign = this.fixtures.customer(LicenseFixtures.unique("Yarrow Bank"));
		this.partner = this.fixtures.partnerOf(LicenseFixtures.unique("Zinc Integrators"), this.customer);
		this.partnerUser = this.fixtures.user("zuser", this.partner, UserType.PARTNER_USER);
		this.product = this.fixtures.product("OFF");
	}

	@Test
	void anUploadedRequestActivatesAndAnswersALicenseFileThatVerifiesWithThePublishedKey() throws Exception {
		LineItem permanent = this.fixtures.lineItem(this.customer, this.product, 10, null);
		LineItem dated = this.fixtures.lineItem(this.customer, this.product, 5, LocalDate.of(2030, 6, 30));
		String hostId = LicenseFixtures.unique("OFFLINE-HOST");
		String nonce = nonce();
		Map<String, Integer> licenses = new LinkedHashMap<>();
		licenses.put(dated.getActivationId(), 2);
		licenses.put(permanent.getActivationId().toLowerCase(), 4);

		MvcResult upload = upload(request("XERIC-NVR-01", hostId, nonce, licenses), "application/json", this.partnerUser)
			.andExpect(status().is3xxRedirection())
			.andReturn();

		Device device = this.devices.findByDeviceId(upload.getResponse().getRedirectedUrl().substring("/devices/".length()))
			.orElseThrow();
		assertThat(device.getHostId()).isEqualTo(hostId);
		assertThat(device.getName()).isEqualTo("XERIC-NVR-01");
		assertThat(upload.getFlashMap().get("success")).isEqualTo("Activated 6 channels on XERIC-NVR-01."
				+ " Download the license file and copy it to the server.");
		assertThat(this.fixtures.reload(permanent).getAvailableQuantity()).isEqualTo(6);
		assertThat(this.fixtures.reload(dated).getAvailableQuantity()).isEqualTo(3);
		assertThat(trail(permanent)).extracting(LicenseEvent::getType, LicenseEvent::getReference)
			.endsWith(org.assertj.core.groups.Tuple.tuple(LicenseEventType.ACTIVATED, "Offline activation"));

		String licenseFileUrl = "/devices/" + device.getDeviceId() + "/license-files/" + upload.getFlashMap().get("newLicenseFile");
		String licenseFile = this.mvc.perform(get(licenseFileUrl).with(as(this.partnerUser)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"license-" + device.getDeviceId() + "-" + upload.getFlashMap().get("newLicenseFile") + ".json\""))
			.andReturn()
			.getResponse()
			.getContentAsString();

		JsonNode payload = LicenseFileVerifier.verify(licenseFile, publishedPemKey());
		assertThat(LicenseFileVerifier.verify(licenseFile, publishedJwkKey())).isEqualTo(payload);
		assertThat(payload.path("deviceId").asText()).isEqualTo(device.getDeviceId());
		assertThat(payload.path("account").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(payload.path("issuer").asText()).isEqualTo("http://localhost:8080");
		assertThat(payload.path("request").path("nonce").asText()).isEqualTo(nonce);
		assertThat(payload.path("request").path("hostId").asText()).isEqualTo(hostId);
		assertThat(payload.path("request").path("createdAt").asText()).isEqualTo("2026-11-27T09:30:00Z");
		JsonNode granted = payload.path("licenses");
		assertThat(granted).hasSize(2);
		JsonNode first = granted.get(0).path("activationId").asText().equals(permanent.getActivationId()) ? granted.get(0)
				: granted.get(1);
		assertThat(first.path("channels").asInt()).isEqualTo(4);
		assertThat(first.path("partNumber").asText()).isEqualTo(this.product.getPartNumber());
		assertThat(first.path("expiresOn").isNull()).isTrue();
		JsonNode second = first == granted.get(0) ? granted.get(1) : granted.get(0);
		assertThat(second.path("expiresOn").asText()).isEqualTo("2030-06-30");
		assertThat(second.path("channels").asInt()).isEqualTo(2);
		// Downloading again gives the very same file: Ed25519 is deterministic, the content does not change.
		assertThat(this.mvc.perform(get(licenseFileUrl).with(as(this.partnerUser))).andReturn().getResponse().getContentAsString())
			.isEqualTo(licenseFile);
		assertThat(this.mvc.perform(get("/devices/" + device.getDeviceId()).with(as(this.partnerUser)))
			.andReturn().getResponse().getContentAsString()).contains(licenseFileUrl);
	}

	@Test
	void aLaterRequestFromTheSameHostAddsToTheSameDevice() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		String hostId = LicenseFixtures.unique("OFFLINE-HOST");
		String first = upload(request("XERIC-NVR-02", hostId, nonce(), Map.of(item.getActivationId(), 1)), "application/json",
				this.partnerUser).andReturn().getResponse().getRedirectedUrl();
		String second = upload(request("renamed", hostId, nonce(), Map.of(item.getActivationId(), 2)),
				"application/json; charset=UTF-8", this.partnerUser).andReturn().getResponse().getRedirectedUrl();

		assertThat(second).isEqualTo(first);
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(7);
	}

	@Test
	void aReplayedRequestFileIsRefusedAndChangesNothing() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		byte[] request = request("XERIC-NVR-03", LicenseFixtures.unique("OFFLINE-HOST"), nonce(), Map.of(item.getActivationId(), 3));
		upload(request, "application/json", this.partnerUser).andExpect(status().is3xxRedirection());
		int eventsAfterFirst = trail(item).size();

		String page = upload(request, "application/json", this.partnerUser).andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("The activation request file was refused: it was already used on ")
			.contains("for device XERIC-NVR-03 (D-")
			.contains("A request file can be used once; have the server make a new one.");
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(7);
		assertThat(trail(item)).hasSize(eventsAfterFirst);
	}

	@Test
	void everyBadRequestIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 5, null);
		LineItem expired = this.fixtures.lineItem(this.customer, this.product, 5, LocalDate.now().minusDays(2));
		LineItem foreignItem = this.fixtures.lineItem(this.foreign, this.product, 5, null);
		LineItem partnersOwn = this.fixtures.lineItem(this.partner, this.product, 5, null);
		String hostId = LicenseFixtures.unique("OFFLINE-HOST");

		refused("{\"formatVersion\": 1, \"deviceName\": ".getBytes(StandardCharsets.UTF_8), "application/json", 400,
				"The activation request file was refused: The file is not valid JSON");
		byte[] large = new byte[64 * 1024 + 1];
		java.util.Arrays.fill(large, (byte) ' ');
		refused(large, "application/json", 413, "the file is larger than 64 KiB");
		refused(request("N", hostId, nonce(), Map.of(item.getActivationId(), 6)), "application/json", 409,
				"Only 5 channels of " + item.getActivationId() + " are left, not 6. Nothing was activated.");
		refused(request("N", hostId, nonce(), Map.of(foreignItem.getActivationId(), 1)), "application/json", 404,
				foreignItem.getActivationId() + " is not one of your licenses.");
		refused(request("N", hostId, nonce(), Map.of(item.getActivationId(), 1, expired.getActivationId(), 1)),
				"application/json", 409, expired.getActivationId() + " expired on " + expired.getExpiresOn()
						+ " and can no longer be activated.");
		refused(request("N", hostId, nonce(), Map.of(item.getActivationId(), 1, partnersOwn.getActivationId(), 1)),
				"application/json", 422, "All licenses of one activation must belong to the same account");
		refused(request("N", hostId, nonce(), Map.of(item.getActivationId(), 1)), "text/csv", 415,
				"it must be a JSON file (application/json), not text/csv.");
		refused(request("N", hostId, nonce(), Map.of(item.getActivationId(), 1)), "application/octet-stream", 415,
				"not application/octet-stream");

		refused(deeplyNested(5_000).getBytes(StandardCharsets.UTF_8), "application/json", 400,
				"The activation request file was refused: The file is nested more than 16 levels deep");
		for (LineItem unchanged : List.of(item, expired, foreignItem, partnersOwn)) {
			assertThat(this.fixtures.reload(unchanged).getAvailableQuantity()).isEqualTo(5);
			assertThat(trail(unchanged)).extracting(LicenseEvent::getType).containsExactly(LicenseEventType.CREATED);
		}
		assertThat(this.devices.findAll()).noneMatch(device -> device.getHostId().equals(hostId));
	}

	@Test
	void aChangedLicenseFileOrAnotherKeyDoesNotVerify() throws Exception {
		String licenseFile = issuedLicenseFile();
		ObjectNode jws = (ObjectNode) JSON.readTree(licenseFile);
		ObjectNode payload = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(jws.path("payload").asText()));
		((ObjectNode) payload.path("licenses").get(0)).put("channels", 400);
		ObjectNode morePayload = jws.deepCopy();
		morePayload.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(payload)));
		ObjectNode otherSignature = jws.deepCopy();
		byte[] signature = Base64.getUrlDecoder().decode(jws.path("signature").asText());
		signature[10] ^= 1;
		otherSignature.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
		PublicKey otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();

		assertThatThrownBy(() -> LicenseFileVerifier.verify(JSON.writeValueAsString(morePayload), publishedPemKey()))
			.isInstanceOf(LicenseFileVerifier.InvalidLicenseFileException.class)
			.hasMessageContaining("the signature does not match");
		assertThatThrownBy(() -> LicenseFileVerifier.verify(JSON.writeValueAsString(otherSignature), publishedPemKey()))
			.isInstanceOf(LicenseFileVerifier.InvalidLicenseFileException.class);
		assertThatThrownBy(() -> LicenseFileVerifier.verify(licenseFile, otherKey))
			.isInstanceOf(LicenseFileVerifier.InvalidLicenseFileException.class);
		assertThatThrownBy(() -> LicenseFileVerifier.verify("{\"payload\": \"x\"}", publishedPemKey()))
			.isInstanceOf(LicenseFileVerifier.InvalidLicenseFileException.class);
		assertThat(LicenseFileVerifier.verify(licenseFile, publishedPemKey())).isNotNull();
	}

	@Test
	void theVerifierCommandSaysWhetherAFileIsValidForThisServer(@TempDir Path directory) throws Exception {
		String licenseFile = issuedLicenseFile();
		Path file = Files.writeString(directory.resolve("license.json"), licenseFile);
		Path pem = Files.writeString(directory.resolve("key.pem"), publishedPem());
		Path jwk = Files.writeString(directory.resolve("key.jwk"), publishedJwk());
		ObjectNode jws = (ObjectNode) JSON.readTree(licenseFile);
		jws.put("payload", jws.path("payload").asText().substring(1));
		Path tampered = Files.writeString(directory.resolve("tampered.json"), JSON.writeValueAsString(jws));
		String hostId = JSON.readTree(Base64.getUrlDecoder().decode(((ObjectNode) JSON.readTree(licenseFile)).path("payload").asText()))
			.path("request").path("hostId").asText();

		assertThat(verifier(file.toString(), pem.toString())).startsWith("0 VALID license file for device D-")
			.contains(" 1 channels  permanent");
		assertThat(verifier(file.toString(), jwk.toString(), "--host-id", hostId)).startsWith("0 VALID");
		assertThat(verifier(file.toString(), pem.toString(), "--host-id", "another-host"))
			.startsWith("1 NOT VALID for this server: the license file is for host ID " + hostId);
		assertThat(verifier(tampered.toString(), pem.toString())).startsWith("1 NOT VALID");
		assertThat(verifier(directory.resolve("missing.json").toString(), pem.toString())).startsWith("2 Cannot read");
		assertThat(verifier(file.toString())).startsWith("2 Usage:");
	}

	@Test
	void thePublicKeyIsPublishedAsPemAndJwkWithoutLogin() throws Exception {
		this.mvc.perform(get("/.well-known/licensing-public-key"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/x-pem-file"))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("-----BEGIN PUBLIC KEY-----\n")));
		JsonNode jwk = JSON.readTree(this.mvc.perform(get("/.well-known/licensing-public-key").accept("application/jwk+json"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/jwk+json"))
			.andReturn()
			.getResponse()
			.getContentAsString());

		assertThat(jwk.path("kty").asText()).isEqualTo("OKP");
		assertThat(jwk.path("crv").asText()).isEqualTo("Ed25519");
		assertThat(Base64.getUrlDecoder().decode(jwk.path("x").asText())).hasSize(32);
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(JSON.readTree(issuedLicenseFile()).path("protected").asText()));
		assertThat(header.path("alg").asText()).isEqualTo("EdDSA");
		assertThat(header.path("kid").asText()).isEqualTo(jwk.path("kid").asText());
		assertThat(LicenseFileVerifier.readPublicKey(publishedJwk())).isEqualTo(publishedPemKey());
	}

	@Test
	void aLicenseFileOfAnotherAccountsDeviceIsNotFound() throws Exception {
		String licenseFileUrl = issuedLicenseFileUrl();
		PortalUser stranger = this.fixtures.user("yuser", this.foreign, UserType.CUSTOMER_ADMINISTRATOR);

		this.mvc.perform(get(licenseFileUrl).with(as(stranger))).andExpect(status().isNotFound());
		this.mvc.perform(get(licenseFileUrl.replaceAll("/\\d+$", "/0")).with(as(this.partnerUser)))
			.andExpect(status().isNotFound());
	}

	private String issuedLicenseFile() throws Exception {
		return this.mvc.perform(get(issuedLicenseFileUrl()).with(as(this.partnerUser))).andReturn().getResponse().getContentAsString();
	}

	private String issuedLicenseFileUrl() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		MvcResult upload = upload(request("XERIC-NVR-09", LicenseFixtures.unique("OFFLINE-HOST"), nonce(),
				Map.of(item.getActivationId(), 1)), "application/json", this.partnerUser).andReturn();
		return upload.getResponse().getRedirectedUrl() + "/license-files/" + upload.getFlashMap().get("newLicenseFile");
	}

	private void refused(byte[] request, String contentType, int status, String message) throws Exception {
		String page = upload(request, contentType, this.partnerUser).andExpect(status().is(status))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page)).contains(message);
	}

	private org.springframework.test.web.servlet.ResultActions upload(byte[] request, String contentType, PortalUser user)
			throws Exception {
		return this.mvc.perform(multipart("/devices/activate-offline")
			.file(new MockMultipartFile("requestFile", "request.json", contentType, request))
			.with(csrf())
			.with(as(user)));
	}

	/** A request file as an offline server writes it; also for the API's and the hostile-input catalogue's tests. */
	public static byte[] request(String deviceName, String hostId, String nonce, Map<String, Integer> licenses)
			throws Exception {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("formatVersion", 1);
		request.put("deviceName", deviceName);
		request.put("hostId", hostId);
		request.put("nonce", nonce);
		request.put("createdAt", "2026-11-27T09:30:00Z");
		request.put("licenses", licenses.entrySet().stream()
			.map(entry -> Map.of("activationId", entry.getKey(), "quantity", entry.getValue()))
			.toList());
		return JSON.writeValueAsBytes(request);
	}

	/** 10 KB for 5,000 levels: {@code {"formatVersion": 1, "deviceName": [[[...]]]}}, the depth counting the outer object. */
	public static String deeplyNested(int levels) {
		return "{\"formatVersion\": 1, \"deviceName\": " + "[".repeat(levels - 1) + "]".repeat(levels - 1) + "}";
	}

	static String nonce() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	private String publishedPem() throws Exception {
		return this.mvc.perform(get("/.well-known/licensing-public-key")).andReturn().getResponse().getContentAsString();
	}

	private String publishedJwk() throws Exception {
		return this.mvc.perform(get("/.well-known/licensing-public-key?format=jwk")).andReturn().getResponse().getContentAsString();
	}

	private PublicKey publishedPemKey() throws Exception {
		return LicenseFileVerifier.readPublicKey(publishedPem());
	}

	private PublicKey publishedJwkKey() throws Exception {
		return LicenseFileVerifier.readPublicKey(publishedJwk());
	}

	private static String verifier(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = LicenseFileVerifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(out, true, StandardCharsets.UTF_8));
		return exit + " " + out.toString(StandardCharsets.UTF_8);
	}

	private List<LicenseEvent> trail(LineItem item) {
		return this.events.findByLineItemIdOrderByOccurredAtAscIdAsc(item.getId());
	}

}
