package com.licensingportal.user;

import java.util.Optional;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.system.LinkPages;
import com.licensingportal.user.InvitationService.OpenInvitation;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page behind the link of an invitation email (public). An unknown, used, replaced or expired link gets
 * one and the same friendly page ({@link LinkPages}).
 */
@Controller
class InvitationController {

	static final String VIEW_INVITATION = "user/invitation";

	static final String VIEW_INVALID = "user/invitation-invalid";

	static final String VIEW_ACCEPTED = "user/invitation-accepted";

	private final InvitationService invitations;

	InvitationController(InvitationService invitations) {
		this.invitations = invitations;
	}

	@GetMapping("/invitations/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		LinkPages.keepTheTokenToThisPage(response);
		Optional<OpenInvitation> invitation = this.invitations.find(token);
		if (invitation.isEmpty()) {
			return invalid(response);
		}
		return form(token, invitation.get(), model);
	}

	@PostMapping("/invitations/{token}")
	String accept(@PathVariable String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String repeatPassword, Model model, HttpServletResponse response) {
		LinkPages.keepTheTokenToThisPage(response);
		Optional<OpenInvitation> invitation = this.invitations.find(token);
		if (invitation.isEmpty()) {
			return invalid(response);
		}
		Optional<String> problem = PasswordRules.problem(password, repeatPassword, invitation.get().email());
		if (problem.isPresent()) {
			model.addAttribute("error", problem.get());
			return form(token, invitation.get(), model);
		}
		try {
			this.invitations.accept(token, password);
		}
		catch (RefusedException refused) {
			return LinkPages.invalid(refused, response, VIEW_INVALID);
		}
		model.addAttribute("email", invitation.get().email());
		return VIEW_ACCEPTED;
	}

	private static String form(String token, OpenInvitation invitation, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("invitation", invitation);
		model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
		return VIEW_INVITATION;
	}

	private static String invalid(HttpServletResponse response) {
		return LinkPages.invalid(response, VIEW_INVALID);
	}

}
