package com.licensingportal.transfer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.ActivationIdGenerator;
import com.licensingportal.license.Entitlement;
import com.licensingportal.license.EntitlementIdGenerator;
import com.licensingportal.license.EntitlementRepository;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemHistory;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.base.ReadableCode;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.AccountMembership;
import com.licensingportal.user.PortalUser;
import com.licensingportal.usermanagement.UserDirectory;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;
import com.licensingportal.user.UserType;
import com.licensingportal.workflow.TasklistMarkdown;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Channel transfers from request to end, each step one transaction. A request reserves the channels (available
 * down, reserved up) and starts {@code bpmn/channel-transfer.bpmn} in the same transaction; the process then
 * executes, releases or cancels it through this service.
 * <p>
 * Locks: a step that changes a transfer locks its row first, then the line items it touches in Activation ID
 * order, the order {@code ActivationService} uses too, so that transfers, activations, approvals and
 * cancellations racing on the same line items wait for each other instead of deadlocking, and never overdraw.
 */
@Service
public class TransferService {

	/**
	 * Where the channels go, as the approval decision sees it: from the accounts' relations only, never from the
	 * requester's links, which an administrator can give a user to any two accounts they administer.
	 */
	enum Relation {

		/** The source is a partner account and the target one of its related customers. */
		RELATED_CUSTOMER,
		/** The source is a customer account and the target a partner that sells to it. */
		OWN_PARTNER,
		/** Anything else, also two customers of the same partner and two accounts one user is linked to. */
		UNRELATED

	}

	/** A transfer and whether it was made by an earlier request with the same idempotency key. */
	public record Submitted(ChannelTransfer transfer, boolean replayed) {
	}

	/** What a request would do: the Transfer page asks the user to confirm it. */
	public record Preview(LineItem source, int amount, Account target, LineItem addTo, String how) {
	}

	private record Checked(int amount, Account target, LineItem addTo) {
	}

	/** What an execution did, for the emails. */
	public record Executed(ChannelTransfer transfer, LineItem result, List<String> targetAdministrators,
			List<String> sourceAdministrators) {
	}

	static final String ACCOUNT_NUMBER = "A-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}";

	private static final Pattern ACCOUNT_NUMBER_PATTERN = Pattern.compile(ACCOUNT_NUMBER);

	private static final int MAX_KEY = 100;

	private static final int MAX_REASON = 1000;

	/** At most this many history entries go into the approval form (a process variable holds 4,000 characters). */
	private static final int HISTORY_ENTRIES = 20;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final AccountVisibility visibility;

	private final AccountRepository accounts;

	private final UserRepository users;

	private final UserDirectory directory;

	private final LineItemRepository lineItems;

	private final LineItemHistory history;

	private final EntitlementRepository entitlements;

	private final EntitlementIdGenerator entitlementIds;

	private final ActivationIdGenerator activationIds;

	private final LicenseEventRepository events;

	private final ChannelTransferRepository transfers;

	private final TransferProcess process;

	private final EntityManager entityManager;

	private final Clock clock;

