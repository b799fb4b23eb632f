package com.licensingportal.transfer;

import com.licensingportal.text.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.licensingportal.account.Account;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.LicenseEvent;
import com.licensingportal.license.LicenseEventRepository;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.base.ReadableCode;
import com.licensingportal.transfer.TransferRequestChecks.Checked;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.UserStatus;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a user does with channel transfers: preview one, request it, cancel it. A request reserves the channels
 * (available down, reserved up) and starts {@code bpmn/channel-transfer.bpmn} in the same transaction; the process
 * then carries it out or releases it ({@link TransferExecution}).
 */
@Service
public class TransferService {

	/** A transfer and whether it was made by an earlier request with the same idempotency key. */
	public record Submitted(ChannelTransfer transfer, boolean replayed) {
	}

	/** What a request would do: the Transfer page asks the user to confirm it. */
	public record Preview(LineItem source, int amount, Account target, LineItem addTo, Text how) {
	}

	private static final int MAX_KEY = 100;

	private final AccountVisibility visibility;

	private final UserRepository users;

	private final TransferRequestChecks checks;

	private final TransferLocks locks;

	private final ChannelTransferRepository transfers;

	private final LicenseEventRepository events;

	private final TransferProcess process;

	private final Clock clock;

	TransferService(AccountVisibility visibility, UserRepository users, TransferRequestChecks checks, TransferLocks locks,
			ChannelTransferRepository transfers, LicenseEventRepository events, TransferProcess process, Clock clock) {
		this.visibility = visibility;
		this.users = users;
		this.checks = checks;
		this.locks = locks;
		this.transfers = transfers;
		this.events = events;
		this.process = process;
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
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.transfer.noUser")));
		VisibleAccounts visible = this.visibility.forUser(userId);
		String key = request.idempotencyKey() == null ? UUID.randomUUID().toString() : request.idempotencyKey();
		if (key.length() > MAX_KEY) {
			throw RefusedException.invalid(TransferRequest.IDEMPOTENCY_KEY,
					Text.of("licenses.transfer.keyTooLong", MAX_KEY));
		}
		String fingerprint = request.fingerprint();
		Optional<Submitted> earlier = earlier(userId, key, fingerprint);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		if (request.activationId() == null) {
			throw RefusedException.invalid("activationId", Text.of("licenses.transfer.chooseSource"));
		}
		try {
			this.locks.lockLineItemsOf(request);
			LineItem source = this.checks.source(visible, request.activationId());
			// A double submit waited for the lock above: the first one has committed its transfer by now.
			earlier = earlier(userId, key, fingerprint);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			Checked checked = this.checks.check(visible, request, source);
			Account target = checked.target();
			Instant now = this.clock.instant();
			source.reserve(checked.amount());
			ChannelTransfer transfer = this.transfers.save(new ChannelTransfer("T-" + ReadableCode.random(2), source,
					target, checked.addTo(), checked.amount(), userId, requester.getEmail(), key, fingerprint, now));
			this.events.save(new LicenseEvent(source.getId(), LicenseEventType.RESERVED, checked.amount(), requester.getEmail())
				.withReference(transfer.getTransferNumber())
				.withNote("for a transfer to " + target.getName() + " (" + target.getAccountNumber() + ")"));
			TransferProcess.Started started = this.process.start(transfer, requester,
					ApprovalInputs.of(requester, source.getOwner(), target));
			transfer.decided(started.approvalRequired(), started.approvalRule(), started.processInstanceId(), now);
			return new Submitted(transfer, false);
		}
		catch (PessimisticLockingFailureException busy) {
			throw RefusedException.conflict(Text.of("licenses.transfer.busy"));
		}
	}

	/**
	 * The Transfer page's confirmation step: what {@link #request} would do, checked the same way, changing
	 * nothing.
	 */
	@Transactional(readOnly = true)
	public Preview preview(Long userId, TransferRequest request) {
		VisibleAccounts visible = this.visibility.forUser(userId);
		LineItem source = this.checks.source(visible, request.activationId());
		Checked checked = this.checks.check(visible, request, source);
		boolean wholeLicense = checked.addTo() == null && checked.amount() == source.getTotalQuantity();
		return new Preview(source, checked.amount(), checked.target(), checked.addTo(),
				ChannelTransfer.how(checked.addTo(), checked.target(), wholeLicense));
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
		PortalUser user = this.users.findById(userId).orElseThrow(() -> RefusedException.notFound(Text.of("licenses.transfer.noUser")));
		Long id = this.transfers.findByTransferNumber(transferNumber)
			.filter(found -> AccountVisibility.seesTransfer(userId, visible, found.getRequestedByUserId(),
					found.getSourceAccount().getId()))
			.map(ChannelTransfer::getId)
			.orElseThrow(() -> RefusedException.notFound(Text.of("licenses.transfer.notFound", transferNumber)));
		ChannelTransfer transfer = this.locks.lock(id);
		if (transfer.getState() != TransferState.PENDING_APPROVAL) {
			throw RefusedException.conflict(Text.of("licenses.transfer.notCancellable", transfer.getTransferNumber(),
					transfer.getState().name()));
		}
		if (!this.process.cancel(transfer.getTransferNumber(), user.getEmail())) {
			throw RefusedException.conflict(Text.of("licenses.transfer.beingDecided", transfer.getTransferNumber()));
		}
		return transfer;
	}

	private Optional<Submitted> earlier(Long userId, String key, String fingerprint) {
		return this.transfers.findByRequestedByUserIdAndIdempotencyKey(userId, key).map(transfer -> {
			if (!transfer.getRequestFingerprint().equals(fingerprint)) {
				throw RefusedException.invalid(TransferRequest.IDEMPOTENCY_KEY,
						Text.of("licenses.transfer.keyUsed", transfer.getTransferNumber()));
			}
			return new Submitted(transfer, true);
		});
	}

}
