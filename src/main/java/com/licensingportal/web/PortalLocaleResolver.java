package com.licensingportal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.text.Languages;
import com.licensingportal.user.UserRepository;

/**
 * The language of a request: the one the signed-in user chose on their profile, else the first of the
 * browser's languages (Accept-Language) that the portal speaks, else English. The choice is read once per
 * session (its attributes live in the shared session store, so both nodes agree) and replaced there when the
 * user changes it ({@link #setLocale}).
 */
public class PortalLocaleResolver implements LocaleResolver {

	/** The session's language, once the signed-in user's choice was read; absent: the browser's. */
	static final String CHOSEN = PortalLocaleResolver.class.getName() + ".CHOSEN";

	/** The user whose choice the session read (the choice may be none). */
	static final String READ_FOR = PortalLocaleResolver.class.getName() + ".READ_FOR";

	private final UserRepository users;

	PortalLocaleResolver(UserRepository users) {
		this.users = users;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		Long userId = signedInUser();
		HttpSession session = userId == null ? null : request.getSession(false);
		if (session != null) {
			if (!userId.equals(session.getAttribute(READ_FOR))) {
				String chosen = this.users.findLanguageById(userId).orElse(null);
				if (chosen != null) {
					session.setAttribute(CHOSEN, chosen);
				}
				else {
					session.removeAttribute(CHOSEN);
				}
				session.setAttribute(READ_FOR, userId);
			}
			Object chosen = session.getAttribute(CHOSEN);
			if (chosen instanceof String tag) {
				return Languages.of(tag);
			}
		}
		return Languages.firstSpoken(request.getLocales());
	}

	/**
	 * The signed-in user chose a language (null: the browser's again): from the next page on. The profile stores
	 * the choice; this remembers it in the session.
	 */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Long userId = signedInUser();
		HttpSession session = request.getSession(false);
		if (userId == null || session == null) {
			return;
		}
		if (locale == null) {
			session.removeAttribute(CHOSEN);
		}
		else {
			session.setAttribute(CHOSEN, Languages.supported(locale).toLanguageTag());
		}
		session.setAttribute(READ_FOR, userId);
	}

	private static Long signedInUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof PortalUserPrincipal user
				? user.getUserId() : null;
	}

}
