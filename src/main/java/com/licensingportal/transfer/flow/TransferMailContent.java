package com.licensingportal.transfer.flow;

import java.util.List;

import com.licensingportal.mail.MailContent;
import com.licensingportal.transfer.TransferExecution;

import org.springframework.stereotype.Component;

/**
 * The transfer emails' content (the mail tasks' {@code mailContent}): what they say about the transfer, read from
 * its row by the business key when each one is sent, so that the process does not carry copies of it.
 */
@Component("transferMail")
class TransferMailContent implements MailContent {

	private final TransferExecution transfers;

	TransferMailContent(TransferExecution transfers) {
		this.transfers = transfers;
	}

	@Override
	public Content contentFor(String transferNumber) {
		return new Content(this.transfers.mailFacts(transferNumber), List.of());
	}

}
