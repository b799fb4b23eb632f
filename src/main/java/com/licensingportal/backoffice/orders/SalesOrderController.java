package com.licensingportal.backoffice.orders;

import java.io.IOException;
import java.util.Locale;
import java.util.Arrays;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.backoffice.audit.BackOfficeAuditController;

import com.licensingportal.salesorder.SalesOrderIntakeService.Cancellation;
import com.licensingportal.salesorder.SalesOrderState;
import com.licensingportal.base.PageRefusal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Sales orders in the back office: the search, an order's page, an order entered by hand, a line cancelled. */
@Controller
class SalesOrderController {

	static final String VIEW_LIST = "backoffice/orders/sales-orders";

	static final String VIEW_ORDER = "backoffice/orders/sales-order";

	static final String VIEW_NEW = "backoffice/orders/new-sales-order";

	private final SalesOrderDesk desk;

	private final BackOfficeAudit audit;

	SalesOrderController(SalesOrderDesk desk, BackOfficeAudit audit) {
		this.desk = desk;
		this.audit = audit;
	}

	@GetMapping("/back-office/sales-orders")
	String list(@ModelAttribute("search") SalesOrderSearch search, Model model, Locale locale) {
		SalesOrderDesk.Page page = this.desk.search(search, locale);
		model.addAttribute("page", page);
		model.addAttribute("states", Arrays.stream(SalesOrderState.values()).map(Enum::name).toList());
		model.addAttribute("pageSizes", SalesOrderSearch.PAGE_SIZES);
		if (!page.problems().isEmpty()) {
			PageRefusal.answer(model, HttpStatus.UNPROCESSABLE_ENTITY);
		}
		return VIEW_LIST;
	}

	@GetMapping("/back-office/sales-orders/{orderNumber}")
	String show(@PathVariable String orderNumber, Model model) {
		model.addAttribute("order", this.desk.details(orderNumber));
		model.addAttribute("process", this.desk.process(orderNumber).orElse(null));
		model.addAttribute("auditTrail", this.desk.auditTrail(orderNumber));
		return VIEW_ORDER;
	}

	@GetMapping("/back-office/sales-orders/new")
	String newOrder(Model model) {
		model.addAttribute("form", new SalesOrderForm());
		return VIEW_NEW;
	}

	@PostMapping("/back-office/sales-orders/new")
	String enter(@ModelAttribute("form") SalesOrderForm form, Authentication staff, Model model,
			RedirectAttributes redirect, Locale locale) {
		SalesOrderDesk.Entry entry;
		try {
			entry = this.desk.enter(form, staff.getName(), locale);
		}
		catch (RefusedException refused) {
			form.fillLineRows();
			model.addAttribute("message", refused.message(locale));
			PageRefusal.answer(model, refused);
			return VIEW_NEW;
		}
		if (!entry.problems().isEmpty()) {
			form.fillLineRows();
			model.addAttribute("problems", entry.problems());
			return VIEW_NEW;
		}
		redirect.addFlashAttribute("message", Text.of(entry.created() ? "backoffice.orders.received"
				: "backoffice.orders.receivedBefore", entry.orderNumber()).in(locale));
		return "redirect:" + orderPath(entry.orderNumber());
	}

	@PostMapping("/back-office/sales-orders/{orderNumber}/lines/{lineNumber}/cancel")
	String cancel(@PathVariable String orderNumber, @PathVariable int lineNumber, Authentication staff,
			RedirectAttributes redirect, Locale locale) {
		Cancellation cancelled = this.desk.cancelLine(orderNumber, lineNumber, staff.getName());
		redirect.addFlashAttribute("message", Text.of("backoffice.orders.lineCancelled", lineNumber,
				cancelled.cancelledChannels(), cancelled.activationId(), cancelled.remainingChannels()).in(locale));
		return "redirect:" + orderPath(orderNumber);
	}

	@GetMapping("/back-office/sales-orders/{orderNumber}/audit.csv")
	void auditCsv(@PathVariable String orderNumber, HttpServletResponse response) throws IOException {
		String known = this.desk.details(orderNumber).orderNumber();
		BackOfficeAuditController.download(response, "audit-" + known + ".csv",
				out -> this.audit.writeCsv(SubjectType.SALES_ORDER, known, out));
	}

	static String orderPath(String orderNumber) {
		return UriComponentsBuilder.fromPath("/back-office/sales-orders/{orderNumber}").buildAndExpand(orderNumber)
			.encode()
			.toUriString();
	}

}
