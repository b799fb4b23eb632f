package com.licensingportal.usermanagement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.refusal.RateLimitedException;
import com.licensingportal.text.Text;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.Role;
import com.licensingportal.usermanagement.UserDirectory.AccountChoice;
import com.licensingportal.usermanagement.UserDirectory.UserView;
import com.licensingportal.refusal.RefusedException;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.groups.Default;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A user's page, Actions &gt; Create with its Link accounts step, Link accounts and Resend invitation. */
@Controller
class UserController {

	static final String VIEW_CREATE = "user/create";

	static final String VIEW_LINK_ACCOUNTS = "user/link-accounts";

	static final String VIEW_USER = "user/user";

	private final UserDirectory directory;

	private final UserService userService;

	UserController(UserDirectory directory, UserService userService) {
		this.directory = directory;
		this.userService = userService;
	}

	@GetMapping("/users/new")
	String createForm(@AuthenticationPrincipal PortalUserPrincipal viewer, Model model) {
		this.directory.linkableAccounts(viewer.getUserId());
		model.addAttribute("profile", new UserProfile());
		return VIEW_CREATE;
	}

	/**
	 * Step 1 of Create: the details are checked, nothing is saved; the email can still change. Only a user of
	 * the administrator's own accounts is "already a user"; any other email goes on to step 2 (issue 15).
	 */
	@PostMapping("/users/new")
	String checkNewUser(@AuthenticationPrincipal PortalUserPrincipal viewer,
			@Validated({ Default.class, UserProfile.Creating.class }) @ModelAttribute("profile") UserProfile profile,
			BindingResult result, Model model, HttpServletResponse response) {
		List<AccountChoice> accounts = this.directory.linkableAccounts(viewer.getUserId());
		if (!result.hasFieldErrors("email")) {
			Optional<PortalUser> existing;
			try {
				existing = this.userService.visibleUserWithEmail(viewer.getUserId(), profile.getEmail());
			}
			catch (RateLimitedException tooMany) {
				return tooManyRequests(tooMany, response, model, VIEW_CREATE);
			}
			if (existing.isPresent()) {
				result.rejectValue("email", "taken",
						UserService.alreadyYourUser(existing.get()).message(LocaleContextHolder.getLocale()));
				model.addAttribute("existingUserId", existing.get().getId());
				PageRefusal.answer(model, HttpStatus.CONFLICT);
			}
		}
		if (result.hasErrors()) {
			return VIEW_CREATE;
		}
		return linkAccountsPage(accounts, Map.of(), null, model);
	}

	/** Step 2 of Create: the accounts and roles; the user is created and invited. */
	@PostMapping("/users/new/accounts")
	String create(@AuthenticationPrincipal PortalUserPrincipal viewer, @ModelAttribute("profile") UserProfile profile,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		List<AccountChoice> accounts = this.directory.linkableAccounts(viewer.getUserId());
		List<AccountRoles> links = List.of();
		try {
			links = AccountRolesForm.parse(params);
			String email = this.userService.create(viewer.getUserId(), profile, links);
			// List users, never the new user's page: an email of a user elsewhere gets this same answer (issue 15).
			redirect.addFlashAttribute("message", Text.of("users.user.invited", email).in(LocaleContextHolder.getLocale()));
			return "redirect:/users";
		}
		catch (RateLimitedException tooMany) {
			linkAccountsPage(accounts, AccountRolesForm.selection(links), null, model);
			return tooManyRequests(tooMany, response, model, VIEW_LINK_ACCOUNTS);
		}
		catch (RefusedException refused) {
			model.addAttribute("error", PageRefusal.onForm(model, refused));
			return linkAccountsPage(accounts, AccountRolesForm.selection(links), null, model);
		}
	}

	@GetMapping("/users/{userId}")
	String show(@AuthenticationPrincipal PortalUserPrincipal viewer, @PathVariable Long userId, Model model) {
		UserView view = this.directory.visibleUser(viewer.getUserId(), userId);
		return userPage(view, UserProfile.of(view.user()), viewer, model);
	}

