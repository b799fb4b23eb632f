package com.licensingportal.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the string literals of a Java file that read as a sentence for a person: two words or more that begin with
 * a capital or end with a full stop, a question or an exclamation mark. Not counted: SQL, and the statements whose
 * readers are developers or operators (logs, programming errors, the OpenAPI description, start-up failures), and
 * the files {@link #DEVELOPERS_ONLY} names with their reason.
 */
final class JavaSentences {

	/** Files whose strings no portal user reads, and why. */
	static final Map<String, String> DEVELOPERS_ONLY = Map.ofEntries(
			Map.entry("com/licensingportal/demo/",
					"demo data: the names of made-up organisations and people, not sentences"),
			Map.entry("com/licensingportal/base/InvalidSettingsFailureAnalyzer.java",
					"the operator's start-up failure, printed in the log"),
			Map.entry("com/licensingportal/base/MissingSettingsFailureAnalyzer.java",
					"the operator's start-up failure, printed in the log"),
			Map.entry("com/licensingportal/license/EntitlementColumn.java",
					"the CSV export's header names, a file format that stays English (the page's headers are licenses.column.*)"),
			Map.entry("com/licensingportal/offline/LicenseFileVerifier.java",
					"a command-line tool that the offline server's operator runs, outside the portal"),
			Map.entry("com/licensingportal/offline/LicenseKeys.java",
					"PEM labels and key-format errors, for operators loading keys and for the command-line verifier"),
			Map.entry("com/licensingportal/monitoring/",
					"the operators' words: Prometheus metric descriptions, health details and the management realm, read by monitoring tools"),
			Map.entry("com/licensingportal/mail/MailServerHealth.java",
					"the operators' words: the mail server's health detail, read by monitoring tools"),
			Map.entry("com/licensingportal/base/MissingSettingsException.java",
					"the operator's start-up failure, printed in the log"),
			Map.entry("com/licensingportal/base/CamundaCron.java",
					"the operator's start-up failure for a setting that is not a cron expression"),
			Map.entry("com/licensingportal/web/OpenApiConfiguration.java",
					"the OpenAPI description's examples, which developers read (in English)"));

	/** What a statement holding a sentence for developers or operators contains. */
	private static final List<String> FOR_DEVELOPERS = List.of("log.", "LOG.", "logger.", "IllegalStateException",
			"IllegalArgumentException", "UnsupportedOperationException", "UncheckedIOException", "AssertionError",
			"NullPointerException", "requireNonNull", "@Operation", "@Schema", "@Parameter", "@Tag", "@ApiResponse",
			"@Query", "MissingSettingsException", "FailureAnalysis", "@Description", "Info()", ".description(",
			".summary(", ".title(",
			// An HTTP header's value (a protocol's words), Spring Security's internal reason (never shown: the
			// sign-in page says its own sentence), a CSV file's header row (a file format, the same in every language).
			"WWW_AUTHENTICATE", "BadCredentialsException", "CSV_HEADER");

	private static final Pattern SENTENCE = Pattern
		.compile("(^\\p{Lu}\\p{L}*[,:]?\\s+\\p{L}.*)|(\\p{L}+\\s+\\p{L}+.*[.?!]\\s*$)", Pattern.DOTALL);

	private static final Pattern SQL = Pattern.compile(
			"(?i)\\b(select|insert into|merge into|update|delete from|from|where|join|order by|group by|values|set|and|limit|on duplicate)\\b");

	private JavaSentences() {
	}

	static void find(Path file, List<String> outside) throws IOException {
		String path = file.toString().replace('\\', '/');
		if (DEVELOPERS_ONLY.keySet().stream().anyMatch(path::contains)) {
			return;
		}
		String source = withoutComments(Files.readString(file));
		int i = 0;
		while (i < source.length()) {
			int after = afterLiteral(source, i);
			if (after < 0) {
				i++;
				continue;
			}
			if (source.charAt(i) == '"') {
				int quotes = source.startsWith("\"\"\"", i) ? 3 : 1;
				String literal = source.substring(i + quotes, Math.max(i + quotes, after - quotes));
				if (sentence(literal) && !forDevelopers(statement(source, i))) {
					outside.add(file + ":" + line(source, i) + ": \"" + literal.strip() + "\"");
				}
			}
			i = after;
		}
	}

	/**
	 * Just past the string, text block or character literal that starts at {@code i}; -1 when none starts there. An
	 * unclosed one runs to the end.
	 */
	private static int afterLiteral(String source, int i) {
		char c = source.charAt(i);
		if (c == '"') {
			if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				return end < 0 ? source.length() : end + 3;
			}
			int end = endOfString(source, i);
			return end < 0 ? source.length() : end + 1;
		}
		if (c == '\'' && i + 2 < source.length()) {
			int end = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
			return end < 0 ? source.length() : end + 1;
		}
		return -1;
	}

	private static boolean sentence(String literal) {
		String text = literal.replace("\\n", " ").strip();
		if (!text.contains(" ") || !SENTENCE.matcher(text).find()) {
			return false;
		}
		long sqlWords = SQL.matcher(text).results().count();
		return sqlWords < 2 || Character.isUpperCase(text.charAt(0)) && !text.startsWith("SELECT")
				&& !text.startsWith("INSERT") && !text.startsWith("UPDATE") && !text.startsWith("DELETE")
				&& !text.startsWith("MERGE")
				&& sqlWords < 3;
	}

	private static boolean forDevelopers(String statement) {
		return FOR_DEVELOPERS.stream().anyMatch(statement::contains);
	}

	/**
	 * The statement, annotation or declaration around position {@code at}; a ';', '{' or '}' inside a string (an
	 * OpenAPI description's "{accountId}" or "; ") does not end it.
	 */
	private static String statement(String source, int at) {
		String code = withoutStrings(source);
		int start = Math.max(Math.max(code.lastIndexOf(';', at), code.lastIndexOf('{', at)), code.lastIndexOf('}', at));
		int end = code.indexOf(';', at);
		return source.substring(start + 1, end < 0 ? source.length() : end);
	}

	/** The source with the contents of its string literals blanked (same length, so positions stay). */
	private static String withoutStrings(String source) {
		StringBuilder out = new StringBuilder(source);
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '"') {
				boolean block = source.startsWith("\"\"\"", i);
				int end = block ? source.indexOf("\"\"\"", i + 3) : endOfString(source, i);
				if (end < 0) {
					break;
				}
				for (int j = i + (block ? 3 : 1); j < end; j++) {
					out.setCharAt(j, ' ');
				}
				i = end + (block ? 3 : 1);
			}
			else if (c == '\'' && i + 2 < source.length()) {
				int end = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
				i = end < 0 ? source.length() : end + 1;
			}
			else {
				i++;
			}
		}
		return out.toString();
	}

	private static int endOfString(String source, int start) {
		for (int i = start + 1; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '"') {
				return i;
			}
		}
		return -1;
	}

	private static int line(String source, int at) {
		int line = 1;
		for (int i = 0; i < at; i++) {
			if (source.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/** The source with comments blanked out (line breaks kept, so that line numbers stay). */
	private static String withoutComments(String source) {
		StringBuilder out = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			int after = afterLiteral(source, i);
			if (after >= 0) {
				out.append(source, i, after);
				i = after;
			}
			else if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				i = end < 0 ? source.length() : end;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				end = end < 0 ? source.length() : end + 2;
				for (int j = i; j < end; j++) {
					if (source.charAt(j) == '\n') {
						out.append('\n');
					}
				}
				i = end;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

}
