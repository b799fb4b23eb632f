package com.licensingportal.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** Reads what the portal really sent, from the suite's GreenMail server. */
public final class MailReader {

	private MailReader() {
	}

	/** The messages to one recipient, oldest first. */
	public static List<MimeMessage> to(GreenMail greenMail, String recipient) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> isTo(message, recipient)).toList();
	}

	/**
	 * What was delivered into the recipient's own mailbox, oldest first: a message to two recipients counts once
	 * for each, so that a test can count deliveries exactly ({@link #to} sees every copy that names the recipient).
	 */
	public static List<MimeMessage> deliveredTo(GreenMail greenMail, String recipient) {
		return greenMail.findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(recipient), message -> true)
			.toList();
	}

	/** Waits up to 10 seconds for the first message to the recipient. */
	public static MimeMessage waitFor(GreenMail greenMail, String recipient) {
		return waitFor(greenMail, recipient, 1).get(0);
	}

	/** Waits up to 10 seconds until the recipient has at least {@code count} messages. */
	public static List<MimeMessage> waitFor(GreenMail greenMail, String recipient, int count) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (true) {
			List<MimeMessage> messages = to(greenMail, recipient);
			if (messages.size() >= count) {
				return messages;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Expected " + count + " mail(s) to " + recipient + " but got " + messages.size());
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	public static Multipart alternative(MimeMessage message) throws Exception {
		return findMultipart(message, "multipart/alternative");
	}

	public static String text(MimeMessage message) throws Exception {
		return part(message, "text/plain");
	}

	public static String html(MimeMessage message) throws Exception {
		return part(message, "text/html");
	}

	/** The first link in the plain text that contains {@code pathFragment}, e.g. {@code /invitations/}. */
	public static String link(MimeMessage message, String pathFragment) throws Exception {
		Matcher matcher = Pattern.compile("https?://\\S*" + Pattern.quote(pathFragment) + "[^\\s\"'<>]*").matcher(text(message));
		if (!matcher.find()) {
			throw new AssertionError("No link with " + pathFragment + " in: " + text(message));
		}
		return matcher.group();
	}

	private static boolean isTo(MimeMessage message, String recipient) {
		try {
			return message.getRecipients(Message.RecipientType.TO) != null && Arrays
				.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String part(Part part, String mimeType) throws Exception {
		if (part.isMimeType(mimeType)) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static Multipart findMultipart(Part part, String mimeType) throws Exception {
		if (part.getContent() instanceof Multipart multipart) {
			if (multipart.getContentType().startsWith(mimeType)) {
				return multipart;
			}
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				Multipart found = findMultipart(child, mimeType);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
