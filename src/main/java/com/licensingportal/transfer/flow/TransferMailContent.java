package com.licensingportal.transfer.flow;

import java.util.List;
import java.util.Map;

import com.licensingportal.mail.MailContent;
import com.licensingportal.transfer.ApprovalTask;

import org.springframework.stereotype.Component;

/**
 * The transfer emails' words that the process does not carry (the mail task's {@code mailContent}): how the
 * channels move, a text written in each recipient's language.
 */
@Component("transferMail")
class TransferMailContent implements MailContent {

	private final ApprovalTask approval;

	TransferMailContent(ApprovalTask approval) {
		this.approval = approval;
	}

	@Override
	public Content contentFor(String transferNumber) {
		return new Content(Map.of("how", this.approval.how(transferNumber)), List.of());
	}

}
