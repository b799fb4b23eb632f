package com.licensingportal.usermanagement;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads the real messages from the suite's GreenMail server, by recipient, and the links in them. */
public final class InvitationMails {

	private static final Pattern LINK = Pattern.compile("https?://\\S+?(/invitations/[A-Za-z0-9_-]+)");

	private InvitationMails() {
	}

	public static List<MimeMessage> to(GreenMail greenMail, String address) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
	}

	/** Waits until {@code count} messages to the address have arrived, and returns the newest. */
	public static MimeMessage awaitNth(GreenMail greenMail, String address, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			List<MimeMessage> messages = to(greenMail, address);
			if (messages.size() >= count) {
				return messages.get(count - 1);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new AssertionError("No message number " + count + " to " + address + " arrived");
	}

	public static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text alternative of the message. */
	public static String text(MimeMessage message) {
		return part(message, "text/plain");
	}

	/** The HTML alternative of the message. */
	public static String html(MimeMessage message) {
		return part(message, "text/html");
	}

	private static String part(MimeMessage message, String type) {
		String content;
		try {
			content = find(message, type);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		if (content == null) {
			throw new AssertionError("The message has no " + type + " part");
		}
		return content;
	}

	/** The path of the invitation link in the message's text, e.g. {@code /invitations/AbC...}. */
	public static String invitationPath(MimeMessage message) {
		Matcher matcher = LINK.matcher(text(message));
		if (!matcher.find()) {
			throw new AssertionError("No invitation link in: " + text(message));
		}
		return matcher.group(1);
	}

	public static String token(MimeMessage message) {
		return invitationPath(message).substring("/invitations/".length());
	}

	private static boolean isTo(MimeMessage message, String address) {
		try {
			var recipients = message.getRecipients(Message.RecipientType.TO);
			return recipients != null && Arrays.stream(recipients)
				.anyMatch(r -> r instanceof InternetAddress internet && internet.getAddress().equalsIgnoreCase(address));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String find(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = find(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
