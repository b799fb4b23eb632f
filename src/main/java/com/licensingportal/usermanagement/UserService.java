package com.licensingportal.usermanagement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.base.RateLimit;
import com.licensingportal.base.RateLimiter;
import com.licensingportal.base.Violations;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.LinkToken;
import com.licensingportal.user.LinkTokens;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.Role;
import com.licensingportal.user.UserDeleted;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.usermanagement.UserDirectory.UserView;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.security.PortalSessions;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, links and removes users, each change in one transaction. Who may do what comes from
 * {@link AccountVisibility}: a user outside the administrator's accounts is "not found"; a change that breaks
 * a rule (yourself, the last administrator of an account, an invalid role combination) is refused with a
 * message and changes nothing.
 */
@Service
public class UserService {

	private static final Set<UserType> ADMINISTRATOR_TYPES = Arrays.stream(UserType.values())
		.filter(UserType::isAdministrator)
		.collect(Collectors.toCollection(() -> EnumSet.noneOf(UserType.class)));

	/** The unique key on portal_user.email (V1), as the database names it in a violation. */
	private static final String EMAIL_KEY = "uk_user_email";

	/** The bundle's codes that join 1 to 4 roles' names: {@code users.role.combinationN}. */
	private static final String ROLE_COMBINATION = "users.role.combination";

	private final UserRepository users;

	private final AccountRepository accounts;

	private final AccountVisibility visibility;

	private final UserDirectory directory;

	private final InvitationProcess invitation;

	private final LinkTokens linkTokens;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	private final ExistingUserNoticeProcess existingUserNotice;

	private final RateLimiter rateLimiter;

	/** Create user's step 1 and its creation (page and API), counted per administrator and per email. */
	private final RateLimit creationLimit;

	UserService(UserRepository users, AccountRepository accounts, AccountVisibility visibility, UserDirectory directory,
			InvitationProcess invitation, LinkTokens linkTokens, Validator validator, ApplicationEventPublisher events,
			ExistingUserNoticeProcess existingUserNotice, RateLimiter rateLimiter, UserCreationProperties creation) {
		this.users = users;
		this.accounts = accounts;
		this.visibility = visibility;
		this.directory = directory;
		this.invitation = invitation;
		this.linkTokens = linkTokens;
		this.validator = validator;
		this.events = events;
		this.existingUserNotice = existingUserNotice;
		this.rateLimiter = rateLimiter;
		this.creationLimit = creation.rateLimit().named("user-creation");
	}

	/**
	 * Creates an invited user linked to one account and starts {@code bpmn/user-invitation.bpmn}, which emails
	 * the link. For an approved registration request pass {@link Inviter#ORDER_MANAGEMENT}.
	 * @throws RefusedException when the profile is incomplete, the email is taken or the user type is
	 * not possible on the account
	 */
	@Transactional
	public PortalUser createAndInvite(UserProfile profile, Long accountId, UserType userType, Inviter inviter) {
		Account account = this.accounts.findById(accountId)
			.orElseThrow(() -> new IllegalArgumentException("No account " + accountId));
		if (!userType.allowedOn(account.getType())) {
			throw RefusedException.invalid("roles",
					Text.of("users.refused.notPossibleOnCustomer", userType.text(), account.getName()));
		}
		return createAndInvite(profile, Map.of(account, userType), inviter);
	}

	/**
	 * Create user's step 1 for a valid email: counts the attempt against the administrator's limit and finds a
	 * user of the email whom the administrator can already see. A user the administrator cannot see is not
	 * found here, exactly like a new email: Create answers the same for both (issue 15).
	 * @return the user of the email among the administrator's accounts, if any
	 * @throws com.licensingportal.refusal.RateLimitedException when the administrator or the email asked too often
	 */
	public Optional<PortalUser> visibleUserWithEmail(Long adminId, String email) {
		VisibleAccounts visible = this.visibility.forUser(adminId);
		if (!visible.isAdministrator()) {
			throw RefusedException.notFound(Text.of("users.refused.administeredAccount"));
		}
		this.rateLimiter.attemptByUser(this.creationLimit, adminId, email);
		return this.users.findByEmail(PortalUser.normalizeEmail(email)).filter(user -> isVisible(user, visible));
	}

