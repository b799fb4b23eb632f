package com.licensingportal.usermanagement;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.text.Text;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.Role;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserDirectory.UserView;
import com.licensingportal.refusal.RefusedException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users for administrators' scripts: list an account's users, create one (the invitation email goes out) and
 * delete one (an open invitation ends), with the same rules as Actions &gt; Create and Delete.
 */
@RestController
@Tag(name = "Users")
class UserApiController {

	private final UserDirectory directory;

	private final UserService userService;

	UserApiController(UserDirectory directory, UserService userService) {
		this.directory = directory;
		this.userService = userService;
	}

	/** A user's link to an account, as the caller may see it. */
	record Membership(@Schema(example = "12") Long accountId, @Schema(example = "A-7KQ2-9XTM") String accountNumber,
			@Schema(example = "Harbor Logistics") String accountName, UserType userType, Set<Role> roles) {

		static Membership of(AccountMembership membership) {
			return new Membership(membership.getAccount().getId(), membership.getAccount().getAccountNumber(),
					membership.getAccount().getName(), membership.getUserType(), membership.getUserType().roles());
		}

	}

	/** A user as an administrator sees them: only the links to accounts the administrator can see. */
	record UserItem(@Schema(example = "42") Long id, @Schema(example = "installer@harbor.example") String email,
			@Schema(example = "Ines") String firstName, @Schema(example = "Stall") String lastName,
			@Schema(example = "+1 604 555 0101") String phone, @Schema(example = "Installer") String jobTitle,
			UserStatus status, List<Membership> accounts) {

		static UserItem of(UserView view) {
			PortalUser user = view.user();
			return new UserItem(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(), user.getPhone(),
					user.getJobTitle(), user.getStatus(), view.memberships().stream().map(Membership::of).toList());
		}

	}

	/** One account for a new user and the roles there; only the four user types' combinations are valid. */
	record AccountLink(@Schema(example = "12") @NotNull(message = "{users.api.check.accountId}") Long accountId,
			@ArraySchema(schema = @Schema(implementation = Role.class),
					arraySchema = @Schema(example = "[\"END_USER_ADMIN\", \"END_USER\"]")) List<String> roles) {
	}

	record NewUser(@Schema(example = "installer@harbor.example") String email, @Schema(example = "Ines") String firstName,
			@Schema(example = "Stall") String lastName, @Schema(example = "+1 604 555 0101") String phone,
			@Schema(example = "Installer") String jobTitle, String address,
			@Valid List<@NotNull(message = "{users.api.check.account}") AccountLink> accounts) {
	}

	@GetMapping(path = "/api/v1/accounts/{accountId}/users", produces = "application/json")
	@Operation(operationId = "listAccountUsers", summary = "The users of an account you administer (administrators)",
			description = "For an account you do not administer, the answer is 404.")
	List<UserItem> users(@AuthenticationPrincipal PortalUserPrincipal viewer,
			@PathVariable @Parameter(example = "12") Long accountId) {
		return this.directory.usersOfAdministeredAccount(viewer.getUserId(), accountId)
			.stream()
			.map(UserItem::of)
			.toList();
	}

	/** The answer to a create, the same whether the email was new or belongs to a user outside your accounts. */
	record InvitationSent(@Schema(example = "installer@harbor.example") String email,
			@Schema(example = "An email invitation is on its way to installer@harbor.example.") String message) {
	}

	@PostMapping(path = "/api/v1/users", consumes = "application/json", produces = "application/json")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(operationId = "createUser",
			summary = "Create a user in accounts you administer and email the invitation (administrators)",
			description = "The user is INVITED until they follow the link in the email and set a password; find them "
					+ "with GET /api/v1/accounts/{accountId}/users. 202 also when the email belongs to a user outside "
					+ "your accounts: that user is not added, only emailed that you tried. 409 when the email is a user "
					+ "of your accounts; 422 for a missing name, an invalid email or a role combination that is not one "
					+ "of Partner Administrator, Partner User, Customer Administrator, Customer User; 429 when you "
					+ "created too many users or named one email too often within an hour.")
	InvitationSent create(@AuthenticationPrincipal PortalUserPrincipal admin, @Valid @RequestBody NewUser body) {
		UserProfile profile = new UserProfile(body.email(), body.firstName(), body.lastName(), body.phone(),
				body.jobTitle(), body.address());
		List<AccountRoles> links = body.accounts() == null ? List.of()
				: body.accounts().stream().map(link -> new AccountRoles(link.accountId(), roles(link.roles()))).toList();
		String email = this.userService.create(admin.getUserId(), profile, links);
		return new InvitationSent(email, Text.of("users.user.invited", email).in(LocaleContextHolder.getLocale()));
	}

	@DeleteMapping("/api/v1/users/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteUser", summary = "Delete a user from the accounts you administer (administrators)",
			description = "A user left without any account is deleted and their open invitation ends. 409 for yourself "
					+ "or the last active administrator of an account.")
	void delete(@AuthenticationPrincipal PortalUserPrincipal admin, @PathVariable @Parameter(example = "42") Long userId) {
		this.userService.delete(admin.getUserId(), List.of(userId));
	}

	private static Set<Role> roles(List<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String name : names == null ? List.<String>of() : names) {
			roles.add(Arrays.stream(Role.values())
				.filter(role -> role.name().equals(name))
				.findFirst()
				.orElseThrow(() -> RefusedException.invalid("roles", Text.of("users.refused.unknownRoles", name))));
		}
		return roles;
	}

}
