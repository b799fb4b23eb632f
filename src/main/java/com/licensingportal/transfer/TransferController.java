package com.licensingportal.transfer;

import java.util.Locale;
import com.licensingportal.text.Text;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.access.AccountVisibility;
import com.licensingportal.access.VisibleAccounts;
import com.licensingportal.license.EntitlementListPage;
import com.licensingportal.license.EntitlementSearch;
import com.licensingportal.access.PortalUserPrincipal;
import com.licensingportal.base.PageRefusal;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemHistory;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.refusal.RefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Action &gt; Transfer (List Entitlements): the Transfer page, its confirmation, and the Transfers pages with
 * their history and Cancel.
 */
@Controller
class TransferController {

	static final String VIEW_NEW = "transfer/new";

	static final String VIEW_LIST = "transfer/transfers";

	static final String VIEW_TRANSFER = "transfer/transfer";

	static final Text SELECT_ONE = Text.of("licenses.transfer.selectOne");

	private final TransferChoices choices;

	private final TransferService transfers;

	private final TransferList list;

	private final EntitlementListPage listPage;

	TransferController(TransferChoices choices, TransferService transfers, TransferList list,
			EntitlementListPage listPage) {
		this.choices = choices;
		this.transfers = transfers;
		this.list = list;
		this.listPage = listPage;
	}

	/** Action &gt; Transfer on List Entitlements, with the checked rows: exactly one, or the list again says so. */
	@PostMapping("/entitlements/transfer")
	String fromList(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("search") EntitlementSearch search,
			BindingResult binding, @RequestParam(name = "selected", required = false) List<String> selected,
			Model model, Locale locale) {
		if (selected == null || selected.size() != 1) {
			model.addAttribute("message", (selected == null || selected.isEmpty() ? SELECT_ONE
					: Text.of("licenses.transfer.selectOnlyOne")).in(locale));
			PageRefusal.answer(model, HttpStatus.UNPROCESSABLE_ENTITY);
			return this.listPage.show(user, search, binding, model);
		}
		return "redirect:/transfers/new?activationId=" + URLEncoder.encode(selected.get(0).strip(), StandardCharsets.UTF_8);
	}

	@GetMapping("/transfers/new")
	String form(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("transfer") TransferForm form,
			Model model) {
		return show(user.getUserId(), form, new ArrayList<>(), model);
	}

	/** Transfer: first the confirmation ("OK to continue?"), then, confirmed, the request itself. */
	@PostMapping("/transfers/new")
	String request(@AuthenticationPrincipal PortalUserPrincipal user, @ModelAttribute("transfer") TransferForm form,
			Model model, RedirectAttributes redirect, Locale locale) {
		List<String> problems = new ArrayList<>();
		if (form.getAmount() != null && !form.getAmount().isBlank() && form.amountAsNumber() == null) {
			problems.add(Text.of("licenses.transfer.amountWhole").in(locale));
		}
		if (form.isAddingToExisting() && (form.getAddTo() == null || form.getAddTo().isBlank())) {
			problems.add(Text.of("licenses.transfer.chooseAddTo").in(locale));
		}
		if (problems.isEmpty()) {
			try {
				if (!form.isConfirmed()) {
					model.addAttribute("preview", this.transfers.preview(user.getUserId(), form.toRequest()));
					return show(user.getUserId(), form, problems, model);
				}
				TransferService.Submitted submitted = this.transfers.request(user.getUserId(), form.toRequest());
				redirect.addFlashAttribute("success", submittedMessage(submitted).in(locale));
				return "redirect:/transfers/" + submitted.transfer().getTransferNumber();
			}
			catch (RefusedException refused) {
				problems.add(PageRefusal.onForm(model, refused));
			}
		}
		form.setConfirmed(false);
		return show(user.getUserId(), form, problems, model);
	}

	@GetMapping("/transfers")
	String transfers(@AuthenticationPrincipal PortalUserPrincipal user, Model model) {
		model.addAttribute("transfers", this.list.transfersOf(user.getUserId()));
		model.addAttribute("limit", TransferList.LIMIT);
		return VIEW_LIST;
	}

	@GetMapping("/transfers/{transferNumber}")
	String transfer(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable String transferNumber, Model model) {
		model.addAttribute("transfer", this.list.transfer(user.getUserId(), transferNumber));
		model.addAttribute("history", this.list.history(user.getUserId(), transferNumber));
		return VIEW_TRANSFER;
	}

	/** Cancel; a transfer that is no longer pending shows its page again with the reason (409). */
	@PostMapping("/transfers/{transferNumber}/cancel")
	String cancel(@AuthenticationPrincipal PortalUserPrincipal user, @PathVariable String transferNumber, Model model,
			RedirectAttributes redirect, Locale locale) {
		try {
			ChannelTransfer cancelled = this.transfers.cancel(user.getUserId(), transferNumber);
			redirect.addFlashAttribute("success", Text.of("licenses.transfer.cancelled", cancelled.getTransferNumber(),
					cancelled.getAmount(), cancelled.getSource().getActivationId()).in(locale));
		}
		catch (RefusedException refused) {
			model.addAttribute("message", PageRefusal.onForm(model, refused));
			return transfer(user, transferNumber, model);
		}
		return "redirect:/transfers/" + transferNumber;
	}

	private String show(Long userId, TransferForm form, List<String> problems, Model model) {
		TransferChoices.Choices choices = this.choices.of(userId, form.getActivationId());
		model.addAttribute("source", choices.source());
		model.addAttribute("expired", choices.expired());
		model.addAttribute("targetChoices", choices.targets());
		model.addAttribute("addToChoices", choices.addTo());
		model.addAttribute("problems", problems);
		return VIEW_NEW;
	}

	private static Text submittedMessage(TransferService.Submitted submitted) {
		ChannelTransfer transfer = submitted.transfer();
		if (submitted.replayed()) {
			return Text.of("licenses.transfer.replayed", transfer.getTransferNumber());
		}
		if (transfer.isApprovalRequired()) {
			return Text.of("licenses.transfer.waiting", transfer.getTransferNumber(),
					TransferView.rule(transfer.getApprovalRule()), transfer.getAmount());
		}
		return Text.of("licenses.transfer.approved", transfer.getTransferNumber(),
				TransferView.rule(transfer.getApprovalRule()), transfer.getAmount(), transfer.getTargetAccount().getName());
	}

}
