package com.licensingportal.transfer;

import com.licensingportal.account.Account;
import com.licensingportal.license.LineItem;
import com.licensingportal.mail.MailReader;
import com.licensingportal.support.LicenseFixtures;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Paths of bpmn/channel-transfer.bpmn that {@link TransferProcessTest} does not take, kept apart so that the
 * process coverage check ({@code workflow/ProcessCoverageTest}) finds each one taken.
 */
class TransferProcessPathsTest extends TransferTestSupport {

	@Test
	void channelsForAnAccountWithoutAdministratorsArriveAndOnlyTheRequesterIsTold() throws Exception {
		Account empty = this.fixtures.customer(LicenseFixtures.unique("Nobody Home Storage"));
		Account partner = this.fixtures.partnerOf(LicenseFixtures.unique("Quiet Integrators"), empty);
		PortalUser requester = this.fixtures.user("qadmin", partner, UserType.PARTNER_ADMINISTRATOR);
		LineItem item = this.fixtures.lineItem(partner, this.product, 10, null);

		ChannelTransfer transfer = requested(requester, request(item, 4, empty));
		ProcessInstance instance = processOf(transfer);
		assertThat(instance).isWaitingAt("ExecuteTransfer");
		ProcessJobs.executeDue(this.management, instance.getId());

		assertThat(instance).hasPassedInOrder("ExecuteTransfer", "TargetHasAdministrators", "TellRequester",
				"SendTransferCompleted", "TransferCompleted")
			.hasNotPassed("SendChannelsReceived", "ApproveChannelTransfer")
			.isEnded();
		ChannelTransfer done = row(transfer);
		assertThat(done.getState()).isEqualTo(TransferState.COMPLETED);
		LineItem received = byActivationId(done.getResult().getActivationId());
		assertThat(received.getOwner().getId()).isEqualTo(empty.getId());
		assertThat(received.getAvailableQuantity()).isEqualTo(4);
		assertThat(reload(item).getAvailableQuantity()).isEqualTo(6);
		MimeMessage told = MailReader.waitFor(greenMail(), requester.getEmail());
		assertThat(told.getSubject()).isEqualTo("Transfer " + transfer.getTransferNumber() + " completed");
	}

}
