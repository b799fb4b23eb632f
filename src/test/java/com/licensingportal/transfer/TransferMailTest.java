package com.licensingportal.transfer;

import java.util.Arrays;
import java.util.List;

import com.licensingportal.license.LineItem;
import com.licensingportal.mail.MailReader;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import com.licensingportal.user.UserRepository;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * The transfer emails as GreenMail received them: submitted, completed, rejected with the reason and expired to
 * the requester; channels received, with the Activation ID, to the target's administrators; completed also to the
 * source's administrators. Every fixture user has a unique address.
 */
class TransferMailTest extends TransferTestSupport {

	@Test
	void anAutomaticTransferTellsTheTargetsAdministratorsTheActivationIdAndTheRequesterItCompleted() throws Exception {
		PortalUser secondCustomerAdmin = this.fixtures.user("jadmin2", this.customer, UserType.CUSTOMER_ADMINISTRATOR);
		PortalUser customerUser = this.fixtures.user("juser", this.customer, UserType.CUSTOMER_USER);

		ChannelTransfer transfer = requested(this.partnerUser, request(this.bulk, 5, this.customer));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));
		String received = row(transfer).getResult().getActivationId();
		String entitlementId = byActivationId(received).getEntitlement().getEntitlementId();

		MimeMessage toTarget = MailReader.waitFor(greenMail(), this.customerAdmin.getEmail());
		assertThat(recipients(toTarget)).containsExactlyInAnyOrder(this.customerAdmin.getEmail(), secondCustomerAdmin.getEmail());
		assertThat(toTarget.getSubject()).isEqualTo(this.customer.getName() + " received 5 channels");
		assertThat(text(toTarget)).contains(this.partner.getName() + " transferred 5 channels of "
				+ this.product.getPartNumber(), "Activation ID\n" + received + "\n", "Entitlement ID " + entitlementId,
				"now 5 channels in total", "/entitlements/" + received);
		assertThat(MailReader.html(toTarget)).contains(received, entitlementId);
		assertThat(MailReader.to(greenMail(), customerUser.getEmail())).isEmpty();

		MimeMessage completed = MailReader.waitFor(greenMail(), this.partnerUser.getEmail());
		assertThat(recipients(completed)).containsExactly(this.partnerUser.getEmail(), this.partnerAdmin.getEmail());
		assertThat(completed.getSubject()).isEqualTo("Transfer " + transfer.getTransferNumber() + " completed");
		assertThat(text(completed)).contains("5 channels of " + this.product.getPartNumber() + " (license "
				+ this.bulk.getActivationId() + " of " + this.partner.getName() + ") now belong to " + this.customer.getName(),
				"approved automatically", "/transfers/" + transfer.getTransferNumber());
		// The requester asked; no "waits for approval" email for a transfer that did not wait.
		assertThat(MailReader.to(greenMail(), this.partnerUser.getEmail())).extracting(TransferMailTest::subject)
			.containsOnly("Transfer " + transfer.getTransferNumber() + " completed");
	}

	@Test
	void aTransferThatWaitsTellsTheRequesterAndAnApprovedOneSaysWhoApproved() throws Exception {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 1, this.unrelated));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		MimeMessage submitted = MailReader.waitFor(greenMail(), this.partnerAdmin.getEmail());
		assertThat(recipients(submitted)).containsExactly(this.partnerAdmin.getEmail());
		assertThat(submitted.getSubject()).isEqualTo("Transfer " + transfer.getTransferNumber() + " waits for approval");
		assertThat(text(submitted)).startsWith("Hello ladmin Tester,")
			.contains("You asked to transfer 1 channel of " + this.product.getPartNumber(), this.unrelated.getName() + " ("
					+ this.unrelated.getAccountNumber() + ")", "needs Order Management's approval (To an account that is not related")
			.contains("/transfers/" + transfer.getTransferNumber());

		complete(task(processOf(transfer)), withVariables("approval", "approve"));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		List<MimeMessage> mails = MailReader.waitFor(greenMail(), this.partnerAdmin.getEmail(), 2);
		assertThat(mails.get(1).getSubject()).isEqualTo("Transfer " + transfer.getTransferNumber() + " completed");
		assertThat(text(mails.get(1))).contains("approved by Order Management");
		MimeMessage toTarget = MailReader.waitFor(greenMail(), this.unrelatedAdmin.getEmail());
		assertThat(text(toTarget)).contains(row(transfer).getResult().getActivationId(), "1 channel of");
	}

	@Test
	void aRequesterWhoChoseFrenchReadsTheWaitingEmailInFrenchRuleIncluded() throws Exception {
		PortalUser french = this.context.getBean(UserRepository.class).findById(this.partnerAdmin.getId()).orElseThrow();
		french.setLanguage("fr");
		this.context.getBean(UserRepository.class).save(french);
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 2, this.unrelated));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		MimeMessage submitted = MailReader.waitFor(greenMail(), this.partnerAdmin.getEmail());
		assertThat(submitted.getSubject()).isEqualTo("Le transfert " + transfer.getTransferNumber() + " attend une approbation");
		// The decision table's rule is stored in English; the email says it in the reader's language.
		assertThat(text(submitted)).contains("Vous avez demandé de transférer 2 canaux de " + this.product.getPartNumber(),
				"approuvé par la Gestion des commandes (" + Text.of("licenses.transfer.rule.toUnrelated").in(Languages.FRENCH))
			.doesNotContain(Text.of("licenses.transfer.rule.toUnrelated").in(Languages.ENGLISH));
	}

	@Test
	void aRejectionTellsTheRequesterTheReason() throws Exception {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 6, this.unrelated));
		complete(task(processOf(transfer)), withVariables("approval", "reject", "approvalReason",
				"Kestrel Foods buys from another partner <b>only</b>."));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		List<MimeMessage> mails = MailReader.waitFor(greenMail(), this.partnerAdmin.getEmail(), 2);
		MimeMessage rejected = mails.stream().filter(mail -> subject(mail).endsWith("rejected")).findFirst().orElseThrow();
		assertThat(recipients(rejected)).containsExactly(this.partnerAdmin.getEmail());
		assertThat(rejected.getSubject()).isEqualTo("Transfer " + transfer.getTransferNumber() + " rejected");
		assertThat(text(rejected)).contains("Order Management rejected your transfer of 6 channels",
				"Their reason:\nKestrel Foods buys from another partner <b>only</b>.",
				"available on " + this.bulk.getActivationId() + " again");
		assertThat(MailReader.html(rejected)).contains("Kestrel Foods buys from another partner &lt;b&gt;only&lt;/b&gt;.");
		assertThat(MailReader.to(greenMail(), this.unrelatedAdmin.getEmail())).isEmpty();
	}

	@Test
	void anExpiredTransferTellsTheRequester() throws Exception {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 2, this.unrelated));
		Job timer = this.management.createJobQuery().processInstanceId(processInstanceId(transfer)).timers().singleResult();
		this.management.executeJob(timer.getId());
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		List<MimeMessage> mails = MailReader.waitFor(greenMail(), this.partnerAdmin.getEmail(), 2);
		MimeMessage expired = mails.stream().filter(mail -> subject(mail).endsWith("expired")).findFirst().orElseThrow();
		assertThat(expired.getSubject()).isEqualTo("Transfer " + transfer.getTransferNumber() + " expired");
		assertThat(text(expired)).contains("Your transfer of 2 channels of " + this.product.getPartNumber(),
				"Order Management did not decide on it in time", "request the transfer again");
	}

	@Test
	void channelsAddedToAnExistingLicenseNameThatLicenseAndItsNewTotal() throws Exception {
		LineItem existing = this.fixtures.lineItem(this.customer, this.product, 10, null);

		ChannelTransfer transfer = requested(this.partnerAdmin, addTo(this.bulk, 3, this.customer, existing));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		MimeMessage toTarget = MailReader.waitFor(greenMail(), this.customerAdmin.getEmail());
		assertThat(text(toTarget)).contains("Activation ID\n" + existing.getActivationId() + "\n",
				"now 13 channels in total");
	}

	/** The plain-text part with its line ends as the template wrote them. */
	private static String text(MimeMessage message) throws Exception {
		return MailReader.text(message).replace("\r\n", "\n");
	}

	private static List<String> recipients(MimeMessage message) throws Exception {
		return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Address::toString).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}


	@Test
	void aTransferNoLongerPossibleWhenCarriedOutTellsTheRequesterWhy() throws Exception {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 2, this.customer));
		disable(this.customer);
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		MimeMessage notPossible = MailReader.waitFor(greenMail(), this.partnerAdmin.getEmail());
		assertThat(recipients(notPossible)).containsExactly(this.partnerAdmin.getEmail());
		assertThat(notPossible.getSubject()).isEqualTo("Transfer " + transfer.getTransferNumber() + " could not be carried out");
		assertThat(text(notPossible)).contains("Your transfer of 2 channels of " + this.product.getPartNumber(),
				"because something changed since you asked for it:\n" + this.customer.getName() + " ("
						+ this.customer.getAccountNumber() + ") has been disabled and can no longer receive channels.",
				"No channels moved. The reserved channels are available on " + this.bulk.getActivationId() + " again");
		assertThat(MailReader.html(notPossible)).contains("has been disabled and can no longer receive channels.");
		assertThat(MailReader.to(greenMail(), this.customerAdmin.getEmail())).isEmpty();
	}

}