	TransferService(AccountVisibility visibility, AccountRepository accounts, UserRepository users,
			UserDirectory directory, LineItemRepository lineItems, LineItemHistory history,
			EntitlementRepository entitlements, EntitlementIdGenerator entitlementIds,
			ActivationIdGenerator activationIds, LicenseEventRepository events, ChannelTransferRepository transfers,
			TransferProcess process, EntityManager entityManager, Clock clock) {
		this.visibility = visibility;
		this.accounts = accounts;
		this.users = users;
		this.directory = directory;
		this.lineItems = lineItems;
		this.history = history;
		this.entitlements = entitlements;
		this.entitlementIds = entitlementIds;
		this.activationIds = activationIds;
		this.events = events;
		this.transfers = transfers;
		this.process = process;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/**
	 * Reserves the channels and starts the process, all or nothing. The same idempotency key again answers
	 * the transfer it made (also when both arrive at once: the second waits for the line item's lock).
	 *
	 * @throws RefusedException (NOT_FOUND) when the user cannot see the line item (or the one to add to)
	 * @throws RefusedException with the reason in the user's words; nothing changed
	 */
	@Transactional
	public Submitted request(Long userId, TransferRequest request) {
		PortalUser requester = this.users.findWithMembershipsById(userId)
			.filter(user -> user.getStatus() == UserStatus.ACTIVE)
			.orElseThrow(() -> RefusedException.notFound("Your user"));
		VisibleAccounts visible = this.visibility.forUser(userId);
		String key = request.idempotencyKey() == null ? UUID.randomUUID().toString() : request.idempotencyKey();
		if (key.length() > MAX_KEY) {
			throw RefusedException.invalid(TransferRequest.IDEMPOTENCY_KEY,
					"The idempotency key can have at most " + MAX_KEY + " characters.");
		}
		String fingerprint = request.fingerprint();
		Optional<Submitted> earlier = earlier(userId, key, fingerprint);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (request.activationId() == null) {
			throw RefusedException.invalid("activationId", "Choose the license to transfer channels from.");
		}
		try {
			// The license to add to is locked too, in Activation ID order: inserting the transfer checks its foreign
			// key, which would otherwise wait for that license while holding the source, against an execution
			// that holds them the other way round.
			Set<String> involved = new java.util.TreeSet<>();
			involved.add(request.activationId());
			if (request.addToActivationId() != null) {
				involved.add(request.addToActivationId());
			}
			involved.forEach(this.lineItems::lockRowByActivationId);
			LineItem source = this.lineItems.findWithDetailsByActivationId(request.activationId())
				.filter(item -> visible.canSee(item.getOwner().getId()))
				.orElseThrow(() -> RefusedException.notFound("License " + request.activationId()));
			// A double submit waited for the lock above: the first one has committed its transfer by now.
			earlier = earlier(userId, key, fingerprint);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			Checked checked = check(visible, request, source);
			int amount = checked.amount();
			Account target = checked.target();
			LineItem addTo = checked.addTo();

			Instant now = this.clock.instant();
			source.reserve(amount);
			ChannelTransfer transfer = this.transfers.save(new ChannelTransfer("T-" + ReadableCode.random(2), source, target,
					addTo, amount, userId, requester.getEmail(), key, fingerprint, now));
			this.events.save(new LicenseEvent(source.getId(), LicenseEventType.RESERVED, amount, requester.getEmail())
				.withReference(transfer.getTransferNumber())
				.withNote("for a transfer to " + target.getName() + " (" + target.getAccountNumber() + ")"));
			TransferProcess.Started started = this.process.start(transfer.getTransferNumber(),
					variables(transfer, requester, relation(source.getOwner(), target),
							requesterRole(requester, source.getOwner())));
			transfer.decided(started.approvalRequired(), started.approvalRule(), started.processInstanceId(), now);
			return new Submitted(transfer, false);
		}
		catch (PessimisticLockingFailureException busy) {
			throw RefusedException.conflict(
					"This license is being changed by someone else right now. Nothing was transferred; try again in a moment.");
		}
	}

	/**
	 * The Transfer page's confirmation step: what {@link #request} would do, checked the same way, changing
	 * nothing.
	 */
	@Transactional(readOnly = true)
	public Preview preview(Long userId, TransferRequest request) {
		VisibleAccounts visible = this.visibility.forUser(userId);
		if (request.activationId() == null) {
			throw RefusedException.invalid("activationId", "Choose the license to transfer channels from.");
		}
		LineItem source = this.lineItems.findWithDetailsByActivationId(request.activationId())
			.filter(item -> visible.canSee(item.getOwner().getId()))
			.orElseThrow(() -> RefusedException.notFound("License " + request.activationId()));
		Checked checked = check(visible, request, source);
		return new Preview(source, checked.amount(), checked.target(), checked.addTo(),
				how(checked.addTo(), checked.target(), checked.addTo() == null && checked.amount() == source.getTotalQuantity()));
	}

	/**
	 * The transfer a process instance works on: the one whose number is the instance's business key (set at the
	 * start; Tasklist users cannot change it) and, once recorded, whose row names this instance. Never a process
	 * variable, which a Tasklist user might have written.
	 */
	@Transactional
	public Long transferOf(String businessKey, String processInstanceId) {
		ChannelTransfer transfer = this.transfers.findByTransferNumber(businessKey)
			.orElseThrow(() -> new IllegalStateException("Process instance " + processInstanceId
					+ " has the business key " + businessKey + ", which is no transfer"));
		if (transfer.getProcessInstanceId() != null && !transfer.getProcessInstanceId().equals(processInstanceId)) {
			throw new IllegalStateException("Process instance " + processInstanceId + " claims transfer " + businessKey
					+ ", which belongs to process instance " + transfer.getProcessInstanceId());
		}
		return transfer.getId();
	}

	/**
	 * Order Management's decision on {@code ApproveChannelTransfer}, recorded before the process goes on. A
	 * transfer cancelled meanwhile refuses it, so the task's completion fails instead of deciding twice.
	 *
	 * @throws DecisionRefusedException when the transfer is no longer pending, or a rejection has no reason
	 */
	@Transactional
	public void recordDecision(Long transferId, boolean approved, String decidedBy, String reason) {
		ChannelTransfer transfer = lock(transferId);
		if (transfer.getState() != TransferState.PENDING_APPROVAL) {
			throw new DecisionRefusedException("Transfer " + transfer.getTransferNumber() + " is "
					+ transfer.getState().label().toLowerCase(Locale.ROOT) + " and can no longer be decided.");
		}
		String trimmed = reason == null || reason.isBlank() ? null : reason.strip();
		if (!approved && trimmed == null) {
			throw new DecisionRefusedException("Give a reason for the requester when you reject the transfer.");
		}
		if (trimmed != null && trimmed.length() > MAX_REASON) {
			trimmed = trimmed.substring(0, MAX_REASON);
		}
		transfer.decidedBy(decidedBy, approved, trimmed, this.clock.instant());
	}

	/**
	 * What the approval form shows, written as local variables of {@code ApproveChannelTransfer} when it is
	 * created: approvalSummary (source, target, product, amount, requester and the rule, from the transfer's row)
	 * and lineItemHistory (the license's latest history, up to 3,900 characters), both Markdown with every value
	 * escaped, so that a name cannot show Order Management a link or markup. The requester's role and the rule
	 * are the decision's, of this very start. Only a transfer that waits for Order Management needs them.
	 */
	@Transactional
	public Map<String, Object> approvalFormTexts(Long transferId, String requesterRole, String approvalRule) {
		ChannelTransfer transfer = this.transfers.findById(transferId)
			.orElseThrow(() -> new IllegalStateException("Transfer " + transferId + " does not exist"));
		LineItem source = transfer.getSource();
		Account from = transfer.getSourceAccount();
		Account to = transfer.getTargetAccount();
		String requesterName = this.users.findById(transfer.getRequestedByUserId())
			.map(PortalUser::getDisplayName)
			.orElse(transfer.getRequestedBy());
		String summary = "### Transfer " + md(transfer.getTransferNumber()) + "\n\n**" + md(channels(transfer.getAmount()))
				+ "** of **" + md(source.getProduct().getPartNumber()) + "** (" + md(source.getProduct().getName()) + ", "
				+ md(source.getProduct().getProductType()) + "), license " + md(source.getActivationId()) + "\n\n"
				+ "- **From:** " + md(from.getName()) + " (" + md(from.getAccountNumber()) + ")\n"
				+ "- **To:** " + md(to.getName()) + " (" + md(to.getAccountNumber()) + ")\n"
				+ "- **How:** " + md(how(transfer)) + "\n"
				+ "- **Requested by:** " + md(requesterName) + " (" + md(transfer.getRequestedBy()) + "), "
				+ md(UserType.valueOf(requesterRole).label()) + "\n"
				+ "- **Why it needs approval:** " + md(approvalRule);
		return Map.of("approvalSummary", summary, "lineItemHistory", historyText(source));
	}

	private static String md(String text) {
		return TasklistMarkdown.escape(text);
	}

	/**
	 * {@code ExecuteTransfer}'s first step: what the request checked, checked again under the locks the execution
	 * takes (the target account active; the license to add to still the target's, of the same product, not
	 * expired; the source license still the source account's and not expired). Empty when the transfer can be
	 * carried out, or was already; otherwise the reason, in the requester's words.
	 */
	@Transactional
	public Optional<String> noLongerPossible(Long transferId) {
		ChannelTransfer transfer = lock(transferId);
		if (transfer.getExecutedAt() != null) {
			return Optional.empty();
		}
		lockLineItems(transfer);
		return Optional.ofNullable(whyNoLongerPossible(transfer, transfer.getSource(), transfer.getAddTo()));
	}

	private String whyNoLongerPossible(ChannelTransfer transfer, LineItem source, LineItem addTo) {
		LocalDate today = LocalDate.now(this.clock);
		Account target = transfer.getTargetAccount();
		if (!target.isActive()) {
			return target.getName() + " (" + target.getAccountNumber() + ") has been disabled and can no longer receive channels.";
		}
		if (!source.getOwner().getId().equals(transfer.getSourceAccount().getId())) {
			return source.getActivationId() + " no longer belongs to " + transfer.getSourceAccount().getName() + ".";
		}
		if (source.isExpiredOn(today)) {
			return source.getActivationId() + " expired on " + source.getExpiresOn()
					+ ", and an expired license cannot be transferred.";
		}
		if (addTo != null) {
			if (!addTo.getOwner().getId().equals(target.getId())) {
				return addTo.getActivationId() + ", the license to add the channels to, no longer belongs to "
						+ target.getName() + ".";
			}
			if (!addTo.getProduct().getId().equals(source.getProduct().getId())) {
				return addTo.getActivationId() + ", the license to add the channels to, is no longer "
						+ source.getProduct().getPartNumber() + ".";
			}
			if (addTo.isExpiredOn(today)) {
				return addTo.getActivationId() + ", the license to add the channels to, expired on " + addTo.getExpiresOn() + ".";
			}
		}
		return null;
	}

	/**
	 * {@code ExecuteTransfer}: moves the reserved channels (a new line item for part of a license, the whole
	 * line item when all its channels go, or onto the chosen line item) and writes both sides' event trails.
	 * A retry after the channels moved (the row says so, read under its lock) changes nothing.
	 */
	@Transactional
	public Executed execute(Long transferId) {
		ChannelTransfer transfer = lock(transferId);
		if (transfer.getExecutedAt() == null) {
			if (transfer.getState() != TransferState.APPROVED) {
				throw new IllegalStateException("Transfer " + transfer.getTransferNumber() + " is " + transfer.getState()
						+ ", not approved: its channels cannot move");
			}
			move(transfer);
		}
		Account target = transfer.getTargetAccount();
		return new Executed(transfer, transfer.getResult(), this.directory.administratorEmails(target.getId()),
				this.directory.administratorEmails(transfer.getSourceAccount().getId()));
	}

	/**
	 * {@code ReleaseReservation}: gives the reserved channels back to the source line item and ends the transfer
	 * as rejected, expired or cancelled while it waited for approval, or as no longer possible when it was to be
	 * carried out (with the reason, checked again here). Releasing again with the same outcome (a retry) changes
	 * nothing.
	 */
	@Transactional
	public ChannelTransfer release(Long transferId, TransferState outcome, String by) {
		ChannelTransfer transfer = lock(transferId);
		if (transfer.getState() == outcome) {
			return transfer;
		}
		TransferState from = outcome == TransferState.NO_LONGER_POSSIBLE ? TransferState.APPROVED
				: TransferState.PENDING_APPROVAL;
		if (transfer.getState() != from) {
			throw new IllegalStateException("Transfer " + transfer.getTransferNumber() + " is " + transfer.getState()
					+ ": its reservation cannot be released as " + outcome);
		}
		String noLongerPossible = outcome == TransferState.NO_LONGER_POSSIBLE
				? noLongerPossible(transferId).orElseThrow(() -> new IllegalStateException("Transfer "
						+ transfer.getTransferNumber() + " can be carried out: its reservation is not released"))
				: null;
		LineItem source = lockInOrder(transfer.getSource()).get(0);
		source.release(transfer.getAmount());
		String why = switch (outcome) {
			case REJECTED -> "transfer rejected" + (transfer.getDecisionReason() == null ? "" : ": " + transfer.getDecisionReason());
			case EXPIRED -> "transfer expired without a decision";
			case CANCELLED -> "transfer cancelled";
			case NO_LONGER_POSSIBLE -> "transfer no longer possible: " + noLongerPossible;
			default -> throw new IllegalArgumentException("A reservation is not released as " + outcome);
		};
		this.events.save(new LicenseEvent(source.getId(), LicenseEventType.RELEASED, transfer.getAmount(), by)
			.withReference(transfer.getTransferNumber())
			.withNote(shortened(why)));
		transfer.ended(outcome, by, this.clock.instant(), noLongerPossible == null ? null : shortened(noLongerPossible));
		return transfer;
	}

	/**
	 * Cancel on the Transfers page or through the API: only a transfer still waiting for approval, by its
	 * requester or an administrator of the source account. The process releases the reservation in this
	 * transaction.
	 *
	 * @throws RefusedException (NOT_FOUND) when the user may not see the transfer
	 * @throws RefusedException when it is no longer pending
	 */
	@Transactional
	public ChannelTransfer cancel(Long userId, String transferNumber) {
		VisibleAccounts visible = this.visibility.forUser(userId);
		PortalUser user = this.users.findById(userId).orElseThrow(() -> RefusedException.notFound("Your user"));
		Long id = this.transfers.findByTransferNumber(transferNumber)
			.filter(found -> AccountVisibility.seesTransfer(userId, visible, found.getRequestedByUserId(),
					found.getSourceAccount().getId()))
			.map(ChannelTransfer::getId)
			.orElseThrow(() -> RefusedException.notFound("Transfer " + transferNumber));
		ChannelTransfer transfer = lock(id);
		if (transfer.getState() != TransferState.PENDING_APPROVAL) {
			throw RefusedException.conflict("Transfer " + transfer.getTransferNumber() + " is "
					+ transfer.getState().label().toLowerCase(Locale.ROOT)
					+ ". Only a transfer that is pending approval can be cancelled.");
		}
		if (!this.process.cancel(transfer.getTransferNumber(), user.getEmail())) {
			throw RefusedException.conflict("Order Management is deciding on transfer " + transfer.getTransferNumber()
					+ " right now, so it can no longer be cancelled. Reload the page in a moment to see the outcome.");
		}
		return transfer;
	}

	private Optional<Submitted> earlier(Long userId, String key, String fingerprint) {
		return this.transfers.findByRequestedByUserIdAndIdempotencyKey(userId, key).map(transfer -> {
			if (!transfer.getRequestFingerprint().equals(fingerprint)) {
				throw RefusedException.invalid(TransferRequest.IDEMPOTENCY_KEY, "This idempotency key was already used for transfer "
						+ transfer.getTransferNumber() + ", which asked for something else. Use a new key for a new transfer.");
			}
			return new Submitted(transfer, true);
		});
	}

	private Checked check(VisibleAccounts visible, TransferRequest request, LineItem source) {
		checkNotExpired(source);
		int amount = checkAmount(request.amount(), source);
		Account target = target(request, visible, source);
		return new Checked(amount, target, addTo(request.addToActivationId(), visible, source, target));
	}

	private static int checkAmount(Integer amount, LineItem source) {
		if (amount == null) {
			throw RefusedException.invalid("amount", "Enter the number of channels to transfer.");
		}
		if (amount < 1) {
			throw RefusedException.invalid("amount", "Enter a number of channels of 1 or more.");
		}
		int available = source.getAvailableQuantity();
		if (amount > available) {
			throw RefusedException.conflict(available == 0
					? "No channels of " + source.getActivationId() + " are available to transfer. Nothing was transferred."
					: "Only " + channels(available) + " of " + source.getActivationId() + (available == 1 ? " is" : " are")
							+ " available, not " + amount + ". Nothing was transferred.");
		}
		return amount;
	}

	private void checkNotExpired(LineItem source) {
		if (source.isExpiredOn(LocalDate.now(this.clock))) {
			throw RefusedException.conflict(source.getActivationId() + " expired on " + source.getExpiresOn()
					+ ": an expired license cannot be transferred. Nothing was transferred.");
		}
	}

	/** The target: an account of the user by id or name, or any active account by its account number. */
	private Account target(TransferRequest request, VisibleAccounts visible, LineItem source) {
		Account target;
		if (request.targetAccountId() != null) {
			target = this.accounts.findById(request.targetAccountId())
				.filter(account -> visible.canSee(account.getId()) && account.isActive())
				.orElseThrow(() -> RefusedException.invalid(request.targetField(),
						"None of your accounts has the id " + request.targetAccountId() + "."));
		}
		else if (request.target() == null) {
			throw RefusedException.invalid(request.targetField(), "Choose the account to transfer the channels to.");
		}
		else if (ACCOUNT_NUMBER_PATTERN.matcher(request.target().toUpperCase(Locale.ROOT)).matches()) {
			String number = request.target().toUpperCase(Locale.ROOT);
			target = this.accounts.findByAccountNumber(number)
				.filter(Account::isActive)
				.orElseThrow(() -> RefusedException.invalid(request.targetField(), "There is no active account with the number "
						+ number + ". Check the number with the account's administrator."));
		}
		else {
			target = visible.visible().isEmpty() ? null
					: this.accounts.findByIdInOrderByName(visible.visible())
						.stream()
						.filter(account -> account.getName().equalsIgnoreCase(request.target()))
						.findFirst()
						.orElse(null);
			if (target == null) {
				throw RefusedException.invalid(request.targetField(), "\"" + request.target()
						+ "\" is not one of your accounts. Choose one from the list, or enter the account number"
						+ " (such as A-7KQ2-9XTM) that the other account gave you.");
			}
		}
		if (target.getId().equals(source.getOwner().getId())) {
			throw RefusedException.invalid(request.targetField(), source.getActivationId() + " already belongs to "
					+ target.getName() + ". Choose another account to transfer the channels to.");
		}
		return target;
	}

	/** The line item to add to: one the user can see, of the target, of the same product, not expired. */
	private LineItem addTo(String activationId, VisibleAccounts visible, LineItem source, Account target) {
		if (activationId == null) {
			return null;
		}
		LineItem addTo = this.lineItems.findWithDetailsByActivationId(activationId)
			.filter(item -> visible.canSee(item.getOwner().getId()))
			.orElseThrow(() -> RefusedException.notFound("License " + activationId));
		if (!addTo.getOwner().getId().equals(target.getId())) {
			throw RefusedException.invalid("addToActivationId", addTo.getActivationId() + " belongs to "
					+ addTo.getOwner().getName() + ", not to " + target.getName()
					+ ". Choose a license of the target account to add the channels to.");
		}
		if (!addTo.getProduct().getId().equals(source.getProduct().getId())) {
			throw RefusedException.invalid("addToActivationId", addTo.getActivationId() + " is "
					+ addTo.getProduct().getPartNumber() + " (" + addTo.getProduct().getProductType() + "), but "
					+ source.getActivationId() + " is " + source.getProduct().getPartNumber() + " ("
					+ source.getProduct().getProductType() + "). Channels can only be added to a license of the same product.");
		}
		if (addTo.isExpiredOn(LocalDate.now(this.clock))) {
			throw RefusedException.invalid("addToActivationId", addTo.getActivationId() + " expired on "
					+ addTo.getExpiresOn() + ". Choose a license that has not expired, or transfer to a new license.");
		}
		return addTo;
	}

	static Relation relation(Account source, Account target) {
		if (source.isPartner() && contains(source.getRelatedCustomers(), target)) {
			return Relation.RELATED_CUSTOMER;
		}
		if (!source.isPartner() && target.isPartner() && contains(target.getRelatedCustomers(), source)) {
			return Relation.OWN_PARTNER;
		}
		return Relation.UNRELATED;
	}

	private static boolean contains(Set<Account> accounts, Account account) {
		return accounts.stream().anyMatch(candidate -> candidate.getId().equals(account.getId()));
	}

	/** The requester's user type on the source account, or on the partner account through which they see it. */
	private static UserType requesterRole(PortalUser requester, Account source) {
		return requester.membershipOf(source.getId())
			.or(() -> requester.getMemberships()
				.stream()
				.filter(membership -> contains(membership.getAccount().getRelatedCustomers(), source))
				.findFirst())
			.map(AccountMembership::getUserType)
			.orElseThrow(() -> new IllegalStateException(requester.getEmail() + " sees " + source.getName()
					+ " through none of their accounts"));
	}

	/**
	 * The process variables: the decision's inputs, and what the approval form and the emails show. What only the
	 * approval form shows is left to {@link #approvalFormTexts}, so that a transfer decided automatically does
	 * not write it.
	 */
	private Map<String, Object> variables(ChannelTransfer transfer, PortalUser requester, Relation relation,
			UserType role) {
		LineItem source = transfer.getSource();
		Account target = transfer.getTargetAccount();
		Map<String, Object> variables = new HashMap<>();
		variables.put("transferId", transfer.getId());
		variables.put("transferNumber", transfer.getTransferNumber());
		variables.put("amount", transfer.getAmount());
		variables.put("channelsText", channels(transfer.getAmount()));
		variables.put("relation", relation.name());
		variables.put("productType", source.getProduct().getProductType());
		variables.put("requesterRole", role.name());
		variables.put("requesterEmail", requester.getEmail());
		variables.put("requesterName", requester.getDisplayName());
		variables.put("sourceAccountName", source.getOwner().getName());
		variables.put("sourceAccountNumber", source.getOwner().getAccountNumber());
		variables.put("targetAccountName", target.getName());
		variables.put("targetAccountNumber", target.getAccountNumber());
		variables.put("activationId", source.getActivationId());
		variables.put("partNumber", source.getProduct().getPartNumber());
		variables.put("productName", source.getProduct().getName());
		variables.put("howText", how(transfer));
		return variables;
	}

	/** How the channels arrive, in words: added to a license, the whole license, or a new one. */
	public static String how(ChannelTransfer transfer) {
		return how(transfer.getAddTo(), transfer.getTargetAccount(), transfer.isMovingWholeLineItem());
	}

	private static String how(LineItem addTo, Account target, boolean wholeLicense) {
		if (addTo != null) {
			return "added to " + target.getName() + "'s license " + addTo.getActivationId();
		}
		if (wholeLicense) {
			return "the whole license moves to " + target.getName() + ", keeping its Activation ID";
		}
		return "a new license (new Entitlement ID and Activation ID) for " + target.getName();
	}

	/** The line item's latest history as a Markdown list, for the approval form. */
	private String historyText(LineItem source) {
		List<LineItemHistory.TrailEntry> trail = this.history.trail(source);
		StringBuilder text = new StringBuilder();
		int skipped = Math.max(0, trail.size() - HISTORY_ENTRIES);
		if (skipped > 0) {
			text.append("- (").append(skipped).append(" earlier entries on the license's page in the portal)\n");
		}
		for (LineItemHistory.TrailEntry entry : trail.subList(skipped, trail.size())) {
			text.append("- ").append(md(WHEN.format(entry.occurredAt()))).append(" · ").append(md(entry.type().label()))
				.append(" · ").append(md(channels(entry.quantity()))).append(" · ").append(md(entry.actor()));
			if (entry.deviceName() != null) {
				text.append(" · on ").append(md(entry.deviceName()));
			}
			if (entry.reference() != null) {
				text.append(" · ").append(md(entry.reference()));
			}
			text.append('\n');
		}
		return shortened(text.toString(), 3900);
	}

	private void move(ChannelTransfer transfer) {
		lockLineItems(transfer);
		LineItem source = transfer.getSource();
		LineItem addTo = transfer.getAddTo();
		int amount = transfer.getAmount();
		if (source.getReservedQuantity() < amount) {
			throw new IllegalStateException("Line item " + source.getActivationId() + " has " + source.getReservedQuantity()
					+ " channels reserved, fewer than transfer " + transfer.getTransferNumber() + " moves");
		}
		Account target = transfer.getTargetAccount();
		Instant now = this.clock.instant();
		LineItem result;
		if (addTo != null) {
			source.transferOut(amount);
			addTo.receive(amount);
			result = addTo;
		}
		else if (source.getTotalQuantity() == amount) {
			// All channels, none activated, none reserved for anything else: the license itself changes hands.
			source.changeHands(target);
			result = source;
		}
		else {
			Entitlement entitlement = this.entitlements.save(new Entitlement(this.entitlementIds.next(), target, now));
			result = this.lineItems.save(new LineItem(this.activationIds.next(), entitlement, target, source.getProduct(),
					source.getProductVersion(), amount, source.getExpiresOn()));
			source.transferOut(amount);
		}
		String actor = transfer.getRequestedBy();
		Long related = result == source ? null : result.getId();
		this.events.save(new LicenseEvent(source.getId(), LicenseEventType.TRANSFERRED_OUT, amount, actor)
			.withRelatedLineItem(related)
			.withReference(transfer.getTransferNumber())
			.withNote(shortened("to " + target.getName() + " (" + target.getAccountNumber() + ")" + approvedBy(transfer))));
		this.events.save(new LicenseEvent(result.getId(), LicenseEventType.TRANSFERRED_IN, amount, actor)
			.withRelatedLineItem(result == source ? null : source.getId())
			.withReference(transfer.getTransferNumber())
			.withNote(shortened("from " + transfer.getSourceAccount().getName() + " ("
					+ transfer.getSourceAccount().getAccountNumber() + ")" + approvedBy(transfer))));
		transfer.executed(result, now);
	}

	private static String approvedBy(ChannelTransfer transfer) {
		return transfer.isApprovalRequired() ? ", approved by " + transfer.getDecidedBy() : ", approved automatically";
	}

	/** The transfer's row, locked and read afresh (unless this transaction holds the lock already). */
	private ChannelTransfer lock(Long transferId) {
		ChannelTransfer transfer = this.transfers.findById(transferId)
			.orElseThrow(() -> new IllegalStateException("No transfer " + transferId));
		lockAndRefresh(transfer);
		return transfer;
	}

	/** The transfer's source line item and the one it adds to, if any, locked in order. */
	private void lockLineItems(ChannelTransfer transfer) {
		if (transfer.getAddTo() == null) {
			lockInOrder(transfer.getSource());
		}
		else {
			lockInOrder(transfer.getSource(), transfer.getAddTo());
		}
	}

	/** Locks the line items in Activation ID order and reads them afresh under the lock. */
	private List<LineItem> lockInOrder(LineItem... items) {
		List<LineItem> ordered = new ArrayList<>(List.of(items));
		ordered.sort(Comparator.comparing(LineItem::getActivationId));
		ordered.forEach(this::lockAndRefresh);
		return ordered;
	}

	/**
	 * Locks the entity's row and reads it afresh. Only its own row: a locking refresh would also lock the
	 * accounts and product it joins (MariaDB has no {@code FOR UPDATE OF}), and deadlock with inserts that check
	 * their foreign keys. An entity this transaction locked already is current, and a refresh would throw away
	 * its changes.
	 */
	private void lockAndRefresh(Object entity) {
		if (this.entityManager.getLockMode(entity) == LockModeType.PESSIMISTIC_WRITE) {
			return;
		}
		String table = entity instanceof LineItem ? "line_item" : "channel_transfer";
		Object id = entity instanceof LineItem item ? item.getId() : ((ChannelTransfer) entity).getId();
		this.entityManager.createNativeQuery("select id from " + table + " where id = ? for update")
			.setParameter(1, id)
			.getResultList();
		this.entityManager.refresh(entity);
		this.entityManager.lock(entity, LockModeType.PESSIMISTIC_WRITE);
	}

	static String channels(int count) {
		return count == 1 ? "1 channel" : count + " channels";
	}

	private static String shortened(String text) {
		return shortened(text, 500);
	}

	private static String shortened(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** The addresses of both lists, each once, in order. */
	public static List<String> distinct(List<String> first, List<String> then) {
		Set<String> addresses = new LinkedHashSet<>(first);
		addresses.addAll(then);
		return List.copyOf(addresses);
	}

}
