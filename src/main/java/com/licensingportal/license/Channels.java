package com.licensingportal.license;

/** A number of channels in words, as pages, emails and refusals say it. */
public final class Channels {

	private Channels() {
	}

	/** "1 channel", "4 channels". */
	public static String of(int count) {
		return count == 1 ? "1 channel" : count + " channels";
	}

}
