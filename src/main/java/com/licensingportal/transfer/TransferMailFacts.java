package com.licensingportal.transfer;

import java.util.LinkedHashMap;
import java.util.Map;


/**
 * What a transfer's emails say about it, read in one query when each is sent
 * ({@link ChannelTransferRepository#findMailFacts}): the process carries the decision's inputs and the execution's
 * result, not copies of the transfer.
 */
public record TransferMailFacts(String transferNumber, int amount, String activationId, int sourceTotal,
		String partNumber, String productName, String sourceAccountName, String targetAccountName,
		String targetAccountNumber, String addToActivationId, Long resultId, Long sourceId, String requesterFirstName,
		String requesterLastName, String requestedBy, String approvalRule) {

	/** The template model's names, as the transfer emails use them. */
	public Map<String, Object> model() {
		boolean wholeLicense = this.addToActivationId == null
				&& (this.resultId != null ? this.resultId.equals(this.sourceId) : this.amount == this.sourceTotal);
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("transferNumber", this.transferNumber);
		model.put("amount", this.amount);
		model.put("activationId", this.activationId);
		model.put("partNumber", this.partNumber);
		model.put("productName", this.productName);
		model.put("sourceAccountName", this.sourceAccountName);
		model.put("targetAccountName", this.targetAccountName);
		model.put("targetAccountNumber", this.targetAccountNumber);
		model.put("how", ChannelTransfer.how(this.addToActivationId, this.targetAccountName, wholeLicense));
		if (this.approvalRule != null) {
			// The decision table's rule is stored as its English sentence: each reader gets it in their language.
			model.put("approvalRule", TransferView.rule(this.approvalRule));
		}
		model.put("requesterName", this.requesterFirstName == null ? this.requestedBy
				: this.requesterFirstName + " " + this.requesterLastName);
		return model;
	}

}
