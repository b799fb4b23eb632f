package com.licensingportal.registration;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;

import com.licensingportal.mail.MailReader;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.ClientAddresses;
import com.licensingportal.support.ProcessJobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/registrations over real HTTP, as a script with curl would call it. */
class RegistrationApiTest extends RegistrationTestSupport {

	private ApiClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiClient(baseUrl());
		ClientAddresses.forgetLoopbackCounts(this.jdbc);
	}

	@Test
	void aRequestWithoutATokenStartsTheSameProcessAsThePage() throws Exception {
		String email = uniqueEmail("api");

		Answer answer = this.api.postJson("/api/v1/registrations", null, body(email, "PARTNER"));

		assertThat(answer.status()).isEqualTo(202);
		assertThat(answer.header("Content-Type")).startsWith("application/json");
		JsonNode json = answer.json();
		assertThat(json.get("status").asText()).isEqualTo("RECEIVED");
		assertThat(json.get("email").asText()).isEqualTo(email);
		assertThat(json.get("message").asText()).contains("Order Management checks your request");
		assertThat(answer.header("Set-Cookie")).isNull();
		RegistrationRequest request = this.requests.findByOpenEmail(email).orElseThrow();
		assertThat(request.getOrganisation()).isEqualTo("Scripted Security");
		ProcessJobs.executeDue(this.management, processOf(request).getId());
		assertThat(MailReader.waitFor(greenMail(), email).getSubject())
			.isEqualTo("We received your request for access to the Licensing Portal");
		assertThat(this.tasks.createTaskQuery().processInstanceId(processOf(request).getId()).singleResult().getName())
			.isEqualTo("Review registration request: Scripted Security");
	}

	@Test
	void aRequestInFrenchGetsItsConfirmationInFrenchAndOrderManagementsTaskStaysEnglish() throws Exception {
		String email = uniqueEmail("api-fr");

		Answer answer = this.api.postJson("/api/v1/registrations", null, body(email, "PARTNER"), "Accept-Language",
				"fr-CA,fr;q=0.9,en;q=0.5");

		assertThat(answer.status()).isEqualTo(202);
		RegistrationRequest request = this.requests.findByOpenEmail(email).orElseThrow();
		ProcessJobs.executeDue(this.management, processOf(request).getId());
		MimeMessage confirmation = MailReader.waitFor(greenMail(), email);
		assertThat(confirmation.getSubject()).isEqualTo("Nous avons reçu votre demande d’accès au Portail des licences");
		assertThat(MailReader.text(confirmation))
			.contains("Merci de votre demande d’accès au Portail des licences pour Scripted Security (Partenaire (revendeur ou intégrateur)).");
		assertThat(this.tasks.createTaskQuery().processInstanceId(processOf(request).getId()).singleResult().getName())
			.isEqualTo("Review registration request: Scripted Security");
	}

	@Test
	void aSecondOpenRequestIsAnswered200AlreadyOpenAndStartsNothing() {
		String email = uniqueEmail("api-twice");
		this.api.postJson("/api/v1/registrations", null, body(email, "CUSTOMER"));

		Answer again = this.api.postJson("/api/v1/registrations", null, body(email, "CUSTOMER"));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("status").asText()).isEqualTo("ALREADY_OPEN");
		assertThat(again.json().get("message").asText()).contains("There is no need to send it again");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc(email)).hasSize(1);
	}

	@Test
	void invalidFieldsAreAnswered422WithEachFieldAndItsMessage() {
		Answer answer = this.api.postJson("/api/v1/registrations", null,
				"{\"firstName\":\"\",\"lastName\":\"Script\",\"email\":\"nobody\",\"phone\":\"+1 604 555 0100\","
						+ "\"organisation\":\"Scripted\",\"accountType\":\"RESELLER\",\"proof\":\"PO 1\"}");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"field\":\"firstName\"", "Enter your first name.", "\"field\":\"email\"",
				"Enter a valid email address, like name@example.com.", "\"field\":\"accountType\"",
				"Choose whether your organisation is a partner or a customer.");
		assertThat(this.requests.findByEmailOrderBySubmittedAtDesc("nobody")).isEmpty();
	}

	@Test
	void malformedJsonIsAnswered400AndAWrongContentType415() {
		assertThat(this.api.postJson("/api/v1/registrations", null, "{\"email\":").status()).isEqualTo(400);
		assertThat(this.api.post("/api/v1/registrations", null, "text/plain", "hello").status()).isEqualTo(415);
	}

	@Test
	void theFourthRequestForOneEmailWithinAnHourIsAnswered429WithRetryAfter() {
		String email = uniqueEmail("api-often");
		for (int i = 0; i < 3; i++) {
			assertThat(this.api.postJson("/api/v1/registrations", null, body(email, "CUSTOMER")).status()).isIn(200, 202);
		}

		Answer refused = this.api.postJson("/api/v1/registrations", null, body(email, "CUSTOMER"));

		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3500L, 3600L);
		assertThat(refused.json().get("detail").asText())
			.isEqualTo("There were too many requests for this email address. Try again in 60 minutes.");
	}

	private static String body(String email, String accountType) {
		return "{\"firstName\":\"Sam\",\"lastName\":\"Script\",\"email\":\"" + email + "\",\"phone\":\"+1 604 555 0142\","
				+ "\"organisation\":\"Scripted Security\",\"accountType\":\"" + accountType + "\",\"proof\":\"PO-77\","
				+ "\"message\":\"Sent by our provisioning script.\"}";
	}

}