	@PostMapping("/users/{userId}")
	String update(@AuthenticationPrincipal PortalUserPrincipal viewer, @PathVariable Long userId,
			@Validated @ModelAttribute("profile") UserProfile profile, BindingResult result,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		UserView view = this.directory.visibleUser(viewer.getUserId(), userId);
		if (!view.canEditDetails()) {
			throw UserDirectory.notFound();
		}
		if (result.hasErrors()) {
			return userPage(view, profile, viewer, model);
		}
		try {
			this.userService.update(viewer.getUserId(), userId, profile, AccountRolesForm.parse(params));
		}
		catch (RefusedException refused) {
			model.addAttribute("error", PageRefusal.onForm(model, refused));
			return userPage(this.directory.visibleUser(viewer.getUserId(), userId), profile, viewer, model);
		}
		redirect.addFlashAttribute("message", Text.of("users.user.saved").in(LocaleContextHolder.getLocale()));
		return "redirect:/users/" + userId;
	}

	@GetMapping("/users/{userId}/accounts")
	String linkAccountsForm(@AuthenticationPrincipal PortalUserPrincipal viewer, @PathVariable Long userId,
			Model model) {
		UserView view = this.directory.administrableUser(viewer.getUserId(), userId);
		Map<Long, Set<Role>> current = new LinkedHashMap<>();
		view.memberships().forEach(m -> current.put(m.getAccount().getId(), m.getUserType().roles()));
		return linkAccountsPage(this.directory.linkableAccounts(viewer.getUserId()), current, view, model);
	}

	@PostMapping("/users/{userId}/accounts")
	String linkAccounts(@AuthenticationPrincipal PortalUserPrincipal viewer, @PathVariable Long userId,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		UserView view = this.directory.administrableUser(viewer.getUserId(), userId);
		List<AccountRoles> links = List.of();
		try {
			links = AccountRolesForm.parse(params);
			this.userService.link(viewer.getUserId(), userId, links);
		}
		catch (RefusedException refused) {
			model.addAttribute("error", PageRefusal.onForm(model, refused));
			return linkAccountsPage(this.directory.linkableAccounts(viewer.getUserId()),
					AccountRolesForm.selection(links), view, model);
		}
		redirect.addFlashAttribute("message", Text.of("users.user.accountsSaved", view.user().getDisplayName())
			.in(LocaleContextHolder.getLocale()));
		return "redirect:/users/" + userId;
	}

	/** Resend invitation; for a user who has accepted already, the user's page says so (409). */
	@PostMapping("/users/{userId}/invitation")
	String resendInvitation(@AuthenticationPrincipal PortalUserPrincipal viewer, @PathVariable Long userId,
			Model model, RedirectAttributes redirect) {
		try {
			this.userService.resendInvitation(viewer.getUserId(), userId);
			redirect.addFlashAttribute("message", Text.of("users.user.resent").in(LocaleContextHolder.getLocale()));
		}
		catch (RefusedException refused) {
			model.addAttribute("error", PageRefusal.onForm(model, refused));
			return show(viewer, userId, model);
		}
		return "redirect:/users/" + userId;
	}

	/** The page again with the limit's sentence, 429 with Retry-After. */
	private static String tooManyRequests(RateLimitedException tooMany, HttpServletResponse response, Model model,
			String view) {
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, tooMany.retryAfterSeconds());
		model.addAttribute("error", tooMany.message(LocaleContextHolder.getLocale()));
		return view;
	}

	private String userPage(UserView view, UserProfile profile, PortalUserPrincipal viewer, Model model) {
		model.addAttribute("view", view);
		model.addAttribute("profile", profile);
		model.addAttribute("roles", Role.values());
		model.addAttribute("administered", this.directory.accountsOf(viewer.getUserId()).administered());
		return VIEW_USER;
	}

	/** Link accounts, for a user being created ({@code view} null) or an existing one. */
	private String linkAccountsPage(List<AccountChoice> accounts, Map<Long, Set<Role>> selection, UserView view,
			Model model) {
		model.addAttribute("partnerAccounts", accounts.stream().filter(AccountChoice::partner).toList());
		model.addAttribute("customerAccounts", accounts.stream().filter(choice -> !choice.partner()).toList());
		model.addAttribute("selection", selection);
		model.addAttribute("roles", Role.values());
		model.addAttribute("view", view);
		return VIEW_LINK_ACCOUNTS;
	}

}
