package com.licensingportal.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.licensingportal.account.Account;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.base.Violations;
import com.licensingportal.license.Entitlement;
import com.licensingportal.license.EntitlementRepository;
import com.licensingportal.base.RateLimit;
import com.licensingportal.base.RateLimiter;
import com.licensingportal.usermanagement.Inviter;
import com.licensingportal.user.PortalUser;
import com.licensingportal.base.PlainTextValidator;
import com.licensingportal.usermanagement.UserDirectory;
import com.licensingportal.usermanagement.UserProfile;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.UserRepository;
import com.licensingportal.usermanagement.UserService;
import com.licensingportal.user.UserType;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration requests: taken from the public form and the API (rate-limited, one open request per email),
 * checked for the reviewer, and carried out as Order Management decides, each step in one transaction.
 */
@Service
public class RegistrationService {

	/** The review form's checks are for Tasklist, Order Management's English tool. */
	private static final Locale TASKLIST = Languages.ENGLISH;

	/** How a submission was answered. */
	public enum Outcome {

		/** A new request: confirmed by email, now with Order Management. */
		RECEIVED,

		/** The email already has an open request; nothing new was started. */
		ALREADY_OPEN

	}

	/** The answer to a submission: what happened, and when the (open) request was submitted. */
	public record Submission(Outcome outcome, String email, Instant submittedAt) {
	}

	/**
	 * What the reviewer sees next to the request before deciding, and the form's starting values: a new account
	 * named and typed as requested, or the account the Entitlement is sold to.
	 */
	public record ReviewChecks(String existingUserCheck, String entitlementCheck, String newAccountName,
			AccountType newAccountType, String suggestedAccountNumber) {

		/** As the process variables that the Tasklist form shows. */
		public Map<String, Object> asVariables() {
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("existingUserCheck", this.existingUserCheck);
			variables.put("entitlementCheck", this.entitlementCheck);
			variables.put("newAccountName", this.newAccountName);
			variables.put("newAccountType", this.newAccountType.name());
			variables.put("existingAccountNumber", this.suggestedAccountNumber == null ? "" : this.suggestedAccountNumber);
			return variables;
		}

	}

	/**
	 * What an approval created, for the process and its log; existingAdministrators are the active administrators
	 * the account had before (none for a new account), who are told about their new colleague.
	 */
	public record Approval(Long accountId, String accountName, String accountNumber, Long userId, UserType userType,
			List<String> existingAdministrators) {
	}

	/** The name its attempts are counted under; configured in {@link RegistrationProperties#rateLimit()}. */
	static final String RATE_LIMIT = "registration";

	static final Pattern ENTITLEMENT_ID = Pattern.compile("E-\\d{8}-\\d{4,}");

	private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

	private final RegistrationRequestRepository requests;

	private final RegistrationProcess process;

	private final RateLimiter rateLimiter;

	private final RateLimit rateLimit;

	private final UserRepository users;

	private final UserService userService;

	private final AccountRepository accounts;

	private final EntitlementRepository entitlements;

	private final Validator validator;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final UserDirectory directory;

