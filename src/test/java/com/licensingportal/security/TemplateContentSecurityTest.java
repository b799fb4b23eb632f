package com.licensingportal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Content-Security-Policy allows no inline script, no event-handler attribute and no style attribute:
 * every page template must keep to that, or the browser silently drops what it refuses.
 */
class TemplateContentSecurityTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)[^>]*>",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern EVENT_HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	private static final Pattern STYLE_ELEMENT = Pattern.compile("<style[\\s>]", Pattern.CASE_INSENSITIVE);

	@Test
	void noTemplateUsesInlineScriptsStylesOrEventHandlers() throws IOException {
		List<Path> templates;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			templates = files.filter(path -> path.toString().endsWith(".html")).toList();
		}
		assertThat(templates).hasSizeGreaterThan(10);
		for (Path template : templates) {
			String html = Files.readString(template);
			assertThat(find(INLINE_SCRIPT, html)).as("inline <script> in %s", template).isNull();
			assertThat(find(STYLE_ATTRIBUTE, html)).as("style attribute in %s", template).isNull();
			assertThat(find(EVENT_HANDLER, html)).as("event-handler attribute in %s", template).isNull();
			assertThat(find(STYLE_ELEMENT, html)).as("<style> element in %s", template).isNull();
		}
	}

	@Test
	void theCheckFindsWhatItLooksFor() {
		assertThat(find(INLINE_SCRIPT, "<script>alert(1)</script>")).isNotNull();
		assertThat(find(INLINE_SCRIPT, "<script th:src=\"@{/js/a.js}\"></script>")).isNull();
		assertThat(find(STYLE_ATTRIBUTE, "<div style=\"width:1px\">")).isNotNull();
		assertThat(find(EVENT_HANDLER, "<button onclick=\"go()\">")).isNotNull();
		assertThat(find(EVENT_HANDLER, "<button class=\"btn\" type=\"submit\">")).isNull();
	}

	private static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		return matcher.find() ? matcher.group() : null;
	}

}
