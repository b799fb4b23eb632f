package com.licensingportal.backoffice.account;

import java.io.IOException;
import java.util.Locale;
import java.security.Principal;

import com.licensingportal.account.Account;
import com.licensingportal.account.AccountStatus;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;
import com.licensingportal.backoffice.account.BackOfficeAccounts.AccountSort;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.backoffice.audit.BackOfficeAuditController;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Accounts in the back office: search, create, and one account's page with its changes. */
@Controller
class BackOfficeAccountController {

	static final String VIEW_LIST = "backoffice/accounts";

	static final String VIEW_NEW = "backoffice/account-new";

	static final String VIEW_ACCOUNT = "backoffice/account";

	private final BackOfficeAccounts accounts;

	private final AccountOverview overview;

	private final BackOfficeAudit audit;

	BackOfficeAccountController(BackOfficeAccounts accounts, AccountOverview overview, BackOfficeAudit audit) {
		this.accounts = accounts;
		this.overview = overview;
		this.audit = audit;
	}

	@GetMapping("/back-office/accounts")
	String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") String page,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String dir, Model model) {
		AccountSort by = java.util.Arrays.stream(AccountSort.values())
			.filter(candidate -> candidate.name().equals(sort))
			.findFirst()
			.orElse(AccountSort.name);
		int pageNumber = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("result", this.accounts.search(q, pageNumber, by, "desc".equals(dir)));
		return VIEW_LIST;
	}

	@GetMapping("/back-office/accounts/new")
	String newAccount() {
		return VIEW_NEW;
	}

	@PostMapping("/back-office/accounts")
	String create(@RequestParam(required = false) String name, @RequestParam(required = false) String type,
			@RequestParam(required = false) String customerNumber, Principal staff, Model model,
			HttpServletResponse response, Locale locale) {
		try {
			Account account = this.accounts.create(staff.getName(), name, type, customerNumber);
			return "redirect:/back-office/accounts/" + account.getAccountNumber() + "?created";
		}
		catch (RefusedException refused) {
			response.setStatus(refused.kind().status());
			model.addAttribute("error", refused.message(locale));
			model.addAttribute("name", name);
			model.addAttribute("type", type);
			model.addAttribute("customerNumber", customerNumber);
			return VIEW_NEW;
		}
	}

	@GetMapping("/back-office/accounts/{accountNumber}")
	String account(@PathVariable String accountNumber, @RequestParam(required = false) String created, Model model,
			Locale locale) {
		Account account = this.accounts.find(accountNumber);
		model.addAttribute("account", account);
		model.addAttribute("related", this.accounts.relatedTo(account.getAccountNumber()));
		model.addAttribute("overview", this.overview.of(account.getId()));
		model.addAttribute("auditTrail", this.audit.of(SubjectType.ACCOUNT, account.getAccountNumber()));
		if (created != null) {
			model.addAttribute("message",
					Text.of("backoffice.account.created", account.getName(), account.getAccountNumber()).in(locale));
		}
		return VIEW_ACCOUNT;
	}

	@PostMapping("/back-office/accounts/{accountNumber}/name")
	String rename(@PathVariable String accountNumber, @RequestParam(required = false) String name, Principal staff,
			RedirectAttributes redirect) {
		return change(accountNumber, redirect, () -> this.accounts.rename(staff.getName(), accountNumber, name),
				Text.of("backoffice.account.renamed"));
	}

	@PostMapping("/back-office/accounts/{accountNumber}/customer-number")
	String customerNumber(@PathVariable String accountNumber, @RequestParam(required = false) String customerNumber,
			Principal staff, RedirectAttributes redirect) {
		return change(accountNumber, redirect,
				() -> this.accounts.changeCustomerNumber(staff.getName(), accountNumber, customerNumber),
				Text.of("backoffice.account.customerNumber.saved"));
	}

	/** Relates this account to the other: a customer to a partner, or a partner to a customer. */
	@PostMapping("/back-office/accounts/{accountNumber}/relations")
	String relate(@PathVariable String accountNumber, @RequestParam(required = false) String other, Principal staff,
			RedirectAttributes redirect) {
		return change(accountNumber, redirect, () -> {
			boolean partner = this.accounts.find(accountNumber).isPartner();
			this.accounts.relate(staff.getName(), partner ? other : accountNumber, partner ? accountNumber : other);
		}, Text.of("backoffice.account.related"));
	}

	@PostMapping("/back-office/accounts/{accountNumber}/relations/{otherAccountNumber}/remove")
	String unrelate(@PathVariable String accountNumber, @PathVariable String otherAccountNumber, Principal staff,
			RedirectAttributes redirect) {
		return change(accountNumber, redirect, () -> {
			boolean partner = this.accounts.find(accountNumber).isPartner();
			this.accounts.unrelate(staff.getName(), partner ? otherAccountNumber : accountNumber,
					partner ? accountNumber : otherAccountNumber);
		}, Text.of("backoffice.account.unrelated"));
	}

	@PostMapping("/back-office/accounts/{accountNumber}/disable")
	String disable(@PathVariable String accountNumber, Principal staff, RedirectAttributes redirect) {
		return change(accountNumber, redirect,
				() -> this.accounts.changeStatus(staff.getName(), accountNumber, AccountStatus.DISABLED),
				Text.of("backoffice.account.disabled"));
	}

	@PostMapping("/back-office/accounts/{accountNumber}/enable")
	String enable(@PathVariable String accountNumber, Principal staff, RedirectAttributes redirect) {
		return change(accountNumber, redirect,
				() -> this.accounts.changeStatus(staff.getName(), accountNumber, AccountStatus.ACTIVE),
				Text.of("backoffice.account.enabled"));
	}

	@GetMapping("/back-office/accounts/{accountNumber}/audit.csv")
	void auditCsv(@PathVariable String accountNumber, HttpServletResponse response) throws IOException {
		Account account = this.accounts.find(accountNumber);
		BackOfficeAuditController.download(response, "audit-" + account.getAccountNumber() + ".csv",
				out -> this.audit.writeCsv(SubjectType.ACCOUNT, account.getAccountNumber(), out));
	}

	/** Runs the change; a refusal is shown on the account's page, and nothing changed. */
	private String change(String accountNumber, RedirectAttributes redirect, Runnable change, Text done) {
		Account account = this.accounts.find(accountNumber);
		try {
			change.run();
			redirect.addFlashAttribute("message", done.in(locale()));
		}
		catch (RefusedException refused) {
			redirect.addFlashAttribute("error", refused.message(locale()));
		}
		return "redirect:/back-office/accounts/" + account.getAccountNumber();
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
