package com.licensingportal.mail;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Renders {@code mail-templates/NAME.html} and {@code NAME.txt}. The text template's first line is
 * {@code Subject: ...}, so that subject and body are translated and reviewed together. The engines are
 * private: a template engine bean would replace the one Spring Boot gives the web pages.
 */
@Component
public class MailRenderer {

	private static final String SUBJECT_PREFIX = "Subject:";

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	public RenderedMail render(String template, Map<String, Object> variables) {
		Context context = new Context(Locale.ENGLISH, variables);
		String textWithSubject = this.text.process(template, context).stripLeading();
		int endOfFirstLine = textWithSubject.indexOf('\n');
		String firstLine = endOfFirstLine < 0 ? textWithSubject : textWithSubject.substring(0, endOfFirstLine);
		if (!firstLine.startsWith(SUBJECT_PREFIX)) {
			throw new IllegalStateException("Mail template " + template + ".txt must start with '" + SUBJECT_PREFIX + "'");
		}
		String subject = firstLine.substring(SUBJECT_PREFIX.length()).strip();
		String body = endOfFirstLine < 0 ? "" : textWithSubject.substring(endOfFirstLine + 1).stripLeading();
		return new RenderedMail(subject, body, this.html.process(template, context));
	}

	private static TemplateEngine engine(TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail-templates/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setCheckExistence(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
