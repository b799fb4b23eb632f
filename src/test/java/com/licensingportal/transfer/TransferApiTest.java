package com.licensingportal.transfer;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.license.LineItem;
import com.licensingportal.support.ApiClient;
import com.licensingportal.support.ApiClient.Answer;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.ProcessJobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/transfers, GET /api/v1/transfers/{id} and its cancel, over real HTTP with a bearer token. */
class TransferApiTest extends TransferTestSupport {

	private ApiClient api;

	private String token;

	@BeforeEach
	void logIn() {
		this.api = new ApiClient(baseUrl());
		this.token = this.api.token(this.partnerAdmin.getEmail(), LicenseFixtures.PASSWORD);
	}

	@Test
	void requestAnAutomaticTransferAndFollowItToTheEnd() {
		Answer created = this.api.postJson("/api/v1/transfers", this.token, body(this.bulk.getActivationId(), "5",
				"\"targetAccountNumber\": \"" + this.customer.getAccountNumber() + "\""));

		assertThat(created.status()).isEqualTo(201);
		JsonNode transfer = created.json();
		String id = transfer.get("id").asText();
		assertThat(id).matches("T-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		assertThat(created.header("Location")).isEqualTo("/api/v1/transfers/" + id);
		assertThat(transfer.get("state").asText()).isEqualTo("APPROVED");
		assertThat(transfer.get("amount").asInt()).isEqualTo(5);
		assertThat(transfer.get("activationId").asText()).isEqualTo(this.bulk.getActivationId());
		assertThat(transfer.get("targetAccountNumber").asText()).isEqualTo(this.customer.getAccountNumber());
		assertThat(transfer.get("approvalRequired").asBoolean()).isFalse();
		assertThat(transfer.get("cancellable").asBoolean()).isFalse();

		ProcessJobs.executeDue(this.management, this.transferRows.findByTransferNumber(id).orElseThrow().getProcessInstanceId());
		JsonNode done = this.api.get("/api/v1/transfers/" + id, this.token).json();
		assertThat(done.get("state").asText()).isEqualTo("COMPLETED");
		assertThat(done.get("resultActivationId").asText()).isNotEqualTo(this.bulk.getActivationId()).hasSize(19);
		assertThat(this.api.get("/api/v1/transfers", this.token).json().findValuesAsText("id")).contains(id);
	}

	@Test
	void aTransferThatWaitsCanBeCancelledOnce() {
		JsonNode pending = this.api.postJson("/api/v1/transfers", this.token, body(this.bulk.getActivationId(), "7",
				"\"targetAccountNumber\": \"" + this.unrelated.getAccountNumber() + "\"")).json();
		String id = pending.get("id").asText();
		assertThat(pending.get("state").asText()).isEqualTo("PENDING_APPROVAL");
		assertThat(pending.get("approvalRule").asText()).isEqualTo("To an account that is not related: needs Order Management's approval");

		Answer cancelled = this.api.post("/api/v1/transfers/" + id + "/cancel", this.token, null, "");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("state").asText()).isEqualTo("CANCELLED");
		assertThat(reload(this.bulk).getAvailableQuantity()).isEqualTo(20);

		Answer again = this.api.post("/api/v1/transfers/" + id + "/cancel", this.token, null, "");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(again.json().get("detail").asText()).isEqualTo("Transfer " + id
				+ " is cancelled. Only a transfer that is pending approval can be cancelled.");
	}

	@Test
	void theSameIdempotencyKeyAndBodyAnswerTheSameTransferAnotherBodyIsRefused() {
		String key = UUID.randomUUID().toString();
		String body = body(this.bulk.getActivationId(), "3", "\"targetAccountId\": " + this.customer.getId());

		Answer first = this.api.postJson("/api/v1/transfers", this.token, body, "Idempotency-Key", key);
		Answer second = this.api.postJson("/api/v1/transfers", this.token, body, "Idempotency-Key", key);
		Answer other = this.api.postJson("/api/v1/transfers", this.token,
				body(this.bulk.getActivationId(), "4", "\"targetAccountId\": " + this.customer.getId()), "Idempotency-Key", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().at("/errors/0/field").asText()).isEqualTo("Idempotency-Key");
		assertThat(other.json().get("detail").asText()).isEqualTo("This idempotency key was already used for transfer "
				+ first.json().get("id").asText() + ", which asked for something else. Use a new key for a new transfer.");
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(3);
	}

	/** problem+json speaks the request's language (Accept-Language): title, detail and each field's message. */
	@Test
	void problemsAreWrittenInTheLanguageTheRequestAsksFor() {
		String target = "\"targetAccountNumber\": \"" + this.customer.getAccountNumber() + "\"";

		Answer notEnough = this.api.postJson("/api/v1/transfers", this.token, body(this.bulk.getActivationId(), "21", target),
				"Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5");
		assertThat(notEnough.status()).isEqualTo(409);
		assertThat(notEnough.json().get("title").asText()).isEqualTo("Conflit");
		assertThat(notEnough.json().get("detail").asText()).isEqualTo("Seulement 20 canaux de " + this.bulk.getActivationId()
				+ " sont disponibles, et non 21. Rien n’a été transféré.");

		Answer zero = this.api.postJson("/api/v1/transfers", this.token, body(this.bulk.getActivationId(), "0", target),
				"Accept-Language", "fr");
		assertThat(zero.status()).isEqualTo(422);
		assertThat(zero.json().get("title").asText()).isEqualTo("Requête non valide");
		assertThat(zero.json().at("/errors/0/message").asText()).isEqualTo("Entrez un nombre de canaux de 1 ou plus.");

		Answer one = this.api.postJson("/api/v1/transfers", this.token, body(this.bulk.getActivationId(), "21", target),
				"Accept-Language", "de-DE");
		assertThat(one.json().get("title").asText()).as("a language the portal does not speak: English").isEqualTo("Conflict");
		assertThat(reload(this.bulk).getReservedQuantity()).isZero();
	}

