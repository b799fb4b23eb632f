package com.licensingportal.mail;

import java.util.List;
import java.util.Map;

/**
 * What an email needs that the process does not carry: a bean named in the mail task's input parameter
 * {@code mailContent} reads it from the portal's tables, by the process instance's business key.
 */
public interface MailContent {

	/** A file sent with the email. */
	record Attachment(String filename, String contentType, byte[] bytes) {
	}

	/** More of the template's model, and the attachments. */
	record Content(Map<String, Object> model, List<Attachment> attachments) {
	}

	Content contentFor(String businessKey);

}
