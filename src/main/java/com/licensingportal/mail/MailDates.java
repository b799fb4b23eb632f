package com.licensingportal.mail;

import java.time.Instant;

import com.licensingportal.text.Languages;
import com.licensingportal.text.When;

/**
 * A moment for Order Management's English tools (Tasklist forms, its reminder emails): the English style of
 * {@link When}, in UTC and saying so, e.g. "2026-12-01 10:00 UTC". Emails to others write theirs with
 * {@code #when} in the reader's language.
 */
public final class MailDates {

	private MailDates() {
	}

	public static String format(Instant instant) {
		return When.time(instant, Languages.ENGLISH);
	}

}
