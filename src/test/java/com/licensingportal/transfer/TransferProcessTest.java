package com.licensingportal.transfer;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.licensingportal.license.LicenseEventType;
import com.licensingportal.license.LineItem;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.support.Committed;
import com.licensingportal.support.ProcessJobs;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of bpmn/channel-transfer.bpmn: automatic, approved, rejected, expired, cancelled and no longer
 * possible when carried out, and the three ways channels arrive (a new license, the whole license, added to one),
 * with the line items' counts and trails.
 */
class TransferProcessTest extends TransferTestSupport {

	@AfterEach
	void realClock() {
		ClockUtil.reset();
		this.engine.getIdentityService().clearAuthentication();
	}

	@Test
	void aSmallTransferToARelatedCustomerIsApprovedAutomaticallyAndMakesANewLicense() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 5, this.customer));

		LineItem reserved = reload(this.bulk);
		assertThat(reserved.getAvailableQuantity()).isEqualTo(15);
		assertThat(reserved.getReservedQuantity()).isEqualTo(5);
		assertThat(row(transfer).getState()).isEqualTo(TransferState.APPROVED);
		assertThat(row(transfer).getApprovalRule()).isEqualTo("Up to 100 channels to a related customer: automatic");
		ProcessInstance instance = processOf(transfer);
		assertThat(instance).hasPassed("DecideApproval").isWaitingAt("ExecuteTransfer").hasBusinessKey(transfer.getTransferNumber());
		assertThat(instance).variables().containsEntry("approvalRequired", false).containsEntry("relation", "RELATED_CUSTOMER")
			.containsEntry("requesterRole", "PARTNER_ADMINISTRATOR")
			// an automatic transfer carries neither the approval form's texts nor the whole decision result
			.doesNotContainKeys("lineItemHistory", "approvalSummary", "approvalDecision", "decisionResult");

		ProcessJobs.executeDue(this.management, instance.getId());

		assertThat(instance).hasPassed("ExecuteTransfer", "SendChannelsReceived", "SendTransferCompleted", "TransferCompleted")
			.hasNotPassed("ApproveChannelTransfer", "ReleaseReservation")
			.isEnded();
		ChannelTransfer done = row(transfer);
		assertThat(done.getState()).isEqualTo(TransferState.COMPLETED);
		LineItem created = byActivationId(done.getResult().getActivationId());
		assertThat(created.getActivationId()).isNotEqualTo(this.bulk.getActivationId());
		assertThat(created.getEntitlement().getEntitlementId()).isNotEqualTo(this.bulk.getEntitlement().getEntitlementId())
			.matches("E-\\d{8}-\\d{4,}");
		assertThat(created.getOwner().getId()).isEqualTo(this.customer.getId());
		assertThat(created.getSoldTo().getId()).isEqualTo(this.customer.getId());
		assertThat(created.getProduct().getId()).isEqualTo(this.product.getId());
		assertThat(created.getTotalQuantity()).isEqualTo(5);
		assertThat(created.getAvailableQuantity()).isEqualTo(5);
		LineItem source = reload(this.bulk);
		assertThat(source.getTotalQuantity()).isEqualTo(15);
		assertThat(source.getAvailableQuantity()).isEqualTo(15);
		assertThat(source.getReservedQuantity()).isZero();
		assertThat(trail(source)).containsExactly(LicenseEventType.CREATED, LicenseEventType.RESERVED,
				LicenseEventType.TRANSFERRED_OUT);
		assertThat(trail(created)).containsExactly(LicenseEventType.TRANSFERRED_IN);
		// The history keeps each variable's last value, the decision and the job log (which node ran each job), and
		// not every value a variable had (history level full-without-details).
		HistoryService history = this.engine.getHistoryService();
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).count()).isPositive();
		assertThat(history.createHistoricDetailQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(history.createHistoricJobLogQuery().processInstanceId(instance.getId()).successLog().count()).isEqualTo(3);
		assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(instance.getId()).includeInputs()
			.singleResult().getInputs()).hasSize(4);
	}

	@Test
	void aTransferToAnUnrelatedAccountWaitsForOrderManagementWhoApprovesIt() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 8, this.unrelated));

		ProcessInstance instance = processOf(transfer);
		assertThat(row(transfer).getState()).isEqualTo(TransferState.PENDING_APPROVAL);
		assertThat(instance).isWaitingAt("ApproveChannelTransfer", "SendTransferSubmitted");
		assertThat(task(instance)).hasCandidateGroup("order-management").isNotAssigned()
			.hasName("Approve channel transfer " + transfer.getTransferNumber() + " (8 channels)");
		Task withForm = this.taskService.createTaskQuery().processInstanceId(instance.getId()).initializeFormKeys().singleResult();
		assertThat(withForm.getCamundaFormRef().getKey()).isEqualTo("ApproveChannelTransfer");
		assertThat(this.engine.getRepositoryService().createDeploymentQuery().count()).isPositive();
		assertThat(instance).variables().containsEntry("relation", "UNRELATED").containsEntry("amount", 8)
			.containsEntry("transferNumber", transfer.getTransferNumber())
			.containsEntry("approvalRule", "To an account that is not related: needs Order Management's approval");
		// The engine carries the decision's inputs, not copies of the transfer: the emails read those from its row.
		assertThat(instance).variables().doesNotContainKeys("targetAccountNumber", "targetAccountName",
				"sourceAccountName", "activationId", "partNumber", "productName", "requesterName", "howText", "transferId");
		// What only the form shows belongs to the task, not to the process.
		assertThat(this.taskService.getVariablesLocal(task(instance).getId())).containsOnlyKeys("approvalSummary", "lineItemHistory");
		assertThat((String) this.taskService.getVariable(task(instance).getId(), "approvalSummary"))
			.contains("Partner Administrator");
		assertThat((String) this.taskService.getVariable(task(instance).getId(), "lineItemHistory")).contains("Created",
				"Reserved for a transfer");
		assertThat(this.runtime.getVariables(instance.getId())).doesNotContainKeys("lineItemHistory", "approvalSummary");

		Task approval = task(instance);
		this.engine.getIdentityService().setAuthentication("om", java.util.List.of("order-management"));
		complete(approval, withVariables("approval", "approve", "approvalReason", "Customer bought it from the partner"));
		this.engine.getIdentityService().clearAuthentication();

		assertThat(row(transfer).getState()).isEqualTo(TransferState.APPROVED);
		assertThat(row(transfer).getDecidedBy()).isEqualTo("om");
		assertThat(instance).isWaitingAt("ExecuteTransfer");
		ProcessJobs.executeDue(this.management, instance.getId());

		assertThat(instance).hasPassed("ApproveChannelTransfer", "ExecuteTransfer", "SendTransferSubmitted",
				"SendChannelsReceived", "SendTransferCompleted", "TransferCompleted").isEnded();
		ChannelTransfer done = row(transfer);
		assertThat(done.getState()).isEqualTo(TransferState.COMPLETED);
		assertThat(done.getResult().getOwner().getId()).isEqualTo(this.unrelated.getId());
		assertThat(reload(this.bulk).getTotalQuantity()).isEqualTo(12);
	}

	@Test
	void aRejectedTransferReleasesTheReservationAndTellsTheRequesterWhy() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 8, this.unrelated));
		ProcessInstance instance = processOf(transfer);

		assertThatThrownBy(() -> complete(task(instance), withVariables("approval", "reject")))
			.hasRootCauseInstanceOf(DecisionRefusedException.class)
			.hasMessageContaining("Give a reason for the requester when you reject the transfer.");
		assertThat(instance).isWaitingAt("ApproveChannelTransfer");
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(8);

		complete(task(instance), withVariables("approval", "reject", "approvalReason", "No contract with Kestrel Foods"));

		assertThat(instance).hasPassed("ReleaseReservation").isWaitingAt("SendTransferRejected");
		ChannelTransfer rejected = row(transfer);
		assertThat(rejected.getState()).isEqualTo(TransferState.REJECTED);
		assertThat(rejected.getDecisionReason()).isEqualTo("No contract with Kestrel Foods");
		LineItem source = reload(this.bulk);
		assertThat(source.getAvailableQuantity()).isEqualTo(20);
		assertThat(source.getReservedQuantity()).isZero();
		assertThat(source.getTotalQuantity()).isEqualTo(20);
		assertThat(trail(source)).containsExactly(LicenseEventType.CREATED, LicenseEventType.RESERVED, LicenseEventType.RELEASED);

		ProcessJobs.executeDue(this.management, instance.getId());
		assertThat(instance).hasPassed("SendTransferRejected", "TransferRejected").hasNotPassed("ExecuteTransfer").isEnded();
	}

	@Test
	void fiveDaysWithoutADecisionExpireTheTransfer() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 8, this.unrelated));
		ProcessInstance instance = processOf(transfer);
		Job timer = this.management.createJobQuery().processInstanceId(instance.getId()).timers().activityId("ApprovalExpires")
			.singleResult();
		assertThat(timer.getDuedate().toInstant()).isCloseTo(Instant.now().plus(Duration.ofDays(5)), within(Duration.ofMinutes(1)));

		ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(5)).plusSeconds(60)));
		this.management.executeJob(timer.getId());

		assertThat(instance).hasPassed("ApprovalExpires", "ReleaseReservation").isWaitingAt("SendTransferExpired");
		assertThat(row(transfer).getState()).isEqualTo(TransferState.EXPIRED);
		assertThat(row(transfer).getEndedBy()).isEqualTo("system");
		assertThat(reload(this.bulk).getAvailableQuantity()).isEqualTo(20);
		ProcessJobs.executeDue(this.management, instance.getId());
		assertThat(instance).hasPassed("TransferExpired").hasNotPassed("ExecuteTransfer", "Approved").isEnded();
		assertThat(this.taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void cancellingAPendingTransferReleasesTheReservationAndEndsTheProcess() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 8, this.unrelated));
		ProcessInstance instance = processOf(transfer);

		ChannelTransfer cancelled = this.transfers.cancel(this.partnerAdmin.getId(), transfer.getTransferNumber());

		assertThat(cancelled.getState()).isEqualTo(TransferState.CANCELLED);
		assertThat(instance).hasPassed("TransferCancelled", "ReleaseReservation", "TransferWithdrawn")
			.hasNotPassed("SendTransferSubmitted", "Approved", "ExecuteTransfer")
			.isEnded();
		assertThat(row(transfer).getEndedBy()).isEqualTo(this.partnerAdmin.getEmail());
		LineItem source = reload(this.bulk);
		assertThat(source.getAvailableQuantity()).isEqualTo(20);
		assertThat(source.getReservedQuantity()).isZero();
		assertThat(this.management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();

		assertThatThrownBy(() -> this.transfers.cancel(this.partnerAdmin.getId(), transfer.getTransferNumber()))
			.isInstanceOf(RefusedException.class)
			.hasMessage("Transfer " + transfer.getTransferNumber()
					+ " is cancelled. Only a transfer that is pending approval can be cancelled.");
	}

	@Test
	void anApprovedTransferCanNoLongerBeCancelled() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 5, this.customer));

		assertThatThrownBy(() -> this.transfers.cancel(this.partnerAdmin.getId(), transfer.getTransferNumber()))
			.isInstanceOf(RefusedException.class)
			.hasMessageContaining("is approved, moving channels. Only a transfer that is pending approval can be cancelled.");
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(5);
	}

	@Test
	void allChannelsOfALicenseMoveTheLicenseItselfKeepingItsActivationId() {
		LineItem whole = this.fixtures.lineItem(this.partner, this.product, 7, null);

		ChannelTransfer transfer = requested(this.partnerAdmin, request(whole, 7, this.customer));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		LineItem moved = byActivationId(whole.getActivationId());
		assertThat(row(transfer).getResult().getId()).isEqualTo(whole.getId());
		assertThat(moved.getOwner().getId()).isEqualTo(this.customer.getId());
		assertThat(moved.getSoldTo().getId()).isEqualTo(this.customer.getId());
		assertThat(moved.getTotalQuantity()).isEqualTo(7);
		assertThat(moved.getAvailableQuantity()).isEqualTo(7);
		assertThat(moved.getReservedQuantity()).isZero();
		assertThat(trail(moved)).containsExactly(LicenseEventType.CREATED, LicenseEventType.RESERVED,
				LicenseEventType.TRANSFERRED_OUT, LicenseEventType.TRANSFERRED_IN);
		assertThat(row(transfer).how()).isEqualTo("the whole license moves to " + this.customer.getName()
				+ ", keeping its Activation ID");
	}

	@Test
	void allAvailableChannelsOfAPartlyActivatedLicenseMakeANewLicense() {
		LineItem partly = this.fixtures.lineItem(this.partner, this.product, 10, null);
		this.fixtures.activateOnNewDevice(partly, 4, "LARCH-NVR");

		ChannelTransfer transfer = requested(this.partnerAdmin, request(partly, 6, this.customer));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		LineItem source = reload(partly);
		assertThat(source.getOwner().getId()).isEqualTo(this.partner.getId());
		assertThat(source.getTotalQuantity()).isEqualTo(4);
		assertThat(source.getActivatedQuantity()).isEqualTo(4);
		assertThat(row(transfer).getResult().getId()).isNotEqualTo(partly.getId());
		assertThat(byActivationId(row(transfer).getResult().getActivationId()).getTotalQuantity()).isEqualTo(6);
	}

	@Test
	void channelsAddedToAnExistingLicenseOfTheTarget() {
		LineItem existing = this.fixtures.lineItem(this.customer, this.product, 3, null);
		this.fixtures.activateOnNewDevice(existing, 3, "JUNIPER-NVR");

		ChannelTransfer transfer = requested(this.partnerAdmin, addTo(this.bulk, 4, this.customer, existing));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		LineItem grown = reload(existing);
		assertThat(grown.getTotalQuantity()).isEqualTo(7);
		assertThat(grown.getAvailableQuantity()).isEqualTo(4);
		assertThat(grown.getActivatedQuantity()).isEqualTo(3);
		assertThat(row(transfer).getResult().getId()).isEqualTo(existing.getId());
		assertThat(reload(this.bulk).getTotalQuantity()).isEqualTo(16);
		assertThat(trail(grown)).endsWith(LicenseEventType.TRANSFERRED_IN);
		assertThat(eventsOf(transfer)).extracting(TransferEvent::type, TransferEvent::lineItemId, TransferEvent::quantity)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(LicenseEventType.RESERVED, this.bulk.getId(), 4),
					org.assertj.core.groups.Tuple.tuple(LicenseEventType.TRANSFERRED_OUT, this.bulk.getId(), 4),
					org.assertj.core.groups.Tuple.tuple(LicenseEventType.TRANSFERRED_IN, existing.getId(), 4));
	}

	@Test
	void anExecutionRetriedAfterTheChannelsMovedMovesNothingAgain() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 5, this.customer));

		// As if the engine ran ExecuteTransfer, committed the move and then had to retry the job.
		this.execution.execute(transfer.getId());
		TransferExecution.Executed again = this.execution.execute(transfer.getId());
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		assertThat(again.result().getId()).isEqualTo(row(transfer).getResult().getId());
		assertThat(processOf(transfer)).isNull();
		LineItem source = reload(this.bulk);
		assertThat(source.getTotalQuantity()).isEqualTo(15);
		assertThat(source.getReservedQuantity()).isZero();
		assertThat(eventsOf(transfer)).extracting(TransferEvent::type).containsExactly(LicenseEventType.RESERVED,
				LicenseEventType.TRANSFERRED_OUT, LicenseEventType.TRANSFERRED_IN);
		Integer total = this.jdbc.queryForObject("select sum(total_quantity) from line_item where product_id = ?",
				Integer.class, this.product.getId());
		assertThat(total).isEqualTo(20);
	}

	@Test
	void aLicenseToAddToThatMovedAwayMeanwhileEndsTheTransferAsNoLongerPossibleAndReleasesTheReservation() {
		LineItem existing = this.fixtures.lineItem(this.customer, this.product, 3, null);
		ChannelTransfer transfer = requested(this.partnerAdmin, addTo(this.bulk, 4, this.customer, existing));
		// Before the channels move, the customer gives the whole license to add to back to its partner.
		ChannelTransfer away = requested(this.customerAdmin, request(existing, 3, this.partner));
		ProcessJobs.executeDue(this.management, processInstanceId(away));
		assertThat(reload(existing).getOwner().getId()).isEqualTo(this.partner.getId());

		ProcessInstance instance = processOf(transfer);
		ProcessJobs.executeDue(this.management, instance.getId());

		assertThat(instance).hasPassed("ExecuteTransfer", "NoLongerPossible", "ReleaseReservation", "SendTransferNotPossible",
				"TransferNotPossible").hasNotPassed("TargetHasAdministrators", "TransferCompleted").isEnded();
		ChannelTransfer ended = row(transfer);
		assertThat(ended.getState()).isEqualTo(TransferState.NO_LONGER_POSSIBLE);
		assertThat(ended.getResult()).isNull();
		assertThat(ended.getEndedReason()).isEqualTo(existing.getActivationId()
				+ ", the license to add the channels to, no longer belongs to " + this.customer.getName() + ".");
		LineItem source = reload(this.bulk);
		assertThat(source.getAvailableQuantity()).isEqualTo(20);
		assertThat(source.getReservedQuantity()).isZero();
		assertThat(source.getTotalQuantity()).isEqualTo(20);
		assertThat(reload(existing).getTotalQuantity()).isEqualTo(3);
		assertThat(eventsOf(transfer)).extracting(TransferEvent::type)
			.containsExactly(LicenseEventType.RESERVED, LicenseEventType.RELEASED);
	}

	@Test
	void aTargetAccountDisabledBeforeTheChannelsMoveEndsTheTransferAsNoLongerPossible() {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 5, this.customer));
		disable(this.customer);

		ProcessInstance instance = processOf(transfer);
		ProcessJobs.executeDue(this.management, instance.getId());

		assertThat(instance).hasPassed("NoLongerPossible", "ReleaseReservation", "TransferNotPossible").isEnded();
		assertThat(row(transfer).getEndedReason()).isEqualTo(this.customer.getName() + " ("
				+ this.customer.getAccountNumber() + ") has been disabled and can no longer receive channels.");
		assertThat(reload(this.bulk).getAvailableQuantity()).isEqualTo(20);
	}

	@Test
	void anApprovedTransferWhoseSourceLicenseExpiredMeanwhileIsNoLongerPossible() {
		LineItem expiring = this.fixtures.lineItem(this.partner, this.product, 10, java.time.LocalDate.now().plusDays(30));
		ChannelTransfer transfer = requested(this.partnerAdmin, request(expiring, 2, this.unrelated));
		// As if the approval came after the license's last day.
		Committed.update(this.jdbc, "update line_item set expires_on = ? where id = ?", java.time.LocalDate.now().minusDays(1),
				expiring.getId());
		complete(task(processOf(transfer)), withVariables("approval", "approve"));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));

		assertThat(row(transfer).getState()).isEqualTo(TransferState.NO_LONGER_POSSIBLE);
		assertThat(row(transfer).getEndedReason()).isEqualTo(expiring.getActivationId() + " expired on "
				+ java.time.LocalDate.now().minusDays(1) + ", and an expired license cannot be transferred.");
		assertThat(reload(expiring).getReservedQuantity()).isZero();
		assertThat(reload(expiring).getAvailableQuantity()).isEqualTo(10);
	}

}
