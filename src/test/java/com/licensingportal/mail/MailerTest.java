package com.licensingportal.mail;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.licensingportal.support.PortalIntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailerTest extends PortalIntegrationTest {

	@Autowired
	Mailer mailer;

	@Test
	void sendsTheTemplateAsHtmlWithAPlainTextAlternative() throws Exception {
		String to = "mailer-" + UUID.randomUUID() + "@example.com";

		this.mailer.send("test-message", List.of(to), Map.of("name", "Zoë <Ünïcode>"));

		MimeMessage message = MailReader.waitFor(greenMail(), to);
		assertThat(message.getSubject()).isEqualTo("A test for Zoë <Ünïcode>");
		assertThat(message.getFrom()[0].toString()).contains("no-reply@licensing.example.com");
		Multipart alternative = MailReader.alternative(message);
		assertThat(alternative.getContentType()).startsWith("multipart/alternative");
		String text = MailReader.text(message);
		String html = MailReader.html(message);
		assertThat(text).contains("Hello Zoë <Ünïcode>,").contains(this.mailer.getBaseUrl() + "/entitlements");
		assertThat(html).contains("Hello <span>Zoë &lt;Ünïcode&gt;</span>")
			.contains("href=\"" + this.mailer.getBaseUrl() + "/entitlements\"")
			.contains("Licensing Portal");
	}

	@Test
	void aMailWithoutRecipientIsRefused() {
		assertThatThrownBy(() -> this.mailer.send("test-message", List.of(), Map.of("name", "x")))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anUnknownTemplateFailsLoudly() {
		assertThatThrownBy(() -> this.mailer.send("no-such-template", List.of("x@example.com"), Map.of()))
			.isInstanceOf(RuntimeException.class);
	}

}
