package com.licensingportal.transfer;

import java.util.UUID;

import com.licensingportal.license.LineItem;
import com.licensingportal.license.Product;
import com.licensingportal.support.ProcessJobs;
import com.licensingportal.user.PortalUser;
import com.licensingportal.user.UserType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.licensingportal.support.LicenseFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Action &gt; Transfer on List Entitlements, the Transfer page with its confirmation, the Transfers pages with
 * Cancel, and who sees what (404 for anything else).
 */
class TransferPagesTest extends TransferTestSupport {

	@Autowired
	MockMvc mvc;

	@Test
	void actionTransferTakesExactlyOneSelectedLicense() throws Exception {
		String none = this.mvc.perform(post("/entitlements/transfer").with(csrf()).with(as(this.partnerAdmin))
			.param("product", "TRF"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(none).contains(TransferController.SELECT_ONE.toString(), "id=\"line-items\"", "name=\"product\" value=\"TRF\"");
		this.mvc.perform(post("/entitlements/transfer").with(csrf()).with(as(this.partnerAdmin))
			.param("selected", this.bulk.getActivationId(), "2222-3333-4444-5555"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().string(containsString(
					"Select only one license: channels are transferred from one license at a time.")));
		this.mvc.perform(post("/entitlements/transfer").with(csrf()).with(as(this.partnerAdmin))
			.param("selected", this.bulk.getActivationId()))
			.andExpect(redirectedUrl("/transfers/new?activationId=" + this.bulk.getActivationId()));

		assertThat(page("/entitlements", this.partnerAdmin)).contains("id=\"action-menu\"", "id=\"action-transfer\"",
				"formaction=\"/entitlements/transfer\"");
	}

	@Test
	void theTransferPageOffersTheUsersOtherAccountsAndTheirLicensesOfTheSameProduct() throws Exception {
		LineItem sameProduct = this.fixtures.lineItem(this.customer, this.product, 3, null);
		Product other = this.fixtures.product("OTH");
		LineItem otherProduct = this.fixtures.lineItem(this.customer, other, 3, null);

		String html = page("/transfers/new?activationId=" + this.bulk.getActivationId(), this.partnerAdmin);

		assertThat(html).contains("Transfer Amount", "Target Account", "Add to an existing license?",
				"<option value=\"" + this.customer.getAccountNumber() + "\">" + this.customer.getName() + "</option>",
				"value=\"" + sameProduct.getActivationId() + "\"", "data-account=\"" + this.customer.getAccountNumber() + "\"",
				"max=\"20\"", "name=\"idempotencyKey\"")
			.doesNotContain(otherProduct.getActivationId(), "<option value=\"" + this.partner.getAccountNumber() + "\"",
					this.unrelated.getAccountNumber());
		assertThat(page("/entitlements/" + this.bulk.getActivationId(), this.partnerAdmin))
			.contains("href=\"/transfers/new?activationId=" + this.bulk.getActivationId() + "\"");
	}

	@Test
	void aLicenseTheUserCannotSeeAnswersNotFound() throws Exception {
		this.mvc.perform(get("/transfers/new").param("activationId", this.bulk.getActivationId()).with(as(this.unrelatedAdmin)))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/transfers/new").with(csrf()).with(as(this.customerAdmin))
			.param("activationId", this.bulk.getActivationId())
			.param("amount", "2")
			.param("target", this.unrelated.getAccountNumber())
			.param("confirmed", "true")).andExpect(status().isNotFound());
		assertThat(reload(this.bulk).getReservedQuantity()).isZero();
	}

	@Test
	void transferAsksForConfirmationThenRequestsOnceEvenWhenSubmittedTwice() throws Exception {
		String key = UUID.randomUUID().toString();
		String confirm = this.mvc.perform(form(this.partnerAdmin, key, "5", this.customer.getAccountNumber(), false))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(confirm).contains("id=\"confirmation\"", "Transfer 5 channels of ", this.customer.getName(),
				"a new license (new Entitlement ID and Activation ID) for " + this.customer.getName(), "id=\"confirm-button\"",
				"value=\"" + key + "\"");
		assertThat(reload(this.bulk).getReservedQuantity()).isZero();

		MvcResult done = this.mvc.perform(form(this.partnerAdmin, key, "5", this.customer.getAccountNumber(), true))
			.andExpect(redirectedUrlPattern("/transfers/T-*"))
			.andReturn();
		String number = done.getResponse().getRedirectedUrl().substring("/transfers/".length());
		assertThat((String) done.getFlashMap().get("success")).isEqualTo("Transfer " + number
				+ " is approved (Up to 100 channels to a related customer: automatic): the 5 channels are on their way to "
				+ this.customer.getName() + ".");
		MvcResult twice = this.mvc.perform(form(this.partnerAdmin, key, "5", this.customer.getAccountNumber(), true))
			.andExpect(redirectedUrl("/transfers/" + number))
			.andReturn();
		assertThat((String) twice.getFlashMap().get("success")).isEqualTo("This transfer was already requested as " + number
				+ "; nothing more was reserved.");
		assertThat(reload(this.bulk).getReservedQuantity()).isEqualTo(5);
	}

	@Test
	void badInputIsShownOnTheFormAndChangesNothing() throws Exception {
		String notWhole = this.mvc.perform(form(this.partnerAdmin, UUID.randomUUID().toString(), "2.5",
				this.customer.getAccountNumber(), true))
			.andExpect(status().isUnprocessableEntity())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(notWhole).contains("id=\"problems\"", "Enter the number of channels as a whole number, such as 5.")
			.contains("id=\"transfer-form\"");
		String tooMany = this.mvc.perform(form(this.partnerAdmin, UUID.randomUUID().toString(), "21",
				this.customer.getAccountNumber(), false))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tooMany).contains("Only 20 channels of " + this.bulk.getActivationId() + " are available, not 21.");
		String noLicense = this.mvc.perform(post("/transfers/new").with(csrf()).with(as(this.partnerAdmin))
				.param("activationId", this.bulk.getActivationId()).param("amount", "2")
				.param("target", this.customer.getAccountNumber()).param("addToExisting", "yes").param("confirmed", "true"))
			.andExpect(status().isUnprocessableEntity())
			.andReturn().getResponse().getContentAsString();
		assertThat(noLicense).contains("Choose the target account&#39;s license to add the channels to, or answer No.");
		assertThat(reload(this.bulk).getReservedQuantity()).isZero();
	}

	@Test
	void theTransfersPagesShowTheUsersRequestsAndAdministratorsTheirAccountsAndCancelAPendingOne() throws Exception {
		ChannelTransfer pending = requested(this.partnerUser, request(this.bulk, 6, this.unrelated));
		ChannelTransfer automatic = requested(this.partnerAdmin, request(this.bulk, 2, this.customer));
		ProcessJobs.executeDue(this.management, processInstanceId(automatic));
		PortalUser otherPartnerUser = this.fixtures.user("luser2", this.partner, UserType.PARTNER_USER);
		String number = pending.getTransferNumber();

		assertThat(page("/transfers", this.partnerUser)).contains(number, "Pending approval", "Cancel transfer " + number)
			.doesNotContain(automatic.getTransferNumber());
		assertThat(page("/transfers", this.partnerAdmin)).contains(number, automatic.getTransferNumber(), "Completed");
		assertThat(page("/transfers", otherPartnerUser)).doesNotContain(number, automatic.getTransferNumber());
		for (PortalUser stranger : new PortalUser[] { otherPartnerUser, this.customerAdmin, this.unrelatedAdmin }) {
			this.mvc.perform(get("/transfers/" + number).with(as(stranger))).andExpect(status().isNotFound());
			this.mvc.perform(post("/transfers/" + number + "/cancel").with(csrf()).with(as(stranger)))
				.andExpect(status().isNotFound());
		}
		String completed = page("/transfers/" + automatic.getTransferNumber(), this.partnerAdmin);
		String created = row(automatic).getResult().getActivationId();
		assertThat(completed).contains("Completed", "Up to 100 channels to a related customer: automatic",
				"id=\"transfer-result\" href=\"/entitlements/" + created + "\"", "Transferred out", "Transferred in",
				"Reserved for a transfer");

		this.mvc.perform(post("/transfers/" + number + "/cancel").with(csrf()).with(as(this.partnerAdmin)))
			.andExpect(redirectedUrl("/transfers/" + number))
			.andExpect(flash().attribute("success", "Transfer " + number + " is cancelled. The 6 channels are available on "
					+ this.bulk.getActivationId() + " again."));
		assertThat(page("/transfers/" + number, this.partnerUser)).contains("Cancelled", "Reservation released",
				"transfer cancelled", this.partnerAdmin.getEmail()).doesNotContain("id=\"cancel-button\"");
		this.mvc.perform(post("/transfers/" + number + "/cancel").with(csrf()).with(as(this.partnerUser)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Transfer " + number
					+ " is cancelled. Only a transfer that is pending approval can be cancelled.")))
			.andExpect(content().string(containsString("id=\"transfer-number\"")));
		assertThat(reload(this.bulk).getAvailableQuantity()).isEqualTo(18);
	}