	/**
	 * Actions &gt; Create, then Link accounts (and {@code POST /api/v1/users}): a new user in accounts the
	 * administrator administers, invited by email. For the email of a user outside the administrator's accounts
	 * the answer is the same, but that user is neither changed nor linked: they are emailed that the
	 * administrator tried to add them.
	 * @return the email the invitation (or the notice) goes to, as stored
	 * @throws RefusedException when the email belongs to a user the administrator can see, or a value
	 * is not acceptable
	 * @throws com.licensingportal.refusal.RateLimitedException when the administrator or the email asked too often
	 */
	@Transactional
	public String create(Long adminId, UserProfile profile, List<AccountRoles> links) {
		VisibleAccounts visible = this.visibility.forUser(adminId);
		if (!visible.isAdministrator()) {
			throw RefusedException.notFound(Text.of("users.refused.administeredAccount"));
		}
		Map<Account, UserType> chosen = userTypes(links, visible);
		if (chosen.isEmpty()) {
			throw RefusedException.invalid("accounts", Text.of("users.refused.chooseAccountAndRoles"));
		}
		requireValid(profile, Default.class, UserProfile.Creating.class);
		this.rateLimiter.attemptByUser(this.creationLimit, adminId, profile.getEmail());
		PortalUser admin = this.users.findById(adminId).orElseThrow(UserDirectory::notFound);
		Optional<PortalUser> existing = this.users.findByEmail(profile.getEmail());
		if (existing.isPresent()) {
			if (isVisible(existing.get(), visible)) {
				throw alreadyYourUser(existing.get());
			}
			this.existingUserNotice.start(existing.get(), chosen.keySet(), admin);
			return existing.get().getEmail();
		}
		return createAndInvite(profile, chosen, Inviter.of(admin)).getEmail();
	}

	/** Create's answer for an email of a user the administrator can already see: nothing new is revealed. */
	static RefusedException alreadyYourUser(PortalUser user) {
		return RefusedException.conflict(Text.of("users.refused.alreadyYourUser", user.getEmail()));
	}

	/**
	 * Saves a user's page: name and contact details (the user themselves, or an administrator of one of their
	 * accounts) and the roles on the accounts the administrator administers. The email never changes here.
	 */
	@Transactional
	public void update(Long viewerId, Long userId, UserProfile details, List<AccountRoles> roles) {
		VisibleAccounts visible = this.visibility.forUser(viewerId);
		PortalUser user = this.users.findWithMembershipsById(userId).orElseThrow(UserDirectory::notFound);
		UserView view = this.directory.viewOf(user, viewerId, visible);
		if (!view.canEditDetails()) {
			throw UserDirectory.notFound();
		}
		requireValid(details, Default.class);
		Map<Account, UserType> changed = new LinkedHashMap<>();
		for (AccountRoles link : roles) {
			AccountMembership membership = user.membershipOf(link.accountId())
				.filter(m -> visible.canAdminister(m.getAccount().getId()))
				.orElseThrow(UserDirectory::notFound);
			UserType type = userType(membership.getAccount(), link.roles());
			if (type != membership.getUserType()) {
				changed.put(membership.getAccount(), type);
			}
		}
		if (!changed.isEmpty() && view.self()) {
			throw RefusedException.conflict(Text.of("users.refused.ownRoles"));
		}
		details.applyTo(user);
		keepingAnAdministrator(idsOf(changed.keySet()), () -> changed.forEach(user::link));
	}

	/**
	 * Actions &gt; Link accounts for an existing user: the links to the accounts the administrator administers
	 * become exactly {@code links}; links elsewhere stay as they are.
	 */
	@Transactional
	public void link(Long adminId, Long userId, List<AccountRoles> links) {
		VisibleAccounts visible = this.visibility.forUser(adminId);
		PortalUser user = this.users.findWithMembershipsById(userId).orElseThrow(UserDirectory::notFound);
		UserView view = this.directory.viewOf(user, adminId, visible);
		if (!view.administrable()) {
			throw UserDirectory.notFound();
		}
		Map<Account, UserType> chosen = userTypes(links, visible);
		if (view.self()) {
			throw RefusedException.conflict(Text.of("users.refused.ownLinks"));
		}
		Set<Long> unlinked = user.getMemberships()
			.stream()
			.map(membership -> membership.getAccount().getId())
			.filter(visible::canAdminister)
			.filter(accountId -> chosen.keySet().stream().noneMatch(account -> account.getId().equals(accountId)))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		if (chosen.isEmpty() && unlinked.size() == user.getMemberships().size()) {
			throw RefusedException.invalid("accounts", Text.of("users.refused.chooseAccount", user.getDisplayName()));
		}
		Set<Long> touched = new LinkedHashSet<>(unlinked);
		touched.addAll(idsOf(chosen.keySet()));
		keepingAnAdministrator(touched, () -> {
			unlinked.forEach(user::unlink);
			chosen.forEach(user::link);
		});
	}

