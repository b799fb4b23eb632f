package com.licensingportal.text;

import java.util.Locale;

import org.springframework.context.support.AbstractMessageSource;

/**
 * Spring's {@code MessageSource} over the portal's one bundle ({@link Messages}): what Thymeleaf's
 * {@code #{code(args)}}, Bean Validation's {@code {code}} messages and {@code MessageSourceResolvable}s (a
 * {@link Text}) resolve through, with ICU's plurals instead of {@code java.text.MessageFormat}.
 */
public class BundleMessageSource extends AbstractMessageSource {

	@Override
	protected String resolveCodeWithoutArguments(String code, Locale locale) {
		return Messages.has(code) ? Messages.format(code, locale) : null;
	}

	@Override
	protected String getMessageInternal(String code, Object[] args, Locale locale) {
		if (code == null || !Messages.has(code)) {
			return null;
		}
		return Messages.format(code, locale == null ? Languages.ENGLISH : locale, resolveArguments(args, locale));
	}

	@Override
	protected java.text.MessageFormat resolveCode(String code, Locale locale) {
		// Never asked: getMessageInternal formats with ICU instead of java.text.MessageFormat.
		return null;
	}

}
