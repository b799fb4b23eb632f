package com.licensingportal.mail;

import com.licensingportal.text.BundleMessageSource;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import com.licensingportal.text.WhenDialect;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

	/** {@code days.of("2026-11-26")}: an ISO day of the model (e.g. a digest's line) as a day for {@code #when.day}. */
	private static final IsoDays DAYS = new IsoDays();

	private final TemplateEngine html = engine(TemplateMode.HTML, ".html");

	private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

	/** In English; see {@link #render(String, Map, Locale)}. */
	public RenderedMail render(String template, Map<String, Object> variables) {
		return render(template, variables, Languages.ENGLISH);
	}

	/**
	 * The mail in the recipient's language: {@code #{code(args)}} from the message bundle ({@code messages/}),
	 * {@code #when} for days and moments.
	 */
	public RenderedMail render(String template, Map<String, Object> variables, Locale language) {
		Locale locale = Languages.supported(language);
		Map<String, Object> model = new LinkedHashMap<>();
		// A Text of the model (e.g. how a transfer moves) is written in the recipient's language.
		variables.forEach((name, value) -> model.put(name, value instanceof Text text ? text.in(locale) : value));
		model.put("days", DAYS);
		Context context = new Context(locale, model);
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
		engine.setTemplateEngineMessageSource(new BundleMessageSource());
		engine.addDialect(new WhenDialect());
		return engine;
	}

	/** Reads the ISO days that process variables carry as strings. */
	public static final class IsoDays {

		public LocalDate of(String isoDay) {
			return isoDay == null || isoDay.isBlank() ? null : LocalDate.parse(isoDay);
		}

	}

}