	/**
	 * The users that Actions &gt; Delete would remove, for the confirmation page.
	 * @throws RefusedException when one of them is the administrator themselves
	 */
	@Transactional(readOnly = true)
	public List<UserView> deletionCandidates(Long adminId, Collection<Long> userIds) {
		VisibleAccounts visible = this.visibility.forUser(adminId);
		if (!visible.isAdministrator()) {
			throw UserDirectory.notFound();
		}
		if (userIds == null || userIds.isEmpty()) {
			throw RefusedException.invalid("users", Text.of("users.refused.selectUsers"));
		}
		List<UserView> views = new ArrayList<>();
		for (Long userId : new LinkedHashSet<>(userIds)) {
			PortalUser user = this.users.findWithMembershipsById(userId).orElseThrow(UserDirectory::notFound);
			UserView view = this.directory.viewOf(user, adminId, visible);
			if (!view.administrable()) {
				throw UserDirectory.notFound();
			}
			if (view.self()) {
				throw RefusedException.conflict(Text.of("users.refused.deleteSelf"));
			}
			views.add(view);
		}
		return views;
	}

	/**
	 * Actions &gt; Delete: removes the users from the accounts the administrator administers; a user left
	 * without any account is deleted and their open invitation ends. All or nothing.
	 * @return the names of the users removed
	 */
	@Transactional
	public List<String> delete(Long adminId, Collection<Long> userIds) {
		VisibleAccounts visible = this.visibility.forUser(adminId);
		List<UserView> doomed = deletionCandidates(adminId, userIds);
		Set<Long> touched = new LinkedHashSet<>();
		doomed.forEach(view -> view.user()
			.getMemberships()
			.stream()
			.map(membership -> membership.getAccount().getId())
			.filter(visible::canAdminister)
			.forEach(touched::add));
		List<PortalUser> deletedUsers = new ArrayList<>();
		keepingAnAdministrator(touched, () -> {
			for (UserView view : doomed) {
				PortalUser user = view.user();
				touched.forEach(user::unlink);
				if (user.getMemberships().isEmpty()) {
					this.users.delete(user);
					deletedUsers.add(user);
				}
			}
		});
		deletedUsers.forEach(user -> {
			this.invitation.userDeleted(user.getId());
			// Whoever is still logged in as them is logged out on every node (security listens).
			this.events.publishEvent(new UserDeleted(user.getId(), user.getEmail()));
		});
		return doomed.stream().map(view -> view.user().getDisplayName()).toList();
	}

	/**
	 * The language the user chose on their profile: a tag the portal speaks ("en", "fr"), or blank for the
	 * browser's language again. Their pages and the emails they receive use it.
	 * @return the chosen language, or null for the browser's
	 * @throws RefusedException for a language the portal does not speak; nothing changes
	 */
	@Transactional
	public Locale chooseLanguage(Long userId, String tag) {
		Locale chosen = null;
		if (tag != null && !tag.isBlank()) {
			if (!Languages.speaks(tag)) {
				throw RefusedException.invalid("language", Text.of("users.profile.language.unknown"));
			}
			chosen = Languages.of(tag);
		}
		PortalUser user = this.users.findById(userId).orElseThrow(UserDirectory::notFound);
		user.setLanguage(chosen == null ? null : chosen.toLanguageTag());
		return chosen;
	}

	/** Resend: a new link goes out; every earlier link of the user stops working now. */
	@Transactional
	public void resendInvitation(Long adminId, Long userId) {
		UserView view = this.directory.administrableUser(adminId, userId);
		PortalUser user = this.users.findWithMembershipsById(userId).orElseThrow(UserDirectory::notFound);
		if (user.getStatus() != UserStatus.INVITED) {
			throw RefusedException.conflict(Text.of("users.refused.alreadyAccepted", view.user().getDisplayName()));
		}
		PortalUser admin = this.users.findById(adminId).orElseThrow(UserDirectory::notFound);
		this.linkTokens.revokeAll(userId, LinkToken.Purpose.INVITATION);
		this.invitation.resend(user, Inviter.of(admin));
	}

