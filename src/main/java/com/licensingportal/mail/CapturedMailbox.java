package com.licensingportal.mail;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The emails the embedded default "sent": kept in memory, newest first, shown at {@code /dev/mailbox}. */
public class CapturedMailbox {

	private static final int CAPACITY = 500;

	private final Deque<CapturedMail> mails = new ConcurrentLinkedDeque<>();

	private final AtomicLong ids = new AtomicLong();

	public record CapturedMail(long id, List<String> to, String subject, String text, String html, Instant sentAt) {
	}

	void capture(MimeMessage message) throws MessagingException, IOException {
		List<String> to = new ArrayList<>();
		if (message.getRecipients(Message.RecipientType.TO) != null) {
			for (var address : message.getRecipients(Message.RecipientType.TO)) {
				to.add(address instanceof InternetAddress internet ? internet.getAddress() : address.toString());
			}
		}
		Bodies bodies = new Bodies();
		collect(message, bodies);
		this.mails.addFirst(new CapturedMail(this.ids.incrementAndGet(), List.copyOf(to), message.getSubject(),
				bodies.text, bodies.html, Instant.now()));
		while (this.mails.size() > CAPACITY) {
			this.mails.pollLast();
		}
	}

	public List<CapturedMail> all() {
		return List.copyOf(this.mails);
	}

	public CapturedMail find(long id) {
		return this.mails.stream().filter(mail -> mail.id() == id).findFirst().orElse(null);
	}

	private static final class Bodies {

		String text;

		String html;

	}

	private static void collect(Part part, Bodies bodies) throws MessagingException, IOException {
		if (part.isMimeType("text/plain") && bodies.text == null) {
			bodies.text = String.valueOf(part.getContent());
		}
		else if (part.isMimeType("text/html") && bodies.html == null) {
			bodies.html = String.valueOf(part.getContent());
		}
		else if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, bodies);
			}
		}
	}

}
