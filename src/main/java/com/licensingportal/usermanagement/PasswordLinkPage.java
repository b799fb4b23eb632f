package com.licensingportal.usermanagement;

import java.util.Optional;
import java.util.function.Function;

import com.licensingportal.base.LinkPages;
import com.licensingportal.text.Text;
import com.licensingportal.user.InvalidLinkException;
import com.licensingportal.user.LinkToken.Purpose;
import com.licensingportal.user.PasswordRules;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

/**
 * The page behind an emailed link that sets a password (invitation, password reset), answered alike for both:
 * the token stays on the page, a dead link (unknown, used, replaced, expired) gets the "no longer valid" page
 * of the link's purpose, a password that breaks a rule is shown on the form and the link stays alive, and a
 * link used meanwhile (a second click) gets the "no longer valid" page too.
 * @param <T> what the form shows about the link's user
 */
public final class PasswordLinkPage<T> {

	/** What the feature's service does with a live link and a password that follows the rules. */
	@FunctionalInterface
	public interface PasswordSetter {

		/** @throws InvalidLinkException when the link was used or replaced meanwhile */
		void set(String token, String password);

	}

	private final Purpose purpose;

	private final Function<String, Optional<T>> openLink;

	private final Function<T, String> emailOf;

	private final String formView;

	private final String formAttribute;

	private final String doneView;

	/**
	 * @param openLink what the form shows about the user of a live link, empty for a dead one
	 * @param formView the form, which gets {@code token}, {@code minLength}, {@code error} and the open link
	 * as {@code formAttribute}
	 * @param doneView the page after the password is set, which gets {@code email}
	 */
	public PasswordLinkPage(Purpose purpose, Function<String, Optional<T>> openLink, Function<T, String> emailOf,
			String formView, String formAttribute, String doneView) {
		this.purpose = purpose;
		this.openLink = openLink;
		this.emailOf = emailOf;
		this.formView = formView;
		this.formAttribute = formAttribute;
		this.doneView = doneView;
	}

	public String show(String token, Model model, HttpServletResponse response) {
		LinkPages.keepTheTokenToThisPage(response);
		Optional<T> open = this.openLink.apply(token);
		if (open.isEmpty()) {
			return LinkPages.invalid(response, model, this.purpose);
		}
		return form(token, open.get(), model);
	}

	public String setPassword(String token, String password, String repeatPassword, PasswordSetter setter,
			Model model, HttpServletResponse response) {
		LinkPages.keepTheTokenToThisPage(response);
		Optional<T> open = this.openLink.apply(token);
		if (open.isEmpty()) {
			return LinkPages.invalid(response, model, this.purpose);
		}
		String email = this.emailOf.apply(open.get());
		Optional<Text> problem = PasswordRules.problem(password, repeatPassword, email);
		if (problem.isPresent()) {
			model.addAttribute("error", problem.get().in(LocaleContextHolder.getLocale()));
			return form(token, open.get(), model);
		}
		try {
			setter.set(token, password);
		}
		catch (InvalidLinkException ex) {
			return LinkPages.invalid(response, model, this.purpose);
		}
		model.addAttribute("email", email);
		return this.doneView;
	}

	private String form(String token, T open, Model model) {
		model.addAttribute("token", token);
		model.addAttribute(this.formAttribute, open);
		model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
		return this.formView;
	}

}
