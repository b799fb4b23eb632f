package com.licensingportal.base;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a name may hold: any script of the Basic Multilingual Plane and accents; nothing invisible that hides or
 * reorders text, and no emoji (Camunda's MySQL tables hold three-byte UTF-8 only).
 */
class PlainTextValidatorTest {

	@ParameterizedTest
	@ValueSource(strings = { "Harbor Logistics", "שרה כהן-לוי", "مؤسسة الأمن للمراقبة", "Zoë Ångström-Müller",
			"Łukasz Żółć", "Zoe\u0308 (decomposed)", "Kamera ★ Süd ✓", "O'Brien & Sons <Ltd>", "株式会社カメラ",
			"Ελληνικά", "Тест", "a\u200Eb (left-to-right mark)", "४२ देवनागरी" })
	void realTextInAnyScriptIsPlain(String text) {
		assertThat(PlainTextValidator.isPlain(text, false)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
			"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u2028",
			"\u2029", "\uD800", "\uDFFF" })
	void invisibleControlAndBrokenCharactersAreNot(String character) {
		for (String text : List.of(character, "Eve" + character + "il", "Harbor Logistics" + character)) {
			assertThat(PlainTextValidator.isPlain(text, false)).as("U+%04X", (int) character.charAt(0)).isFalse();
			assertThat(PlainTextValidator.isPlain(text, true)).as("U+%04X with line breaks", (int) character.charAt(0))
				.isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "Line one\nline two", "Line one\r\nline two", "Column\tcolumn" })
	void lineBreaksAndTabsOnlyWhereAllowed(String text) {
		assertThat(PlainTextValidator.isPlain(text, true)).isTrue();
		assertThat(PlainTextValidator.isPlain(text, false)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\uD83C\uDFA5", "\uD834\uDD1E", "\uD842\uDFB7" })
	void charactersBeyondTheBasicPlaneAreNot(String pair) {
		assertThat(PlainTextValidator.isPlain("x" + pair + "y", false)).as("emoji, music, rare CJK").isFalse();
		assertThat(PlainTextValidator.isPlain("x" + pair.charAt(0) + "y", false)).as("half of a pair").isFalse();
	}

}
