package com.licensingportal.license;

import com.licensingportal.text.Text;

/** A number of channels in words, as pages, emails and refusals say it. */
public final class Channels {

	private Channels() {
	}

	/** "1 channel", "4 channels", in English (logs, process variables). */
	public static String of(int count) {
		return text(count).toString();
	}

	/** "1 channel", "4 channels"; "1 canal", "4 canaux". */
	public static Text text(int count) {
		return Text.of("count.channels", count);
	}

}
