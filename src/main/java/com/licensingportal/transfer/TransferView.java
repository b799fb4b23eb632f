package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LineItem;

/**
 * One transfer as a user sees it on the Transfers page and in the API. Line items of accounts the user
 * cannot see are left out: their Activation IDs are null.
 *
 * @param resultActivationId the license that holds the channels after the transfer, when the user can see it
 * @param cancellable whether it still waits for approval, so that the user may cancel it
 */
public record TransferView(@JsonProperty("id") @Schema(example = "T-7KQ2-9XTM") String transferNumber, TransferState state, String activationId, String partNumber,
		String productName, int amount, String sourceAccountName, String sourceAccountNumber, String targetAccountName,
		String targetAccountNumber, String how, String addToActivationId, boolean approvalRequired, String approvalRule,
		String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason,
		String resultActivationId, Instant endedAt, String endedBy, String endedReason, boolean cancellable,
		@JsonIgnore Text howText) {

	static TransferView of(ChannelTransfer transfer, VisibleAccounts visible) {
		LineItem source = transfer.getSource();
		return new TransferView(transfer.getTransferNumber(), transfer.getState(), source.getActivationId(),
				source.getProduct().getPartNumber(), source.getProduct().getName(), transfer.getAmount(),
				transfer.getSourceAccount().getName(), transfer.getSourceAccount().getAccountNumber(),
				transfer.getTargetAccount().getName(), transfer.getTargetAccount().getAccountNumber(),
				transfer.how(), visibleId(transfer.getAddTo(), visible), transfer.isApprovalRequired(),
				transfer.getApprovalRule(), transfer.getRequestedBy(), transfer.getRequestedAt(), transfer.getDecidedBy(),
				transfer.getDecidedAt(), transfer.getDecisionReason(), visibleId(transfer.getResult(), visible),
				transfer.getEndedAt(), transfer.getEndedBy(), transfer.getEndedReason(),
				transfer.getState() == TransferState.PENDING_APPROVAL, transfer.howText());
	}

	private static String visibleId(LineItem item, VisibleAccounts visible) {
		return item != null && visible.canSee(item.getOwner().getId()) ? item.getActivationId() : null;
	}

	@JsonIgnore
	public Text stateText() {
		return this.state.text();
	}

	/** Why it needed approval or not, in the reader's language (the decision table writes the English). */
	@JsonIgnore
	public Text approvalRuleText() {
		return rule(this.approvalRule);
	}

	/** The decision table's rule (its English sentence, as stored) as a text of the bundle. */
	static Text rule(String rule) {
		for (String code : RULES) {
			if (Text.of(code).toString().equals(rule)) {
				return Text.of(code);
			}
		}
		return Text.of("licenses.transfer.rule.other", String.valueOf(rule));
	}

	/** The rules of bpmn/transfer-approval.dmn, in its order. */
	private static final java.util.List<String> RULES = java.util.List.of("licenses.transfer.rule.coreToRelated",
			"licenses.transfer.rule.toRelated", "licenses.transfer.rule.backToOwnPartner",
			"licenses.transfer.rule.toUnrelated", "licenses.transfer.rule.aboveLimits");

}