	private static boolean isVisible(PortalUser user, VisibleAccounts visible) {
		return user.getMemberships().stream().anyMatch(membership -> visible.canSee(membership.getAccount().getId()));
	}

	private PortalUser createAndInvite(UserProfile profile, Map<Account, UserType> links, Inviter inviter) {
		requireValid(profile, Default.class, UserProfile.Creating.class);
		if (this.users.existsByEmail(profile.getEmail())) {
			throw RefusedException.conflict(Text.of("users.refused.emailExists", profile.getEmail()));
		}
		PortalUser user = new PortalUser(profile.getEmail(), profile.getFirstName(), profile.getLastName());
		profile.applyTo(user);
		links.forEach(user::link);
		try {
			this.users.saveAndFlush(user);
		}
		catch (DataIntegrityViolationException sameEmailAtTheSameTime) {
			// Another request created this email between the check above and this insert: the unique key decides.
			// The same sentence whoever that user is: trying again gives the answer for an existing email.
			if (String.valueOf(sameEmailAtTheSameTime.getMostSpecificCause().getMessage())
				.toLowerCase(Locale.ROOT)
				.contains(EMAIL_KEY)) {
				throw RefusedException.conflict(Text.of("users.refused.emailSameMoment", profile.getEmail()));
			}
			throw sameEmailAtTheSameTime;
		}
		this.invitation.start(user, inviter);
		return user;
	}

	/** The user type for each chosen account; an account the viewer does not administer is "not found". */
	private Map<Account, UserType> userTypes(List<AccountRoles> links, VisibleAccounts visible) {
		Map<Account, UserType> chosen = new LinkedHashMap<>();
		for (AccountRoles link : links) {
			if (!visible.canAdminister(link.accountId())) {
				throw RefusedException.notFound(Text.of("users.refused.account", String.valueOf(link.accountId())));
			}
			Account account = this.accounts.findById(link.accountId())
				.orElseThrow(() -> RefusedException.notFound(Text.of("users.refused.account", String.valueOf(link.accountId()))));
			chosen.put(account, userType(account, link.roles()));
		}
		return chosen;
	}

	/** Only the four valid combinations, and dealer roles only on partner accounts. */
	static UserType userType(Account account, Set<Role> roles) {
		if (roles.isEmpty()) {
			throw RefusedException.invalid("roles", Text.of("users.refused.chooseRoles", account.getName()));
		}
		UserType type = UserType.withRoles(roles)
			.orElseThrow(() -> RefusedException.invalid("roles", Text.of("users.refused.badCombination",
					Text.of(ROLE_COMBINATION + roles.size(),
							roles.stream().sorted().map(Role::text).toArray()), account.getName())));
		if (!type.allowedOn(account.getType())) {
			throw RefusedException.invalid("roles", Text.of("users.refused.dealerOnCustomer", account.getName()));
		}
		return type;
	}

	/**
	 * Runs the change with the accounts locked, then refuses it (rolling it back) if an account that had an
	 * active administrator has none left.
	 */
	private void keepingAnAdministrator(Collection<Long> accountIds, Runnable change) {
		if (accountIds.isEmpty()) {
			change.run();
			return;
		}
		List<Account> locked = this.users.lockAccounts(accountIds);
		Map<Long, Long> before = administratorCounts(accountIds);
		change.run();
		this.users.flush();
		Map<Long, Long> after = administratorCounts(accountIds);
		for (Account account : locked) {
			if (before.getOrDefault(account.getId(), 0L) > 0 && after.getOrDefault(account.getId(), 0L) == 0) {
				throw RefusedException.conflict(Text.of("users.refused.lastAdministrator", account.getName()));
			}
		}
	}

	private Map<Long, Long> administratorCounts(Collection<Long> accountIds) {
		Map<Long, Long> counts = new HashMap<>();
		for (Object[] row : this.users.countAdministrators(accountIds, ADMINISTRATOR_TYPES, UserStatus.ACTIVE)) {
			counts.put((Long) row[0], (Long) row[1]);
		}
		return counts;
	}

	private void requireValid(UserProfile profile, Class<?>... groups) {
		Set<ConstraintViolation<UserProfile>> problems = this.validator.validate(profile, groups);
		if (!problems.isEmpty()) {
			ConstraintViolation<UserProfile> first = problems.iterator().next();
			throw RefusedException.invalid(first.getPropertyPath().toString(), Violations.text(first));
		}
	}

	private static Set<Long> idsOf(Collection<Account> accounts) {
		return accounts.stream().map(Account::getId).collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
