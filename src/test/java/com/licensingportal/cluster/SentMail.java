package com.licensingportal.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.licensingportal.mail.MailReader;

/**
 * The emails the nodes delivered to GreenMail, one per mailbox they reached, each counted under a key that names
 * what it is about, so that a lost or a second copy shows:
 * <ul>
 * <li>{@code completed|recipient|T-XXXX-XXXX} for "Transfer T-XXXX-XXXX completed";</li>
 * <li>{@code received|recipient|activationId|total} for "… received …": the license the channels went to and its
 * new total, which differs for every transfer onto the same license;</li>
 * <li>{@code digest|recipient|account name} for an expiry digest;</li>
 * <li>{@code other|recipient|subject} for anything else.</li>
 * </ul>
 */
final class SentMail {

	private static final Pattern COMPLETED = Pattern.compile("Transfer (T-[0-9A-Z]{4}-[0-9A-Z]{4}) completed");

	private static final Pattern RECEIVED = Pattern.compile(
			"Activation ID\\s+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\\s+\\(Entitlement ID \\S+, now (\\d+) channels? in total\\)");

	private static final Pattern DIGEST = Pattern.compile("Licenses of (.+) expire soon");

	private SentMail() {
	}

	static String completed(String recipient, String transferNumber) {
		return "completed|" + recipient + "|" + transferNumber;
	}

	static String received(String recipient, String activationId, long total) {
		return "received|" + recipient + "|" + activationId + "|" + total;
	}

	static String digest(String recipient, String accountName) {
		return "digest|" + recipient + "|" + accountName;
	}

	/** Every delivered email's key and how often it was delivered; {@code baseUrl} must begin every portal link. */
	static Map<String, Integer> count(GreenMail greenMail, String baseUrl) throws Exception {
		Map<String, Integer> counts = new HashMap<>();
		for (GreenMailUser mailbox : greenMail.getUserManager().listUser()) {
			String recipient = mailbox.getEmail().toLowerCase();
			List<MimeMessage> messages = greenMail.findReceivedMessages(user -> user == mailbox, message -> true).toList();
			for (MimeMessage message : messages) {
				counts.merge(key(recipient, message, baseUrl), 1, Integer::sum);
			}
		}
		return counts;
	}

	private static String key(String recipient, MimeMessage message, String baseUrl) throws Exception {
		String subject = message.getSubject();
		String text = MailReader.text(message);
		if (text.contains("http") && !text.contains(baseUrl + "/")) {
			throw new AssertionError("A link in \"" + subject + "\" to " + recipient + " is not on " + baseUrl + ":\n" + text);
		}
		Matcher completed = COMPLETED.matcher(subject);
		if (completed.matches()) {
			return completed(recipient, completed.group(1));
		}
		if (subject.contains(" received ")) {
			Matcher received = RECEIVED.matcher(text);
			if (!received.find()) {
				throw new AssertionError("No Activation ID and total in \"" + subject + "\":\n" + text);
			}
			return received(recipient, received.group(1), Long.parseLong(received.group(2)));
		}
		Matcher digest = DIGEST.matcher(subject);
		if (digest.matches()) {
			return digest(recipient, digest.group(1));
		}
		return "other|" + recipient + "|" + subject;
	}

}
