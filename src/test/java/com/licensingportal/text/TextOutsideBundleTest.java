package com.licensingportal.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No sentence a person reads lives outside the message bundle ({@code messages/}): not in a page's or an email's
 * template, not in a Java string. And every code that a template or a class names exists in the bundle. A failure
 * lists each place as {@code file:line: text}; README, "Languages", says how to move it.
 */
class TextOutsideBundleTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path MAIL_TEMPLATES = Path.of("mail-templates");

	private static final Path JAVA = Path.of("src/main/java");

	/** Thymeleaf's inlined expressions: [[...]] and [(...)], and the text mode's [# ...] and [/] tags. */
	private static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]|\\[#[^\\]]*]|\\[/]",
			Pattern.DOTALL);

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	/** Attributes that a person reads (or a screen reader says). */
	private static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt", "label",
			"aria-description", "data-confirm");

	/** Elements whose text is not shown as a sentence. */
	private static final Set<String> NOT_TEXT = Set.of("script", "style", "code", "kbd", "samp");

	@Test
	void templatesOfPagesAndEmailsHoldNoSentenceOfTheirOwn() throws IOException {
		List<String> outside = new ArrayList<>();
		for (Path file : files(TEMPLATES, ".html")) {
			html(file, outside);
		}
		for (Path file : files(MAIL_TEMPLATES, ".html")) {
			html(file, outside);
		}
		for (Path file : files(MAIL_TEMPLATES, ".txt")) {
			text(file, outside);
		}
		assertThat(outside).as("sentences outside the message bundle").isEmpty();
	}

	@Test
	void javaClassesHoldNoSentenceForAPerson() throws IOException {
		List<String> outside = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			JavaSentences.find(file, outside);
		}
		assertThat(outside).as("sentences in Java strings instead of the message bundle").isEmpty();
	}

	@Test
	void everyCodeThatATemplateOrAClassNamesIsInTheBundle() throws IOException {
		Pattern templateCode = Pattern.compile("#\\{([A-Za-z][\\w.-]*)");
		Pattern javaCode = Pattern.compile("Text\\.of\\(\\s*\"([^\"]+)\"");
		List<String> missing = new ArrayList<>();
		List<Path> templates = new ArrayList<>(files(TEMPLATES, ".html"));
		templates.addAll(files(MAIL_TEMPLATES, ".html"));
		templates.addAll(files(MAIL_TEMPLATES, ".txt"));
		for (Path file : templates) {
			codes(file, templateCode, missing);
		}
		for (Path file : files(JAVA, ".java")) {
			codes(file, javaCode, missing);
		}
		assertThat(missing).as("codes that the bundle does not have").isEmpty();
	}

	private static void codes(Path file, Pattern code, List<String> missing) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			Matcher m = code.matcher(lines.get(i));
			while (m.find()) {
				if (!Messages.has(m.group(1))) {
					missing.add(file + ":" + (i + 1) + ": " + m.group(1));
				}
			}
		}
	}

	private static void html(Path file, List<String> outside) throws IOException {
		String source = Files.readString(file);
		Document page = Jsoup.parse(source, "", Parser.htmlParser().setTrackPosition(true));
		visit(page, file, outside);
	}

	private static void visit(Node node, Path file, List<String> outside) {
		if (node instanceof Element element) {
			if (NOT_TEXT.contains(element.normalName()) || replaced(element)) {
				return;
			}
			for (Attribute attribute : element.attributes()) {
				if (READ_ATTRIBUTES.contains(attribute.getKey()) && words(attribute.getValue())
						&& !element.hasAttr("th:" + attribute.getKey())) {
					outside.add(where(file, element) + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
				}
			}
			if ("input".equals(element.normalName()) && Set.of("submit", "button").contains(element.attr("type"))
					&& words(element.attr("value")) && !element.hasAttr("th:value")) {
				outside.add(where(file, element) + "value=\"" + element.attr("value") + "\"");
			}
			for (Node child : element.childNodes()) {
				visit(child, file, outside);
			}
		}
		else if (node instanceof TextNode text && words(text.text())) {
			Element parent = (Element) text.parent();
			outside.add(where(file, parent) + text.text().strip());
		}
	}

	/**
	 * An element whose body Thymeleaf replaces or removes: its text is only the prototype's. Not the page's
	 * {@code <html th:replace="~{fragments/layout :: layout(~{::title}, ~{::main})}">}: the layout shows the page's
	 * own title and main, so their text is read.
	 */
	private static boolean replaced(Element element) {
		boolean layout = "html".equals(element.normalName());
		return element.hasAttr("th:text") || element.hasAttr("th:utext")
				|| !layout && (element.hasAttr("th:replace") || element.hasAttr("th:insert"))
				|| "all".equals(element.attr("th:remove")) || "body".equals(element.attr("th:remove"));
	}

	private static void text(Path file, List<String> outside) throws IOException {
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			// The renderer's marker of the subject line, not a word the reader sees.
			if (i == 0 && line.startsWith("Subject:")) {
				line = line.substring("Subject:".length());
			}
			if (words(line)) {
				outside.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
			}
		}
	}

	private static boolean words(String text) {
		return text != null && LETTER.matcher(INLINED.matcher(text).replaceAll("")).find();
	}

	private static String where(Path file, Element element) {
		return file + ":" + element.sourceRange().start().lineNumber() + ": ";
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		if (!Files.isDirectory(root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
	}

}
