package com.licensingportal.text;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * The languages the portal speaks: English, the default, and French (Canadian usage). Adding one means a
 * {@code messages/*_xx.properties} beside each bundle file and its tag here (README, "Languages").
 */
public final class Languages {

	public static final Locale ENGLISH = Locale.ENGLISH;

	public static final Locale FRENCH = Locale.FRENCH;

	/** Every language, the default first. */
	public static final List<Locale> ALL = List.of(ENGLISH, FRENCH);

	private Languages() {
	}

	/** The language with this tag ("en", "fr", "fr-CA"), or the default when the portal does not speak it. */
	public static Locale of(String tag) {
		if (tag == null || tag.isBlank()) {
			return ENGLISH;
		}
		return supported(Locale.forLanguageTag(tag.strip().replace('_', '-')));
	}

	/** Whether the portal speaks the language with this tag. */
	public static boolean speaks(String tag) {
		if (tag == null || tag.isBlank()) {
			return false;
		}
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return ALL.stream().anyMatch(locale -> locale.getLanguage().equals(language));
	}

	/** The portal's language for a locale: the one with its language, else the default. */
	public static Locale supported(Locale locale) {
		if (locale == null) {
			return ENGLISH;
		}
		return ALL.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(ENGLISH);
	}

	/**
	 * The first of the browser's languages (Accept-Language, best first) that the portal speaks, else the
	 * default.
	 */
	public static Locale firstSpoken(Enumeration<Locale> preferred) {
		while (preferred != null && preferred.hasMoreElements()) {
			Locale locale = preferred.nextElement();
			for (Locale language : ALL) {
				if (language.getLanguage().equals(locale.getLanguage())) {
					return language;
				}
			}
		}
		return ENGLISH;
	}

}
