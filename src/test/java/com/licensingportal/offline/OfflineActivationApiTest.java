package com.licensingportal.offline;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.account.Account;
import com.licensingportal.device.DeviceRepository;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.user.UserType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.OctetKeyPair;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/v1/activations/offline over real HTTP: the request file as the body, the signed license file as
 * the answer; every refusal with its status and a sentence, and nothing changed.
 */
class OfflineActivationApiTest extends PortalIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	DeviceRepository devices;

	private LicenseFixtures fixtures;

	private ApiClient api;

	private Account customer;

	private Product product;

	private String token;

	@BeforeEach
	void accounts() {
		this.fixtures = new LicenseFixtures(this.context);
		this.api = new ApiClient(baseUrl());
		this.customer = this.fixtures.customer(LicenseFixtures.unique("Upland Dairy"));
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Umber Integrators"), this.customer);
		this.token = this.fixtures.apiToken(this.fixtures.user("uuser", partner, UserType.PARTNER_USER));
		this.product = this.fixtures.product("OFA");
	}

	@Test
	void theRequestFileGetsASignedLicenseFileThatVerifiesWithThePublishedKey() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		String hostId = LicenseFixtures.unique("OFFLINE-HOST");
		String nonce = nonce();

		Answer answer = this.api.postJson("/api/v1/activations/offline", this.token,
				request("UPLAND-NVR", hostId, nonce, Map.of(item.getActivationId(), 4)));

		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		String deviceId = answer.header("Location").substring("/api/v1/devices/".length());
		assertThat(answer.header("Content-Disposition")).startsWith("attachment; filename=\"license-" + deviceId + "-");
		String publicKey = this.api.get("/.well-known/licensing-public-key", null).body();
		JsonNode payload = LicenseFileVerifier.verify(answer.body(), LicenseFileVerifier.readPublicKey(publicKey));
		assertThat(payload.path("deviceId").asText()).isEqualTo(deviceId);
		assertThat(payload.path("account").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(payload.path("request").path("nonce").asText()).isEqualTo(nonce);
		assertThat(payload.path("licenses").get(0).path("activationId").asText()).isEqualTo(item.getActivationId());
		assertThat(payload.path("licenses").get(0).path("channels").asInt()).isEqualTo(4);
		assertThat(this.devices.findByDeviceId(deviceId).orElseThrow().getHostId()).isEqualTo(hostId);
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(6);
		assertThat(this.api.get("/api/v1/devices/" + deviceId, this.token).json().at("/licenses/0/quantity").asInt())
			.isEqualTo(4);
	}

	/**
	 * The license file as a server checks it without the portal's code: with an independent JOSE library (Nimbus,
	 * whose Ed25519 is Tink's) and the published JWK, and as raw Ed25519 over {@code protected.payload} with the
	 * published PEM key, as OpenSSL's {@code pkeyutl -verify -rawin} does. A changed payload fails both.
	 */
	@Test
	void theLicenseFileVerifiesWithAnIndependentJoseLibraryAndAsRawEd25519() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		String hostId = LicenseFixtures.unique("JOSE-HOST");
		Answer answer = this.api.postJson("/api/v1/activations/offline", this.token,
				request("JOSE-NVR", hostId, nonce(), Map.of(item.getActivationId(), 2)));
		assertThat(answer.status()).isEqualTo(201);
		JsonNode file = new ObjectMapper().readTree(answer.body());
		String signingInput = file.path("protected").asText() + "." + file.path("payload").asText();
		String compact = signingInput + "." + file.path("signature").asText();

		OctetKeyPair jwk = OctetKeyPair
			.parse(this.api.get("/.well-known/licensing-public-key?format=jwk", null).body());
		JWSObject jws = JWSObject.parse(compact);
		assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
		assertThat(jws.getHeader().getKeyID()).isEqualTo(jwk.computeThumbprint().toString()).isEqualTo(jwk.getKeyID());
		assertThat(jws.verify(new Ed25519Verifier(jwk))).isTrue();
		assertThat(jws.getPayload().toJSONObject()).containsEntry("account", this.customer.getAccountNumber());

		String pem = this.api.get("/.well-known/licensing-public-key", null).body();
		PublicKey key = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
				.decode(pem.replaceAll("-----[A-Z ]+-----", ""))));
		byte[] signature = Base64.getUrlDecoder().decode(file.path("signature").asText());
		assertThat(rawEd25519(key, signingInput, signature)).isTrue();

		String changedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
				jws.getPayload().toString().replace("\"channels\":2", "\"channels\":20").getBytes(StandardCharsets.US_ASCII));
		String changedInput = file.path("protected").asText() + "." + changedPayload;
		assertThat(changedPayload).isNotEqualTo(file.path("payload").asText());
		assertThat(rawEd25519(key, changedInput, signature)).isFalse();
		assertThat(JWSObject.parse(changedInput + "." + file.path("signature").asText())
			.verify(new Ed25519Verifier(jwk))).isFalse();
	}

	private static boolean rawEd25519(PublicKey key, String signingInput, byte[] signature)
			throws Exception {
		Signature ed25519 = Signature.getInstance("Ed25519");
		ed25519.initVerify(key);
		ed25519.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return ed25519.verify(signature);
	}

	@Test
	void aRequestFileWorksOnce() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 10, null);
		String file = request("UPLAND-NVR", LicenseFixtures.unique("HOST"), nonce(), Map.of(item.getActivationId(), 1));
		assertThat(this.api.postJson("/api/v1/activations/offline", this.token, file).status()).isEqualTo(201);

		Answer again = this.api.postJson("/api/v1/activations/offline", this.token, file);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asText()).contains("it was already used on ");
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(9);
	}

	@Test
	void everyRefusalHasItsStatusAndChangesNothing() throws Exception {
		LineItem item = this.fixtures.lineItem(this.customer, this.product, 3, null);
		Account foreign = this.fixtures.customer(LicenseFixtures.unique("Foreign"));
		LineItem foreignItem = this.fixtures.lineItem(foreign, this.product, 3, null);
		String hostId = LicenseFixtures.unique("REFUSED-HOST");
		String valid = request("N", hostId, nonce(), Map.of(item.getActivationId(), 1));

		refused("application/json", request("N", hostId, nonce(), Map.of(item.getActivationId(), 4)), 409,
				"Only 3 channels of " + item.getActivationId() + " are left, not 4.");
		refused("application/json", request("N", hostId, nonce(), Map.of(foreignItem.getActivationId(), 1)), 404,
				foreignItem.getActivationId() + " is not one of your licenses.");
		refused("application/json", "{\"formatVersion\": 1, \"deviceName\": ", 400, "The file is not valid JSON");
		refused("application/json", "[]", 400, "The file must hold one JSON object.");
		refused("text/csv", valid, 415, "it must be a JSON file (application/json), not text/csv.");
		refused(null, valid, 415, "it must be a JSON file (application/json), not a file of unknown type.");
		refused("application/json", valid.replace("}", ", \"padding\": \"" + "x".repeat(70_000) + "\"}"), 413,
				"the file is larger than 64 KiB");
		Answer missingNonce = refused("application/json", valid.replaceFirst("\"nonce\"", "\"once\""), 422,
				"The request has a field the format does not know: \"once\".");
		assertThat(missingNonce.json().get("errors").get(0).get("field").asText()).isEqualTo("once");
		Answer badQuantity = refused("application/json", request("N", hostId, nonce(), Map.of(item.getActivationId(), 0)),
				422, "License 1: \"quantity\" must be a whole number of channels");
		assertThat(badQuantity.json().get("errors").get(0).get("field").asText()).isEqualTo("licenses");

		refused("application/json", OfflineActivationTest.deeplyNested(5_000), 400,
				"The activation request file was refused: The file is nested more than 16 levels deep");
		assertThat(this.fixtures.reload(item).getAvailableQuantity()).isEqualTo(3);
		assertThat(this.fixtures.reload(foreignItem).getAvailableQuantity()).isEqualTo(3);
		assertThat(this.devices.findByAccountAndHostId(this.customer.getId(), hostId)).isEmpty();
	}

	private Answer refused(String contentType, String body, int status, String message) {
		Answer answer = this.api.post("/api/v1/activations/offline", this.token, contentType, body);
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.json().get("detail").asText()).contains(message);
		return answer;
	}

	private static String request(String deviceName, String hostId, String nonce, Map<String, Integer> licenses)
			throws Exception {
		return new String(OfflineActivationTest.request(deviceName, hostId, nonce, licenses), StandardCharsets.UTF_8);
	}

	private static String nonce() {
		return OfflineActivationTest.nonce();
	}

}
