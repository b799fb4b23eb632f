package com.licensingportal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The message bundle: every sentence a person reads, in every language, from {@code messages/NAME.properties}
 * (English, the default) and {@code messages/NAME_fr.properties} (French) on the class path, UTF-8. The files only
 * split the bundle by area (portal, back office, mail, refusals, common); a code is unique across them. Patterns
 * are ICU MessageFormat: {@code {0, plural, one {# channel} other {# channels}}}, each language with its own plural
 * rules (French says "0 canal", English "0 channels"). A language that lacks a code falls back to English;
 * {@code MessagesTest} keeps the languages equal.
 */
public final class Messages {

	private static final Pattern FILE = Pattern.compile("([a-z][a-z-]*)(?:_([a-z]{2}))?\\.properties");

	/** language -> code -> pattern. */
	private static final Map<String, Map<String, String>> PATTERNS = load();

	private static final Map<String, MessageFormat> FORMATS = new ConcurrentHashMap<>();

	private Messages() {
	}

	/** Whether the bundle has this code (in the default language). */
	public static boolean has(String code) {
		return defaults().containsKey(code);
	}

	/** Fails when the bundle has no such code: a programming error, found by the tests. */
	static void require(String code) {
		if (!has(code)) {
			throw new IllegalArgumentException("The message bundle (messages/*.properties) has no code '" + code + "'");
		}
	}

	/** The message with this code in this language, its arguments written in it. */
	public static String format(String code, Locale locale, Object... arguments) {
		Locale language = Languages.supported(locale);
		String key = language.getLanguage() + '\u0000' + code;
		MessageFormat format = FORMATS.computeIfAbsent(key, k -> new MessageFormat(pattern(code, language),
				ULocale.forLocale(language)));
		Object[] written = new Object[arguments == null ? 0 : arguments.length];
		for (int i = 0; i < written.length; i++) {
			written[i] = written(arguments[i], language);
		}
		synchronized (format) {
			return format.format(written);
		}
	}

	/** The raw pattern of a code in a language (its own, else the default's). */
	public static String pattern(String code, Locale locale) {
		String own = PATTERNS.getOrDefault(Languages.supported(locale).getLanguage(), Map.of()).get(code);
		if (own != null) {
			return own;
		}
		String fallback = defaults().get(code);
		if (fallback == null) {
			throw new IllegalArgumentException(
					"The message bundle (messages/*.properties) has no code '" + code + "'");
		}
		return fallback;
	}

	/** Every code of a language's own files (for the tests that keep the languages equal). */
	public static Set<String> codes(Locale locale) {
		return Collections.unmodifiableSet(
				new TreeSet<>(PATTERNS.getOrDefault(locale.getLanguage(), Map.of()).keySet()));
	}

	private static Object written(Object argument, Locale language) {
		if (argument instanceof Text text) {
			return text.in(language);
		}
		if (argument instanceof LocalDate day) {
			return When.day(day, language);
		}
		if (argument instanceof Instant instant) {
			return When.time(instant, language);
		}
		if (argument instanceof OffsetDateTime time) {
			return When.time(time.toInstant(), language);
		}
		if (argument instanceof ZonedDateTime time) {
			return When.time(time.toInstant(), language);
		}
		if (argument instanceof Enum<?> constant) {
			return constant.name();
		}
		return argument;
	}

	private static Map<String, String> defaults() {
		return PATTERNS.getOrDefault(Languages.ENGLISH.getLanguage(), Map.of());
	}

	private static Map<String, Map<String, String>> load() {
		Map<String, Map<String, String>> byLanguage = new HashMap<>();
		Map<String, String> origin = new HashMap<>();
		try {
			Resource[] files = new PathMatchingResourcePatternResolver(Messages.class.getClassLoader())
				.getResources("classpath*:messages/*.properties");
			for (Resource file : files) {
				Matcher name = FILE.matcher(file.getFilename() == null ? "" : file.getFilename());
				if (!name.matches()) {
					throw new IllegalStateException("messages/" + file.getFilename()
							+ " is not named NAME.properties or NAME_xx.properties");
				}
				String language = name.group(2) == null ? Languages.ENGLISH.getLanguage() : name.group(2);
				Properties properties = new Properties();
				try (InputStream in = file.getInputStream()) {
					properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
				Map<String, String> patterns = byLanguage.computeIfAbsent(language, l -> new LinkedHashMap<>());
				for (String code : properties.stringPropertyNames()) {
					String where = language + ":" + code;
					String earlier = origin.put(where, file.getFilename());
					if (earlier != null && !earlier.equals(file.getFilename())) {
						throw new IllegalStateException("The message code '" + code + "' is in both messages/" + earlier
								+ " and messages/" + file.getFilename());
					}
					patterns.put(code, properties.getProperty(code));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the message bundle (messages/*.properties)", ex);
		}
		return byLanguage;
	}

}
