package com.licensingportal.transfer;

import java.util.UUID;

/**
 * The Transfer page (Action &gt; Transfer): amount, target account, "Add to an existing license?" and the
 * license to add to. The idempotency key is made when the form is first shown and travels with it, so that
 * submitting the same form twice makes one transfer.
 */
public class TransferForm {

	static final String YES = "yes";

	private String activationId;

	private String amount;

	private String target;

	private String addToExisting = "no";

	private String addTo;

	private String idempotencyKey = UUID.randomUUID().toString();

	private boolean confirmed;

	/** The amount as a whole number, or null when it is missing or not one. */
	Integer amountAsNumber() {
		if (this.amount == null || !this.amount.strip().matches("[0-9]{1,9}")) {
			return null;
		}
		return Integer.valueOf(this.amount.strip());
	}

	public boolean isAddingToExisting() {
		return YES.equals(this.addToExisting);
	}

	TransferRequest toRequest() {
		return new TransferRequest(this.activationId, amountAsNumber(), this.target, null,
				isAddingToExisting() ? this.addTo : null, this.idempotencyKey);
	}

	public String getActivationId() {
		return this.activationId;
	}

	public void setActivationId(String activationId) {
		this.activationId = activationId;
	}

	public String getAmount() {
		return this.amount;
	}

	public void setAmount(String amount) {
		this.amount = amount;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public String getAddToExisting() {
		return this.addToExisting;
	}

	public void setAddToExisting(String addToExisting) {
		this.addToExisting = addToExisting;
	}

	public String getAddTo() {
		return this.addTo;
	}

	public void setAddTo(String addTo) {
		this.addTo = addTo;
	}

	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

	public boolean isConfirmed() {
		return this.confirmed;
	}

	public void setConfirmed(boolean confirmed) {
		this.confirmed = confirmed;
	}

}