	@Test
	void aForeignLicenseIsNotFoundNotEnoughChannelsIsAConflictBadFieldsAreUnprocessable() {
		LineItem foreign = this.fixtures.lineItem(this.unrelated, this.product, 9, null);
		String target = "\"targetAccountNumber\": \"" + this.customer.getAccountNumber() + "\"";

		Answer notFound = this.api.postJson("/api/v1/transfers", this.token, body(foreign.getActivationId(), "1", target));
		assertThat(notFound.status()).isEqualTo(404);
		assertThat(notFound.json().get("detail").asText()).isEqualTo("License " + foreign.getActivationId() + " was not found.");
		assertThat(this.api.get("/api/v1/transfers/T-2222-2222", this.token).status()).isEqualTo(404);

		Answer notEnough = this.api.postJson("/api/v1/transfers", this.token, body(this.bulk.getActivationId(), "21", target));
		assertThat(notEnough.status()).isEqualTo(409);
		assertThat(notEnough.json().get("detail").asText()).isEqualTo("Only 20 channels of " + this.bulk.getActivationId()
				+ " are available, not 21. Nothing was transferred.");

		assertUnprocessable(body(this.bulk.getActivationId(), "2.5", target), "amount",
				"The amount must be a whole number of channels, such as 5.");
		assertUnprocessable(body(this.bulk.getActivationId(), "0", target), "amount", "Enter a number of channels of 1 or more.");
		assertUnprocessable(body(this.bulk.getActivationId(), "null", target), "amount", "Give the number of channels to transfer.");
		assertUnprocessable(body(this.bulk.getActivationId(), "2", "\"targetAccountNumber\": \"" + this.partner.getAccountNumber() + "\""),
				"targetAccountNumber", this.bulk.getActivationId() + " already belongs to " + this.partner.getName()
						+ ". Choose another account to transfer the channels to.");
		assertUnprocessable(body(this.bulk.getActivationId(), "2", "\"targetAccountNumber\": \"A-2222-2222\""), "targetAccountNumber",
				"There is no active account with the number A-2222-2222. Check the number with the account's administrator.");
		assertUnprocessable(body(this.bulk.getActivationId(), "2", "\"targetAccountId\": " + this.unrelated.getId()),
				"targetAccountId", "None of your accounts has the id " + this.unrelated.getId() + ".");
		assertUnprocessable("{\"amount\": 2, " + target + "}", "activationId",
				"Give the Activation ID of the license to transfer channels from.");
		assertThat(reload(this.bulk).getReservedQuantity()).isZero();
		assertThat(reload(foreign).getReservedQuantity()).isZero();

		Answer anonymous = this.api.postJson("/api/v1/transfers", null, body(this.bulk.getActivationId(), "1", target));
		assertThat(anonymous.status()).isEqualTo(401);
	}

	@Test
	void anotherUsersTransferIsNotFound() {
		String id = this.api.postJson("/api/v1/transfers", this.token, body(this.bulk.getActivationId(), "2",
				"\"targetAccountNumber\": \"" + this.unrelated.getAccountNumber() + "\"")).json().get("id").asText();
		String theirs = this.api.token(this.unrelatedAdmin.getEmail(), LicenseFixtures.PASSWORD);

		assertThat(this.api.get("/api/v1/transfers/" + id, theirs).status()).isEqualTo(404);
		assertThat(this.api.post("/api/v1/transfers/" + id + "/cancel", theirs, null, "").status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/transfers", theirs).json().findValuesAsText("id")).doesNotContain(id);
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(2);
	}

	@Test
	void theOpenApiDocumentDescribesTheTransferEndpoints() {
		JsonNode paths = this.api.get("/v3/api-docs", null).json().get("paths");

		assertThat(paths.has("/api/v1/transfers")).isTrue();
		assertThat(paths.has("/api/v1/transfers/{id}")).isTrue();
		assertThat(paths.has("/api/v1/transfers/{id}/cancel")).isTrue();
		assertThat(paths.at("/~1api~1v1~1transfers/post/parameters/0/name").asText()).isEqualTo("Idempotency-Key");
		assertThat(paths.at("/~1api~1v1~1transfers/post/responses").has("409")).isTrue();
	}

	private void assertUnprocessable(String body, String field, String message) {
		Answer answer = this.api.postJson("/api/v1/transfers", this.token, body);
		assertThat(answer.status()).as(body).isEqualTo(422);
		assertThat(answer.json().at("/errors/0/field").asText()).isEqualTo(field);
		assertThat(answer.json().get("detail").asText()).isEqualTo(message);
	}

	private static String body(String activationId, String amount, String target) {
		return "{\"activationId\": \"" + activationId + "\", \"amount\": " + amount + ", " + target + "}";
	}

}
