package com.licensingportal.mail;

import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The embedded default needs no SMTP server: mail is captured and shown at {@code /dev/mailbox}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "portal.mail.capture", havingValue = "true")
class CapturedMailConfiguration {

	@Bean
	CapturedMailbox capturedMailbox() {
		return new CapturedMailbox();
	}

	@Bean
	JavaMailSender capturingMailSender(CapturedMailbox mailbox) {
		return new JavaMailSenderImpl() {
			@Override
			protected void doSend(MimeMessage[] messages, Object[] originals) {
				for (MimeMessage message : messages) {
					try {
						message.saveChanges();
						mailbox.capture(message);
					}
					catch (MessagingException | java.io.IOException ex) {
						throw new MailSendException(Map.of(message, ex));
					}
				}
			}
		};
	}

}
