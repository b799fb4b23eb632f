package com.licensingportal.mail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import com.licensingportal.text.Languages;

import com.licensingportal.base.PortalProperties;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends one templated email, HTML with a plain-text alternative, in each recipient's language
 * ({@link RecipientLanguages}): one message per language, its recipients together. Callers are the BPMN mail task, so a
 * failure here fails the job: the engine retries it and, when retries run out, raises an incident.
 */
@Service
public class Mailer {

	private final MailRenderer renderer;

	private final JavaMailSender sender;

	private final String from;

	private final String baseUrl;

	private final MeterRegistry meters;

	/** A recipient's language, given the language of the request behind the email (null: none). */
	private final BiFunction<String, Locale, Locale> languages;

	/** Every recipient in the language of the request behind the email, else English. */
	Mailer(MailRenderer renderer, JavaMailSender sender, String from, String baseUrl) {
		this(renderer, sender, from, baseUrl, new SimpleMeterRegistry(),
				(email, requestLanguage) -> requestLanguage == null ? Languages.ENGLISH : requestLanguage);
	}

	@Autowired
	Mailer(MailRenderer renderer, JavaMailSender sender, MailProperties mail, PortalProperties portal,
			MeterRegistry meters, RecipientLanguages languages) {
		this(renderer, sender, mail.from(), portal.baseUrl(), meters, languages::of);
	}

	private Mailer(MailRenderer renderer, JavaMailSender sender, String from, String baseUrl, MeterRegistry meters,
			BiFunction<String, Locale, Locale> languages) {
		this.languages = languages;
		this.meters = meters;
		this.renderer = renderer;
		this.sender = sender;
		this.from = from;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	public void send(String template, Collection<String> recipients, Map<String, Object> variables) {
		send(template, recipients, variables, List.of());
	}

	public void send(String template, Collection<String> recipients, Map<String, Object> variables,
			List<MailContent.Attachment> attachments) {
		send(template, recipients, variables, attachments, null);
	}

	/**
	 * @param requestLanguage the language of the request behind the email (a process's {@code language}), for
	 * recipients who never chose one; null when none
	 */
	public void send(String template, Collection<String> recipients, Map<String, Object> variables,
			List<MailContent.Attachment> attachments, Locale requestLanguage) {
		if (recipients.isEmpty()) {
			throw new IllegalArgumentException("Mail " + template + " has no recipient");
		}
		Map<Locale, List<String>> byLanguage = new LinkedHashMap<>();
		for (String recipient : recipients) {
			byLanguage.computeIfAbsent(this.languages.apply(recipient, requestLanguage), l -> new ArrayList<>())
				.add(recipient);
		}
		Map<String, Object> model = new LinkedHashMap<>(variables);
		model.put("portalUrl", this.baseUrl);
		byLanguage.forEach((language, to) -> send(template, to, model, attachments, language));
	}

	private void send(String template, List<String> recipients, Map<String, Object> model,
			List<MailContent.Attachment> attachments, Locale language) {
		RenderedMail mail = this.renderer.render(template, model, language);
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
			helper.setFrom(this.from);
			helper.setTo(recipients.toArray(String[]::new));
			helper.setSubject(mail.subject());
			helper.setText(mail.text(), mail.html());
			for (MailContent.Attachment attachment : attachments) {
				helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.bytes()),
						attachment.contentType());
			}
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Mail " + template + " could not be prepared", ex);
		}
		try {
			this.sender.send(message);
		}
		catch (RuntimeException ex) {
			count(template, "failed");
			throw ex;
		}
		count(template, "sent");
	}

	/** Emails sent and failed per template (README: Health and metrics); a failed try is retried by its job. */
	private void count(String template, String outcome) {
		this.meters.counter("portal.emails", "template", template, "outcome", outcome).increment();
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

}
