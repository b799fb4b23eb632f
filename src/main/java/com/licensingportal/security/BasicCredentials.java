package com.licensingportal.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user and password of an HTTP Basic {@code Authorization} header, as Camunda's users send them. */
public record BasicCredentials(String user, String password) {

	private static final String BASIC = "Basic ";

	/** Whether the header names the Basic scheme at all (well formed or not). */
	public static boolean isBasic(String authorization) {
		return authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length());
	}

	/** The credentials, or empty when the header is absent, of another scheme, not Base64 or has no user. */
	public static Optional<BasicCredentials> of(String authorization) {
		if (!isBasic(authorization)) {
			return Optional.empty();
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon <= 0 ? Optional.empty()
					: Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
	}

}
