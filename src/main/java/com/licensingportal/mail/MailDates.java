package com.licensingportal.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Emails and Tasklist forms name times in UTC, whatever the server's time zone, e.g. "1 December 2026, 10:00 UTC". */
public final class MailDates {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private MailDates() {
	}

	public static String format(Instant instant) {
		return FORMAT.format(instant);
	}

}
