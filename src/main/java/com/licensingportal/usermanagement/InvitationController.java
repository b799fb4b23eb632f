package com.licensingportal.usermanagement;

import com.licensingportal.usermanagement.InvitationService.OpenInvitation;
import com.licensingportal.user.LinkToken.Purpose;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the link of an invitation email (public), a {@link PasswordLinkPage}: an unknown, used,
 * replaced or expired link gets one and the same friendly page.
 */
@Controller
class InvitationController {

	static final String VIEW_INVITATION = "user/invitation";

	static final String VIEW_ACCEPTED = "user/invitation-accepted";

	private final InvitationService invitations;

	private final PasswordLinkPage<OpenInvitation> page;

	InvitationController(InvitationService invitations) {
		this.invitations = invitations;
		this.page = new PasswordLinkPage<>(Purpose.INVITATION, invitations::find, OpenInvitation::email,
				VIEW_INVITATION, "invitation", VIEW_ACCEPTED);
	}

	@GetMapping("/invitations/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return this.page.show(token, model, response);
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeatPassword, Model model, HttpServletResponse response) {
		return this.page.setPassword(token, password, repeatPassword, this.invitations::accept, model, response);
	}

}
