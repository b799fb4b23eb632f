package com.licensingportal.transfer;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountStatus;
import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Requesting a transfer: what is refused, with which message, and that a refusal reserves nothing and starts
 * no process; the target by number, id or name; the requester's role and relation as the decision gets them;
 * and a double submit.
 */
class TransferRequestTest extends TransferTestSupport {

	private static final Consumer<RefusedException> NOT_FOUND = refused -> assertThat(refused.kind())
		.isEqualTo(RefusedException.Kind.NOT_FOUND);

	@Autowired
	AccountRepository accounts;

	@Test
	void theAmountMustBeAWholeNumberFromOneToTheAvailableChannels() {
		refused(() -> requested(this.partnerAdmin, request(this.bulk, 0, this.customer)), RefusedException.Kind.INVALID,
				"amount", "Enter a number of channels of 1 or more.");
		refused(() -> requested(this.partnerAdmin, request(this.bulk, -3, this.customer)), RefusedException.Kind.INVALID,
				"amount", "Enter a number of channels of 1 or more.");
		refused(() -> requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), null,
				this.customer.getAccountNumber(), null, null, null)), RefusedException.Kind.INVALID, "amount",
				"Enter the number of channels to transfer.");
		refused(() -> requested(this.partnerAdmin, request(this.bulk, 21, this.customer)), RefusedException.Kind.CONFLICT,
				null, "Only 20 channels of " + this.bulk.getActivationId() + " are available, not 21. Nothing was transferred.");
		unchanged(this.bulk, 20);
	}

	@Test
	void channelsReservedForAnotherTransferOrActivatedAreNotAvailable() {
		requested(this.partnerAdmin, request(this.bulk, 12, this.unrelated));
		this.fixtures.activateOnNewDevice(this.bulk, 7, "LARCH-NVR-2");

		refused(() -> requested(this.partnerAdmin, request(this.bulk, 2, this.customer)), RefusedException.Kind.CONFLICT,
				null, "Only 1 channel of " + this.bulk.getActivationId() + " is available, not 2. Nothing was transferred.");
		LineItem after = reload(this.bulk);
		assertThat(after.getAvailableQuantity()).isEqualTo(1);
		assertThat(after.getReservedQuantity()).isEqualTo(12);
	}

	@Test
	void theTargetMustBeAnotherActiveExistingAccount() {
		refused(() -> requested(this.partnerAdmin, request(this.bulk, 5, this.partner)), RefusedException.Kind.INVALID,
				"targetAccountNumber", this.bulk.getActivationId() + " already belongs to " + this.partner.getName()
						+ ". Choose another account to transfer the channels to.");
		refused(() -> requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), 5, "A-2222-2222", null, null,
				null)), RefusedException.Kind.INVALID, "targetAccountNumber",
				"There is no active account with the number A-2222-2222. Check the number with the account's administrator.");
		Account disabled = this.fixtures.customer(com.licensingportal.support.LicenseFixtures.unique("Moss Depot"));
		disabled.setStatus(AccountStatus.DISABLED);
		this.accounts.save(disabled);
		refused(() -> requested(this.partnerAdmin, request(this.bulk, 5, disabled)), RefusedException.Kind.INVALID,
				"targetAccountNumber", "There is no active account with the number " + disabled.getAccountNumber()
						+ ". Check the number with the account's administrator.");
		refused(() -> requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), 5, "Nobody We Know", null,
				null, null)), RefusedException.Kind.INVALID, "targetAccountNumber", "\"Nobody We Know\" is not one of your accounts."
						+ " Choose one from the list, or enter the account number (such as A-7KQ2-9XTM) that the other account gave you.");
		refused(() -> requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), 5, null,
				this.unrelated.getId(), null, null)), RefusedException.Kind.INVALID, "targetAccountId",
				"None of your accounts has the id " + this.unrelated.getId() + ".");
		refused(() -> requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), 5, null, null, null, null)),
				RefusedException.Kind.INVALID, "targetAccountNumber", "Choose the account to transfer the channels to.");
		unchanged(this.bulk, 20);
	}

	@Test
	void theTargetByNumberOfAnyActiveAccountByIdOrByNameOfAVisibleOne() {
		ChannelTransfer byNumber = requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), 1,
				this.unrelated.getAccountNumber().toLowerCase(), null, null, null));
		ChannelTransfer byId = requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), 1, null,
				this.customer.getId(), null, null));
		ChannelTransfer byName = requested(this.partnerAdmin, new TransferRequest(this.bulk.getActivationId(), 1,
				this.customer.getName().toUpperCase(), null, null, null));

		assertThat(row(byNumber).getTargetAccount().getId()).isEqualTo(this.unrelated.getId());
		assertThat(row(byId).getTargetAccount().getId()).isEqualTo(this.customer.getId());
		assertThat(row(byName).getTargetAccount().getId()).isEqualTo(this.customer.getId());
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(3);
	}

	@Test
	void aLicenseTheUserCannotSeeIsNotFound() {
		LineItem foreign = this.fixtures.lineItem(this.unrelated, this.product, 9, null);

		assertThatThrownBy(() -> requested(this.partnerAdmin, request(foreign, 1, this.customer)))
			.isInstanceOfSatisfying(RefusedException.class, NOT_FOUND)
			.hasMessage("License " + foreign.getActivationId() + " was not found.");
		assertThatThrownBy(() -> requested(this.customerAdmin, request(this.bulk, 1, this.unrelated)))
			.isInstanceOfSatisfying(RefusedException.class, NOT_FOUND);
		assertThatThrownBy(() -> requested(this.partnerAdmin, addTo(this.bulk, 1, this.unrelated, foreign)))
			.isInstanceOfSatisfying(RefusedException.class, NOT_FOUND)
			.hasMessage("License " + foreign.getActivationId() + " was not found.");
		unchanged(foreign, 9);
		unchanged(this.bulk, 20);
	}

	@Test
	void anExpiredLicenseCannotMove() {
		LineItem expired = this.fixtures.lineItem(this.partner, this.product, 6, LocalDate.now().minusDays(1));

		refused(() -> requested(this.partnerAdmin, request(expired, 2, this.customer)), RefusedException.Kind.CONFLICT,
				null, expired.getActivationId() + " expired on " + expired.getExpiresOn()
						+ ": an expired license cannot be transferred. Nothing was transferred.");
		unchanged(expired, 6);
	}

	@Test
	void channelsAreAddedOnlyToALicenseOfTheTargetOfTheSameProductThatHasNotExpired() {
		Product other = this.fixtures.product("OTH");
		LineItem otherProduct = this.fixtures.lineItem(this.customer, other, 2, null);
		LineItem notTheTargets = this.fixtures.lineItem(this.partner, this.product, 2, null);
		LineItem expired = this.fixtures.lineItem(this.customer, this.product, 2, LocalDate.now().minusDays(3));

		refused(() -> requested(this.partnerAdmin, addTo(this.bulk, 1, this.customer, otherProduct)),
				RefusedException.Kind.INVALID, "addToActivationId", otherProduct.getActivationId() + " is "
						+ other.getPartNumber() + " (OTH), but " + this.bulk.getActivationId() + " is " + this.product.getPartNumber()
						+ " (TRF). Channels can only be added to a license of the same product.");
		refused(() -> requested(this.partnerAdmin, addTo(this.bulk, 1, this.customer, notTheTargets)),
				RefusedException.Kind.INVALID, "addToActivationId", notTheTargets.getActivationId() + " belongs to "
						+ this.partner.getName() + ", not to " + this.customer.getName()
						+ ". Choose a license of the target account to add the channels to.");
		refused(() -> requested(this.partnerAdmin, addTo(this.bulk, 1, this.customer, expired)),
				RefusedException.Kind.INVALID, "addToActivationId", expired.getActivationId() + " expired on "
						+ expired.getExpiresOn() + ". Choose a license that has not expired, or transfer to a new license.");
		unchanged(this.bulk, 20);
	}

	@Test
	void theSameIdempotencyKeyMakesOneTransferAndIsRefusedForAnotherRequest() {
		String key = UUID.randomUUID().toString();
		TransferRequest first = new TransferRequest(this.bulk.getActivationId(), 4, this.customer.getAccountNumber(), null, null, key);

		TransferService.Submitted submitted = this.transfers.request(this.partnerAdmin.getId(), first);
		TransferService.Submitted again = this.transfers.request(this.partnerAdmin.getId(), first);

		assertThat(submitted.replayed()).isFalse();
		assertThat(again.replayed()).isTrue();
		assertThat(again.transfer().getTransferNumber()).isEqualTo(submitted.transfer().getTransferNumber());
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(4);
		refused(() -> this.transfers.request(this.partnerAdmin.getId(), new TransferRequest(this.bulk.getActivationId(), 5,
				this.customer.getAccountNumber(), null, null, key)), RefusedException.Kind.INVALID, "Idempotency-Key",
				"This idempotency key was already used for transfer " + submitted.transfer().getTransferNumber()
						+ ", which asked for something else. Use a new key for a new transfer.");
		// The key is the requester's own: another user's request with it is a new transfer.
		assertThat(this.transfers.request(this.partnerUser.getId(), first).replayed()).isFalse();
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(8);
	}

	@Test
	void theDecisionGetsTheRequestersRoleAndHowTheAccountsAreRelated() {
		LineItem customers = this.fixtures.lineItem(this.customer, this.product, 30, null);
		PortalUser both = this.fixtures.user("both", this.customer, UserType.CUSTOMER_USER);
		Account sister = this.fixtures.customer(com.licensingportal.support.LicenseFixtures.unique("Juniper North"));
		PortalUser linked = alsoLinkedTo(both, sister);

		ChannelTransfer byPartnerUser = requested(this.partnerUser, request(customers, 1, this.partner));
		ChannelTransfer byCustomerAdmin = requested(this.customerAdmin, request(customers, 1, this.partner));
		ChannelTransfer betweenTheUsersAccounts = requested(linked, request(customers, 25, sister));

		assertThat(this.runtime.getVariables(processInstanceId(byPartnerUser))).containsEntry("requesterRole", "PARTNER_USER")
			.containsEntry("relation", "OWN_PARTNER").containsEntry("approvalRequired", true);
		assertThat(this.runtime.getVariables(processInstanceId(byCustomerAdmin)))
			.containsEntry("requesterRole", "CUSTOMER_ADMINISTRATOR").containsEntry("relation", "OWN_PARTNER")
			.containsEntry("approvalRequired", false);
		// One user's links relate no accounts: the two customers are unrelated, as they are to their partner's admin.
		assertThat(this.runtime.getVariables(processInstanceId(betweenTheUsersAccounts))).containsEntry("relation", "UNRELATED");
		assertThat(row(betweenTheUsersAccounts).getState()).isEqualTo(TransferState.PENDING_APPROVAL);
		assertThat(row(betweenTheUsersAccounts).getApprovalRule())
			.isEqualTo("To an account that is not related: needs Order Management's approval");
		assertThat(trail(reload(customers))).containsExactly(LicenseEventType.CREATED, LicenseEventType.RESERVED,
				LicenseEventType.RESERVED, LicenseEventType.RESERVED);
	}

	/** Links the user also to the account, as an administrator of both would do. */
	private PortalUser alsoLinkedTo(PortalUser user, Account account) {
		com.licensingportal.user.UserRepository users = this.context.getBean(com.licensingportal.user.UserRepository.class);
		return this.context.getBean(org.springframework.transaction.support.TransactionTemplate.class).execute(status -> {
			PortalUser loaded = users.findWithMembershipsById(user.getId()).orElseThrow();
			loaded.link(this.accounts.findById(account.getId()).orElseThrow(), UserType.CUSTOMER_USER);
			return users.save(loaded);
		});
	}

	private void refused(ThrowingCallable call, RefusedException.Kind kind, String field, String message) {
		long transfersBefore = this.transferRows.count();
		assertThatThrownBy(call).isInstanceOfSatisfying(RefusedException.class, refused -> {
			assertThat(refused.kind()).isEqualTo(kind);
			assertThat(refused.field()).isEqualTo(field);
			assertThat(refused.getMessage()).isEqualTo(message);
		});
		assertThat(this.transferRows.count()).isEqualTo(transfersBefore);
	}

	private void unchanged(LineItem item, int channels) {
		LineItem now = reload(item);
		assertThat(now.getAvailableQuantity()).isEqualTo(channels);
		assertThat(now.getReservedQuantity()).isZero();
		assertThat(trail(now)).doesNotContain(LicenseEventType.RESERVED);
	}

}
