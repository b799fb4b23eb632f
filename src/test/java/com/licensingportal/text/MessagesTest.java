package com.licensingportal.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The message bundle keeps its languages equal: a code in one language and not the other fails, file by file,
 * and so does a pattern ICU cannot read or whose arguments differ between the languages.
 */
class MessagesTest {

	private static final Path BUNDLE = Path.of("src/main/resources/messages");

	private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)");

	/**
	 * A lone single quote right before an argument's brace: ICU quotes the brace, so the argument is not written
	 * ({@code '{0}'}). A quoted brace on its own ({@code '{'}) is how a pattern writes a literal brace.
	 */
	private static final Pattern QUOTED_ARGUMENT = Pattern.compile("(?<!')'\\{\\s*\\d");

	@Test
	void everyFileHasItsTwinInEveryLanguageWithTheSameCodes() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path english : englishFiles()) {
			String name = english.getFileName().toString().replace(".properties", "");
			Properties en = read(english);
			for (Locale language : Languages.ALL.subList(1, Languages.ALL.size())) {
				Path twin = BUNDLE.resolve(name + "_" + language.getLanguage() + ".properties");
				if (!Files.exists(twin)) {
					problems.add("messages/" + twin.getFileName() + " is missing");
					continue;
				}
				Properties other = read(twin);
				for (String code : difference(en.stringPropertyNames(), other.stringPropertyNames())) {
					problems.add(code + " is in messages/" + english.getFileName() + " but not in " + twin.getFileName());
				}
				for (String code : difference(other.stringPropertyNames(), en.stringPropertyNames())) {
					problems.add(code + " is in messages/" + twin.getFileName() + " but not in " + english.getFileName());
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyPatternIsIcuAndUsesTheSameArgumentsInEveryLanguage() {
		List<String> problems = new ArrayList<>();
		for (String code : Messages.codes(Languages.ENGLISH)) {
			if (code.startsWith("format.")) {
				continue;
			}
			Set<String> englishArguments = null;
			for (Locale language : Languages.ALL) {
				String pattern = Messages.pattern(code, language);
				try {
					new MessageFormat(pattern, ULocale.forLocale(language));
				}
				catch (IllegalArgumentException ex) {
					problems.add(code + " (" + language + ") is not an ICU pattern: " + ex.getMessage());
					continue;
				}
				if (QUOTED_ARGUMENT.matcher(pattern).find()) {
					problems.add(code + " (" + language + ") has a single quote before a brace, which ICU reads as the start of"
							+ " quoted text (the argument would be written as it stands): write two ('') for an apostrophe");
				}
				Set<String> arguments = arguments(pattern);
				if (englishArguments == null) {
					englishArguments = arguments;
				}
				else if (!arguments.equals(englishArguments)) {
					problems.add(code + " uses arguments " + arguments + " in " + language + " but " + englishArguments
							+ " in English");
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void countsFollowEachLanguagesPluralRules() {
		assertThat(Text.of("count.channels", 1).in(Languages.ENGLISH)).isEqualTo("1 channel");
		assertThat(Text.of("count.channels", 2).in(Languages.ENGLISH)).isEqualTo("2 channels");
		assertThat(Text.of("count.channels", 0).in(Languages.ENGLISH)).isEqualTo("0 channels");
		assertThat(Text.of("count.channels", 1).in(Languages.FRENCH)).isEqualTo("1 canal");
		assertThat(Text.of("count.channels", 0).in(Languages.FRENCH)).isEqualTo("0 canal");
		assertThat(Text.of("count.channels", 2).in(Languages.FRENCH)).isEqualTo("2 canaux");
		// French groups thousands with a narrow no-break space.
		assertThat(Text.of("count.channels", 1000).in(Languages.FRENCH)).isEqualTo("1\u202f000 canaux");
		assertThat(Text.of("count.channels", 1000).in(Languages.ENGLISH)).isEqualTo("1,000 channels");
	}

	@Test
	void daysAndMomentsHaveOneStylePerLanguageInUtc() {
		LocalDate day = LocalDate.of(2026, 11, 26);
		Instant moment = Instant.parse("2026-11-26T14:05:09Z");
		assertThat(When.day(day, Languages.ENGLISH)).isEqualTo("2026-11-26");
		assertThat(When.time(moment, Languages.ENGLISH)).isEqualTo("2026-11-26 14:05 UTC");
		assertThat(When.seconds(moment, Languages.ENGLISH)).isEqualTo("2026-11-26 14:05:09 UTC");
		assertThat(When.day(day, Languages.FRENCH)).isEqualTo("26 novembre 2026");
		assertThat(When.time(moment, Languages.FRENCH)).isEqualTo("26 novembre 2026, 14 h 05 UTC");
		// A moment late in the day is still that day in UTC, whatever the machine's zone.
		assertThat(When.day(Instant.parse("2026-11-26T23:59:00Z"), Languages.ENGLISH)).isEqualTo("2026-11-26");
	}

	@Test
	void theBrowsersLanguageIsTheFirstThePortalSpeaks() {
		assertThat(Languages.firstSpoken(java.util.Collections.enumeration(
				List.of(Locale.forLanguageTag("de-CH"), Locale.forLanguageTag("fr-CA"), Locale.ENGLISH))))
			.isEqualTo(Languages.FRENCH);
		assertThat(Languages.firstSpoken(java.util.Collections.enumeration(List.of(Locale.GERMAN))))
			.isEqualTo(Languages.ENGLISH);
		assertThat(Languages.of("fr-CA")).isEqualTo(Languages.FRENCH);
		assertThat(Languages.of("xx")).isEqualTo(Languages.ENGLISH);
	}

	@Test
	void aCodeTheBundleDoesNotHaveIsAProgrammingErrorNotASentence() {
		assertThatThrownBy(() -> Text.of("no.such.code")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("no.such.code");
	}

	private static List<Path> englishFiles() throws IOException {
		try (Stream<Path> files = Files.list(BUNDLE)) {
			return files.filter(f -> f.getFileName().toString().matches("[a-z-]+\\.properties")).sorted().toList();
		}
	}

	private static Properties read(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Set<String> arguments(String pattern) {
		Set<String> found = new TreeSet<>();
		Matcher m = ARGUMENT.matcher(pattern);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
