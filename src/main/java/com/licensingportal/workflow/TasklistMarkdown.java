package com.licensingportal.workflow;

/**
 * Text for the Markdown of a Camunda Form's text component, which Tasklist renders to HTML: whatever a user
 * typed (a name, a device, an email) shows as written, never as a link, an image, a heading or markup.
 */
public final class TasklistMarkdown {

	private TasklistMarkdown() {
	}

	/**
	 * Every ASCII punctuation character backslash-escaped (CommonMark lets each be escaped, so none starts a link,
	 * emphasis, an autolink such as {@code https://} or {@code www.}, an entity or an HTML tag), and line breaks
	 * and other control characters as spaces, so that a value stays within its line.
	 */
	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
				escaped.append(' ');
			}
			else if (c < 128 && isPunctuation((char) c)) {
				escaped.append('\\').append((char) c);
			}
			else {
				escaped.appendCodePoint(c);
			}
		});
		return escaped.toString();
	}

	private static boolean isPunctuation(char c) {
		return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".indexOf(c) >= 0;
	}

}
