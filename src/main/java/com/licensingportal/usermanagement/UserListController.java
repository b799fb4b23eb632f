package com.licensingportal.usermanagement;

import java.util.List;

import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** List users, List related users, List related accounts, and Actions &gt; Delete with its confirmation. */
@Controller
class UserListController {

	static final String VIEW_USERS = "user/users";

	static final String VIEW_RELATED_ACCOUNTS = "user/related-accounts";

	static final String VIEW_DELETE = "user/delete";

	static final String RELATED = "related-users";

	private final UserDirectory directory;

	private final UserService userService;

	UserListController(UserDirectory directory, UserService userService) {
		this.directory = directory;
		this.userService = userService;
	}

	@GetMapping("/users")
	String users(@AuthenticationPrincipal PortalUserPrincipal viewer, Model model) {
		VisibleAccounts visible = this.directory.accountsOf(viewer.getUserId());
		return list(Text.of("users.list.heading"), "users", this.directory.usersOfOwnAccounts(viewer.getUserId()), visible, model);
	}

	@GetMapping("/related-users")
	String relatedUsers(@AuthenticationPrincipal PortalUserPrincipal viewer, Model model) {
		VisibleAccounts visible = partnerOnly(viewer);
		return list(Text.of("users.list.related.heading"), RELATED, this.directory.usersOfRelatedAccounts(viewer.getUserId()), visible,
				model);
	}

	@GetMapping("/related-accounts")
	String relatedAccounts(@AuthenticationPrincipal PortalUserPrincipal viewer, Model model) {
		partnerOnly(viewer);
		model.addAttribute("accounts", this.directory.relatedAccounts(viewer.getUserId()));
		return VIEW_RELATED_ACCOUNTS;
	}

	/** Actions &gt; Delete asks first; nobody ticked, or yourself among them, shows the list again with why. */
	@GetMapping("/users/delete")
	String confirmDelete(@AuthenticationPrincipal PortalUserPrincipal viewer,
			@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(name = "from", defaultValue = "users") String from, Model model) {
		try {
			model.addAttribute("users", this.userService.deletionCandidates(viewer.getUserId(), ids));
		}
		catch (RefusedException refused) {
			model.addAttribute("error", PageRefusal.onForm(model, refused));
			return listOf(viewer, from, model);
		}
		model.addAttribute("from", from);
		return VIEW_DELETE;
	}

	@PostMapping("/users/delete")
	String delete(@AuthenticationPrincipal PortalUserPrincipal viewer,
			@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(name = "from", defaultValue = "users") String from, Model model, RedirectAttributes redirect) {
		try {
			List<String> names = this.userService.delete(viewer.getUserId(), ids);
			redirect.addFlashAttribute("message", Text.of("users.list.deleted", String.join(", ", names))
				.in(LocaleContextHolder.getLocale()));
		}
		catch (RefusedException refused) {
			model.addAttribute("error", PageRefusal.onForm(model, refused) + " "
					+ Text.of("users.list.nobodyDeleted").in(LocaleContextHolder.getLocale()));
			return listOf(viewer, from, model);
		}
		return "redirect:" + backTo(from);
	}

	/** The list that Delete was started from. */
	private String listOf(PortalUserPrincipal viewer, String from, Model model) {
		return RELATED.equals(from) ? relatedUsers(viewer, model) : users(viewer, model);
	}

	private String list(Text heading, String listName, List<UserDirectory.UserView> users, VisibleAccounts visible,
			Model model) {
		model.addAttribute("heading", heading.in(LocaleContextHolder.getLocale()));
		model.addAttribute("listName", listName);
		model.addAttribute("users", users);
		model.addAttribute("administrator", visible.isAdministrator());
		return VIEW_USERS;
	}

	/** The related lists exist for partners only; for anyone else they are not found. */
	private VisibleAccounts partnerOnly(PortalUserPrincipal viewer) {
		VisibleAccounts visible = this.directory.accountsOf(viewer.getUserId());
		if (!visible.partner()) {
			throw UserDirectory.notFound();
		}
		return visible;
	}

	private static String backTo(String from) {
		return RELATED.equals(from) ? "/related-users" : "/users";
	}

}