	RegistrationService(RegistrationRequestRepository requests, RegistrationProcess process, RateLimiter rateLimiter,
			UserRepository users, UserService userService, AccountRepository accounts, EntitlementRepository entitlements,
			Validator validator, TransactionTemplate transaction, Clock clock, UserDirectory directory,
			RegistrationProperties settings) {
		this.directory = directory;
		this.requests = requests;
		this.process = process;
		this.rateLimiter = rateLimiter;
		this.rateLimit = settings.rateLimit().named(RATE_LIMIT);
		this.users = users;
		this.userService = userService;
		this.accounts = accounts;
		this.entitlements = entitlements;
		this.validator = validator;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * Takes a request from the /register page or the API: counts it against the rate limits, then either
	 * answers that the email's open request is still with Order Management, or saves the request and starts
	 * its process, which confirms it by email.
	 * @throws com.licensingportal.refusal.RateLimitedException when the client address or the email asked too often
	 */
	public Submission submit(RegistrationForm form, String clientAddress) {
		Set<ConstraintViolation<RegistrationForm>> problems = this.validator.validate(form);
		if (!problems.isEmpty()) {
			ConstraintViolation<RegistrationForm> first = problems.iterator().next();
			throw RefusedException.invalid(first.getPropertyPath().toString(), Violations.text(first));
		}
		this.rateLimiter.attempt(this.rateLimit, clientAddress, form.getEmail());
		try {
			return this.transaction.execute(status -> submitInTransaction(form));
		}
		catch (DataIntegrityViolationException sameMoment) {
			// Another node saved an open request for this email in the same moment: that one stands.
			return this.requests.findByOpenEmail(form.getEmail())
				.map(RegistrationService::alreadyOpen)
				.orElseThrow(() -> sameMoment);
		}
	}

	private Submission submitInTransaction(RegistrationForm form) {
		Optional<RegistrationRequest> open = this.requests.findByOpenEmail(form.getEmail());
		if (open.isPresent()) {
			if (this.process.isRunning(open.get().getId())) {
				return alreadyOpen(open.get());
			}
			log.info("Registration request {} lost its process without a decision; it is withdrawn", open.get().getId());
			open.get().withdraw(this.clock.instant());
			this.requests.saveAndFlush(open.get());
		}
		RegistrationRequest request = this.requests.saveAndFlush(new RegistrationRequest(form, this.clock.instant()));
		this.process.start(request);
		return new Submission(Outcome.RECEIVED, request.getEmail(), request.getSubmittedAt());
	}

	/** Whether a user with this email exists, and whether the proof names an Entitlement and whose it is. */
	@Transactional(readOnly = true)
	public ReviewChecks reviewChecks(Long requestId) {
		RegistrationRequest request = openRequest(requestId);
		String userCheck = this.users.findByEmail(request.getEmail())
			.map(user -> Text.of("mail.tasklist.registration.userExists", user.getDisplayName(), user.getStatus().name(),
					accountsOf(user)).in(TASKLIST))
			.orElse(Text.of("mail.tasklist.registration.noUser").in(TASKLIST));
		String proof = request.getProof().strip().toUpperCase(Locale.ROOT);
		Optional<Entitlement> entitlement = ENTITLEMENT_ID.matcher(proof).matches()
				? this.entitlements.findByEntitlementId(proof) : Optional.empty();
		String entitlementCheck;
		String suggestedAccount = null;
		if (!ENTITLEMENT_ID.matcher(proof).matches()) {
			entitlementCheck = Text.of("mail.tasklist.registration.notAnEntitlementId", request.getProof()).in(TASKLIST);
		}
		else if (entitlement.isEmpty()) {
			entitlementCheck = Text.of("mail.tasklist.registration.noEntitlement", proof).in(TASKLIST);
		}
		else {
			Account soldTo = entitlement.get().getSoldTo();
			entitlementCheck = (soldTo.getType() == request.getAccountType()
					? Text.of("mail.tasklist.registration.soldTo", proof, soldTo.getName(), soldTo.getType().name(),
							soldTo.getAccountNumber())
					: Text.of("mail.tasklist.registration.otherType", proof, soldTo.getName(), soldTo.getType().name(),
							soldTo.getAccountNumber(), request.getAccountType().name()))
				.in(TASKLIST);
			suggestedAccount = soldTo.getAccountNumber();
		}
		return new ReviewChecks(userCheck, entitlementCheck, request.getOrganisation(), request.getAccountType(),
				suggestedAccount);
	}

	/**
	 * Checks that the decision can be carried out as it stands now.
	 * @throws DecisionRefusedException with the reason, in the reviewer's words
	 */
	@Transactional(readOnly = true)
	public void check(Long requestId, RegistrationDecision decision) {
		RegistrationRequest request = openRequest(requestId);
		if (decision.rejects()) {
			if (decision.rejectionReason() == null) {
				throw new DecisionRefusedException(Text.of("mail.decision.registration.reasonForRejection"));
			}
			if (decision.rejectionReason().length() > 2000) {
				throw new DecisionRefusedException(Text.of("mail.decision.registration.reasonTooLong"));
			}
			return;
		}
		if (!decision.approves()) {
			throw new DecisionRefusedException(Text.of("mail.decision.approveOrReject"));
		}
		refuseIfTheEmailIsTaken(request);
		chosenAccount(request, decision);
	}

	/**
	 * Creates the account (if new) and the technical contact as its administrator, and starts their invitation,
	 * all in the caller's transaction (the task's completion).
	 * @throws DecisionRefusedException when the decision cannot be carried out
	 */
	@Transactional
	public Approval approve(Long requestId, RegistrationDecision decision, String decidedBy) {
		check(requestId, decision);
		RegistrationRequest request = openRequest(requestId);
		Optional<Account> existing = chosenAccount(request, decision);
		List<String> existingAdministrators = existing.map(chosen -> this.directory.administratorEmails(chosen.getId()))
			.orElse(List.of());
		Account account = existing.orElseGet(() -> this.accounts.saveAndFlush(
				new Account(decision.newAccountName(), decision.newAccountTypeOrNull())));
		UserType userType = account.getType() == AccountType.PARTNER ? UserType.PARTNER_ADMINISTRATOR
				: UserType.CUSTOMER_ADMINISTRATOR;
		UserProfile profile = new UserProfile(request.getEmail(), request.getFirstName(), request.getLastName(),
				request.getPhone(), null, null);
		PortalUser user;
		try {
			user = this.userService.createAndInvite(profile, account.getId(), userType, Inviter.ORDER_MANAGEMENT);
		}
		catch (RefusedException ex) {
			throw new DecisionRefusedException(ex.text());
		}
		request.approve(account.getId(), user.getId(), decidedBy, this.clock.instant());
		log.info("Registration request {} approved by {}: {} is {} of account {}", requestId, decidedBy, user.getEmail(),
				userType.label(), account.getAccountNumber());
		return new Approval(account.getId(), account.getName(), account.getAccountNumber(), user.getId(), userType,
				existingAdministrators);
	}

	/** Records the rejection; the process then emails the reason to the requester. */
	@Transactional
	public void reject(Long requestId, RegistrationDecision decision, String decidedBy) {
		check(requestId, decision);
		if (!decision.rejects()) {
			throw new IllegalArgumentException("Not a rejection: " + decision.decision());
		}
		openRequest(requestId).reject(decision.rejectionReason(), decidedBy, this.clock.instant());
	}

	/**
	 * The existing account the decision names, or empty for a new account.
	 * @throws DecisionRefusedException when the choice is incomplete, unknown or of the wrong type
	 */
	private Optional<Account> chosenAccount(RegistrationRequest request, RegistrationDecision decision) {
		if (decision.choosesNewAccount()) {
			if (decision.newAccountName() == null) {
				throw new DecisionRefusedException(Text.of("mail.decision.registration.newAccountName"));
			}
			if (decision.newAccountName().length() > 200) {
				throw new DecisionRefusedException(Text.of("mail.decision.registration.newAccountNameTooLong"));
			}
			if (!PlainTextValidator.isPlain(decision.newAccountName(), false)) {
				throw new DecisionRefusedException(Text.of("mail.decision.registration.newAccountNamePlain"));
			}
			if (decision.newAccountTypeOrNull() == null) {
				throw new DecisionRefusedException(Text.of("mail.decision.registration.newAccountType"));
			}
			return Optional.empty();
		}
		if (!decision.choosesExistingAccount()) {
			throw new DecisionRefusedException(Text.of("mail.decision.registration.newOrExisting"));
		}
		String number = decision.normalizedAccountNumber();
		if (number == null) {
			throw new DecisionRefusedException(Text.of("mail.decision.registration.accountNumber"));
		}
		Account account = this.accounts.findByAccountNumber(number)
			.orElseThrow(() -> new DecisionRefusedException(Text.of("mail.decision.registration.noSuchAccount", number)));
		if (account.getType() != request.getAccountType()) {
			throw new DecisionRefusedException(Text.of("mail.decision.registration.wrongType", account.getName(),
					number, account.getType().name(), request.getDisplayName(), request.getAccountType().name()));
		}
		return Optional.of(account);
	}

	private void refuseIfTheEmailIsTaken(RegistrationRequest request) {
		if (this.users.existsByEmail(request.getEmail())) {
			throw new DecisionRefusedException(Text.of("mail.decision.registration.emailTaken", request.getEmail()));
		}
	}

	private RegistrationRequest openRequest(Long requestId) {
		RegistrationRequest request = this.requests.findById(requestId)
			.orElseThrow(() -> new IllegalStateException("No registration request " + requestId));
		if (!request.isOpen()) {
			throw new DecisionRefusedException(
					Text.of("mail.decision.registration.decided", request.getStatus().name()));
		}
		return request;
	}

	private static Submission alreadyOpen(RegistrationRequest open) {
		return new Submission(Outcome.ALREADY_OPEN, open.getEmail(), open.getSubmittedAt());
	}

	/** The accounts of a user, for the review form: "none" when they have none (the message's select). */
	private static String accountsOf(PortalUser user) {
		if (user.getMemberships().isEmpty()) {
			return "none";
		}
		return user.getMemberships()
			.stream()
			.map(membership -> membership.getAccount().getName() + " (" + membership.getAccount().getAccountNumber() + ")")
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
