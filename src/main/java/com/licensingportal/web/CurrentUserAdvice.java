package com.licensingportal.web;

import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.access.VisibleAccounts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts who is logged in, and which menu entries they get, into every page's model. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class CurrentUserAdvice {

	/** What the layout needs to draw the header and the side menu. */
	public record PortalUserView(String displayName, String email, boolean partner, boolean administrator,
			java.util.List<String> accounts) {
	}

	private static final String API = "/api/";

	private final AccountVisibility visibility;

	CurrentUserAdvice(AccountVisibility visibility) {
		this.visibility = visibility;
	}

	/** Not for the REST API (its controllers are controllers too): its answers have no layout to draw. */
	@ModelAttribute("portalUser")
	PortalUserView portalUser(@AuthenticationPrincipal PortalUserPrincipal principal, HttpServletRequest request) {
		if (principal == null || currentPath(request).startsWith(API)) {
			return null;
		}
		VisibleAccounts accounts = this.visibility.forUser(principal.getUserId());
		return new PortalUserView(principal.getDisplayName(), principal.getEmail(), accounts.partner(),
				accounts.isAdministrator(), this.visibility.ownAccountsOf(principal.getUserId()));
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