	@Test
	void aLicensesHistoryNamesTheOtherSideOfATransferOnlyWhenTheUserCanSeeIt() throws Exception {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 3, this.unrelated));
		org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete(
				org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(processOf(transfer)),
				org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables("approval", "approve"));
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));
		String theirs = row(transfer).getResult().getActivationId();

		String ours = page("/entitlements/" + this.bulk.getActivationId(), this.partnerAdmin);
		assertThat(ours).contains("Transferred out", transfer.getTransferNumber(), "to " + this.unrelated.getName())
			.doesNotContain(theirs);
		String received = page("/entitlements/" + theirs, this.unrelatedAdmin);
		assertThat(received).contains("Transferred in", "from " + this.partner.getName())
			.doesNotContain(this.bulk.getActivationId());
		assertThat(page("/transfers/" + transfer.getTransferNumber(), this.partnerAdmin)).doesNotContain(theirs)
			.contains("a license of " + this.unrelated.getName());
	}

	private MockHttpServletRequestBuilder form(PortalUser user, String key, String amount, String target, boolean confirmed) {
		return post("/transfers/new").with(csrf())
			.with(as(user))
			.param("activationId", this.bulk.getActivationId())
			.param("idempotencyKey", key)
			.param("amount", amount)
			.param("target", target)
			.param("addToExisting", "no")
			.param("confirmed", String.valueOf(confirmed));
	}

	@Test
	void aTransferNoLongerPossibleSaysWhyOnItsPageAndInTheApi() throws Exception {
		ChannelTransfer transfer = requested(this.partnerAdmin, request(this.bulk, 3, this.customer));
		disable(this.customer);
		ProcessJobs.executeDue(this.management, processInstanceId(transfer));
		String why = this.customer.getName() + " (" + this.customer.getAccountNumber()
				+ ") has been disabled and can no longer receive channels.";

		String shown = org.springframework.web.util.HtmlUtils
			.htmlUnescape(page("/transfers/" + transfer.getTransferNumber(), this.partnerAdmin));
		assertThat(shown).contains("No longer possible", "Why it was not carried out", why);
		this.mvc.perform(get("/api/v1/transfers/" + transfer.getTransferNumber())
			.header("Authorization", "Bearer " + this.fixtures.apiToken(this.partnerAdmin)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.state")
				.value("NO_LONGER_POSSIBLE"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.endedReason").value(why));
	}

	private String page(String path, PortalUser user) throws Exception {
		return this.mvc.perform(get(path).with(as(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
