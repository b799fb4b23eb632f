package com.licensingportal.mail;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The mail server, as a component of {@code /actuator/health} that degrades but never fails the portal: email waits
 * in its jobs while the server is away (README: Mail outages), so readiness leaves it out and its trouble shows as
 * {@code DEGRADED} (HTTP 200).
 */
@Component("mailServerHealthIndicator")
class MailServerHealth extends AbstractHealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "Email waits in its jobs until the mail server answers");

	private final JavaMailSender sender;

	private final boolean captured;

	MailServerHealth(JavaMailSender sender, MailProperties mail) {
		super("Mail server health check failed");
		this.sender = sender;
		this.captured = mail.capture();
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.captured || !(this.sender instanceof JavaMailSenderImpl smtp)) {
			builder.up().withDetail("mail", "captured at /dev/mailbox");
			return;
		}
		builder.withDetail("server", smtp.getHost() + ":" + smtp.getPort());
		try {
			smtp.testConnection();
			builder.up();
		}
		catch (jakarta.mail.MessagingException | RuntimeException ex) {
			builder.status(DEGRADED).withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

}
