package com.licensingportal.base;

import org.springframework.context.i18n.LocaleContextHolder;
import com.licensingportal.refusal.RefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * How a page says that it refuses what was sent. The rule, applied in one place ({@link PageRefusalStatus}):
 * a page shown again with problems about what the user typed answers 422; a page whose controller names
 * another status here answers that one, such as 409 when the state of things is in the way (too few channels
 * left, a transfer already decided) or whatever {@link RefusedException.Kind} the refusal was.
 */
public final class PageRefusal {

	/** The model attribute that carries the status of a refusal other than 422. */
	public static final String STATUS = "refusalStatus";

	private PageRefusal() {
	}

	/** The page being shown refuses the request with this status. */
	public static void answer(Model model, HttpStatus status) {
		model.addAttribute(STATUS, status);
	}

	/** The page being shown refuses the request as the service did: its kind of refusal decides the status. */
	public static void answer(Model model, RefusedException refused) {
		answer(model, HttpStatus.valueOf(refused.kind().status()));
	}

	/**
	 * For a page that shows a service's refusal on its own form: something the user may not see is not the form's
	 * business, so a {@link RefusedException.Kind#NOT_FOUND} goes on (to the "not found" page, {@link RefusedPageAdvice});
	 * any other refusal gives the page its status and returns the sentence to show.
	 */
	public static String onForm(Model model, RefusedException refused) {
		if (refused.kind() == RefusedException.Kind.NOT_FOUND) {
			throw refused;
		}
		answer(model, refused);
		return refused.message(LocaleContextHolder.getLocale());
	}

}
