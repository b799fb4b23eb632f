package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.refusal.RefusedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Transfers for scripts: the same service, rules and visibility as the Transfer and Transfers pages. */
@RestController
@Tag(name = "Transfers")
class TransferApiController {

	static final String IDEMPOTENCY_KEY = TransferRequest.IDEMPOTENCY_KEY;

	private final TransferService transfers;

	private final TransferList list;

	TransferApiController(TransferService transfers, TransferList list) {
		this.transfers = transfers;
		this.list = list;
	}

	/** A transfer request. The target is given by account number (any active account) or by the id of one of yours. */
	record NewTransfer(@Schema(example = "7KQ2-9XTM-C4HP-R8WD", description = "the license the channels come from") String activationId,
			@Schema(type = "integer", minimum = "1", example = "5", description = "a whole number of channels, at most the available ones") BigDecimal amount,
			@Schema(example = "A-7KQ2-9XTM", description = "the target's account number; or give targetAccountId") String targetAccountNumber,
			@Schema(example = "42", description = "the id of one of your accounts (GET /api/v1/accounts); or give targetAccountNumber") Long targetAccountId,
			@Schema(example = "9XTM-7KQ2-R8WD-C4HP", description = "a license of the target to add the channels to; leave out for a new license") String addToActivationId) {
	}

	@PostMapping(path = "/api/v1/transfers", consumes = "application/json", produces = "application/json")
	@Operation(summary = "Request a channel transfer",
			description = "Reserves the channels at once and starts the approval process: to a related customer up to 100 "
					+ "channels (250 of ACC Core) the transfer is approved automatically and the channels move within seconds; "
					+ "other transfers wait for Order Management (state PENDING_APPROVAL). Partial transfers make a new license "
					+ "for the target, all channels of a license with none activated move the license itself, and "
					+ "addToActivationId adds them to a license of the same product. Send an Idempotency-Key header to make "
					+ "retries safe: the same key with the same body answers the same transfer (200), the same key with "
					+ "another body is refused (422).")
	@ApiResponse(responseCode = "201", description = "requested; Location names it")
	@ApiResponse(responseCode = "200", description = "the transfer an earlier request with the same Idempotency-Key made")
	@ApiResponse(responseCode = "404", description = "the license (or the one to add to) is not one you can see")
	@ApiResponse(responseCode = "409", description = "not enough channels available, or the license expired")
	@ApiResponse(responseCode = "422", description = "a field is not valid, or the Idempotency-Key was used for another request")
	ResponseEntity<TransferView> request(@AuthenticationPrincipal PortalUserPrincipal user,
			@Parameter(description = "any unique string up to 100 characters, e.g. a UUID") @RequestHeader(name = IDEMPOTENCY_KEY,
					required = false) String idempotencyKey,
			@RequestBody NewTransfer body) {
		if (body.targetAccountNumber() != null && body.targetAccountId() != null) {
			throw RefusedException.invalid("targetAccountId", Text.of("licenses.transfer.api.oneTarget"));
		}
		TransferService.Submitted submitted = this.transfers.request(user.getUserId(),
				new TransferRequest(required(body.activationId(), "activationId"), amount(body.amount()),
						body.targetAccountNumber(), body.targetAccountId(), body.addToActivationId(), idempotencyKey));
		String number = submitted.transfer().getTransferNumber();
		TransferView view = this.list.transfer(user.getUserId(), number);
		return submitted.replayed() ? ResponseEntity.ok(view)
				: ResponseEntity.created(URI.create("/api/v1/transfers/" + number)).body(view);
	}

	@GetMapping(path = "/api/v1/transfers", produces = "application/json")
	@Operation(summary = "Your transfer requests and, for administrators, those from the accounts you administer",
			description = "Newest first, at most " + TransferList.LIMIT + ".")
	List<TransferView> transfers(@AuthenticationPrincipal PortalUserPrincipal user) {
		return this.list.transfersOf(user.getUserId());
	}

	@GetMapping(path = "/api/v1/transfers/{id}", produces = "application/json")
	@Operation(summary = "One transfer: its state and what it did")
	@ApiResponse(responseCode = "404", description = "no such transfer among yours")
	TransferView transfer(@AuthenticationPrincipal PortalUserPrincipal user,
			@Parameter(example = "T-7KQ2-9XTM") @PathVariable String id) {
		return this.list.transfer(user.getUserId(), id);
	}

	@PostMapping(path = "/api/v1/transfers/{id}/cancel", produces = "application/json")
	@Operation(summary = "Cancel a transfer that waits for approval", description = "The reserved channels become available again.")
	@ApiResponse(responseCode = "404", description = "no such transfer among yours")
	@ApiResponse(responseCode = "409", description = "the transfer is no longer pending approval")
	TransferView cancel(@AuthenticationPrincipal PortalUserPrincipal user,
			@Parameter(example = "T-7KQ2-9XTM") @PathVariable String id) {
		this.transfers.cancel(user.getUserId(), id);
		return this.list.transfer(user.getUserId(), id);
	}

	private static String required(String activationId, String field) {
		if (activationId == null || activationId.isBlank()) {
			throw RefusedException.invalid(field, Text.of("licenses.transfer.api.activationId"));
		}
		return activationId;
	}

	private static Integer amount(BigDecimal amount) {
		if (amount == null) {
			throw RefusedException.invalid("amount", Text.of("licenses.transfer.api.amount"));
		}
		try {
			return amount.stripTrailingZeros().scale() > 0 ? fail() : amount.intValueExact();
		}
		catch (ArithmeticException tooLarge) {
			return fail();
		}
	}

	private static Integer fail() {
		throw RefusedException.invalid("amount", Text.of("licenses.transfer.api.wholeAmount"));
	}

}
