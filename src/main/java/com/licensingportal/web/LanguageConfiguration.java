package com.licensingportal.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

import com.licensingportal.text.BundleMessageSource;
import com.licensingportal.text.WhenDialect;
import com.licensingportal.user.UserRepository;

/**
 * The portal's languages for pages, validation messages and problem+json: one message bundle
 * ({@code messages/}), the reader's language ({@link PortalLocaleResolver}) and {@code #when} for days and
 * moments in templates. README, "Languages".
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration {

	/** Named {@code messageSource}: the context, Thymeleaf and Bean Validation all resolve through it. */
	@Bean
	MessageSource messageSource() {
		BundleMessageSource messages = new BundleMessageSource();
		messages.setUseCodeAsDefaultMessage(false);
		return messages;
	}

	/** Named {@code localeResolver}: the DispatcherServlet asks it for every request's language. */
	@Bean
	LocaleResolver localeResolver(UserRepository users) {
		return new PortalLocaleResolver(users);
	}

	@Bean
	WhenDialect whenDialect() {
		return new WhenDialect();
	}

}
