package com.licensingportal.text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way each language writes a day and a moment: the patterns are the bundle's {@code format.day},
 * {@code format.time} and {@code format.seconds} (so that a new language brings its own), moments always in UTC
 * with the zone said. CSV files and the API keep ISO 8601 and do not come here. In templates:
 * {@code #when.day(...)}, {@code #when.time(...)}, {@code #when.seconds(...)} ({@link WhenDialect}).
 */
public final class When {

	private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

	private When() {
	}

	/** A day: "2026-11-26" in English, "26 novembre 2026" in French. */
	public static String day(LocalDate day, Locale locale) {
		return day == null ? "" : formatter("format.day", locale).format(day);
	}

	/** The day of a moment, in UTC. */
	public static String day(Instant moment, Locale locale) {
		return moment == null ? "" : formatter("format.day", locale).format(moment.atOffset(ZoneOffset.UTC));
	}

	/** A moment to the minute, in UTC, the zone said: "2026-11-26 14:05 UTC", "26 novembre 2026, 14 h 05 UTC". */
	public static String time(Instant moment, Locale locale) {
		return moment == null ? "" : formatter("format.time", locale).format(moment.atOffset(ZoneOffset.UTC));
	}

	/** A moment to the second, in UTC, the zone said (audit trails, histories). */
	public static String seconds(Instant moment, Locale locale) {
		return moment == null ? "" : formatter("format.seconds", locale).format(moment.atOffset(ZoneOffset.UTC));
	}

	/** The day or moment as {@link #day} or {@link #time} would write it, by its type. */
	public static String of(TemporalAccessor when, Locale locale) {
		if (when instanceof LocalDate day) {
			return day(day, locale);
		}
		if (when instanceof Instant moment) {
			return time(moment, locale);
		}
		return when == null ? "" : time(Instant.from(when), locale);
	}

	private static DateTimeFormatter formatter(String code, Locale locale) {
		Locale language = Languages.supported(locale);
		return FORMATTERS.computeIfAbsent(language.getLanguage() + ':' + code,
				key -> DateTimeFormatter.ofPattern(Messages.pattern(code, language), language));
	}

}
