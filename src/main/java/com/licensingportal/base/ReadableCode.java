package com.licensingportal.base;

import java.security.SecureRandom;

/**
 * Random codes that people read aloud and type: an alphabet of 32 symbols without 0/O/1/I, in
 * groups of four separated by dashes. Each symbol carries 5 bits of SecureRandom.
 */
public final class ReadableCode {

	public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private ReadableCode() {
	}

	/** A code of {@code groups} groups of four symbols, for example {@code 7KQ2-9XTM-C4HP-R8WD} for four. */
	public static String random(int groups) {
		StringBuilder code = new StringBuilder(groups * 5);
		for (int group = 0; group < groups; group++) {
			if (group > 0) {
				code.append('-');
			}
			for (int i = 0; i < 4; i++) {
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
		}
		return code.toString();
	}

	/** Random bits carried by a code of {@code groups} groups. */
	public static int entropyBits(int groups) {
		return groups * 4 * 5;
	}

}
