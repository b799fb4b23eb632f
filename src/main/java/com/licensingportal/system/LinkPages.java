package com.licensingportal.system;

import com.licensingportal.refusal.RefusedException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;

/**
 * What every page behind an emailed single-use link (invitation, password reset) does alike: the token in
 * its path stays on the page, and a link that is unknown, used, replaced or expired gets one and the same
 * friendly page, so that nobody learns which of these it was.
 */
public final class LinkPages {

	private LinkPages() {
	}

	/** The token is in the path: it must not leave in a Referer header, nor stay in a shared cache. */
	public static void keepTheTokenToThisPage(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-store");
	}

	/** The "this link is no longer valid" view, answered 404 like an unknown link. */
	public static String invalid(HttpServletResponse response, String view) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return view;
	}

	/**
	 * The "this link is no longer valid" view for a service's refusal of the link ({@link RefusedException.Kind#GONE});
	 * any other refusal is not about the link and goes on.
	 */
	public static String invalid(RefusedException refused, HttpServletResponse response, String view) {
		if (refused.kind() != RefusedException.Kind.GONE) {
			throw refused;
		}
		return invalid(response, view);
	}

}
