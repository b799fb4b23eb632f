package com.licensingportal.base;


import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

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

	/** The one "no longer valid" page of every emailed link: {@code templates/link-invalid.html}. */
	static final String VIEW_INVALID = "link-invalid";

	/**
	 * The "this link is no longer valid" page, answered 404, in the words of the link's purpose (the
	 * {@code user.LinkToken.Purpose}: what to do for a new link differs).
	 */
	public static String invalid(HttpServletResponse response, Model model, Enum<?> purpose) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		model.addAttribute("purpose", purpose.name());
		return VIEW_INVALID;
	}

}
