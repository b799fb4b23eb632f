package com.licensingportal.backoffice.product;

import java.io.IOException;
import java.util.Locale;
import java.security.Principal;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.text.Text;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.backoffice.audit.BackOfficeAuditController;
import com.licensingportal.backoffice.product.ProductCatalogue.ProductForm;
import com.licensingportal.backoffice.product.ProductCatalogue.ProductView;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The product catalogue in the back office: list, create, edit, retire and reactivate. */
@Controller
class BackOfficeProductController {

	static final String VIEW_LIST = "backoffice/products";

	static final String VIEW_PRODUCT = "backoffice/product";

	private final ProductCatalogue catalogue;

	private final BackOfficeAudit audit;

	BackOfficeProductController(ProductCatalogue catalogue, BackOfficeAudit audit) {
		this.catalogue = catalogue;
		this.audit = audit;
	}

	@GetMapping("/back-office/products")
	String list(Model model) {
		model.addAttribute("products", this.catalogue.all());
		return VIEW_LIST;
	}

	@PostMapping("/back-office/products")
	String create(@RequestParam(required = false) String partNumber, ProductForm form, Principal staff, Model model,
			HttpServletResponse response, Locale locale) {
		try {
			ProductView product = this.catalogue.create(staff.getName(), partNumber, form);
			return "redirect:/back-office/products/" + product.partNumber();
		}
		catch (RefusedException refused) {
			response.setStatus(refused.kind().status());
			model.addAttribute("error", refused.message(locale));
			model.addAttribute("partNumber", partNumber);
			model.addAttribute("form", form);
			model.addAttribute("products", this.catalogue.all());
			return VIEW_LIST;
		}
	}

	@GetMapping("/back-office/products/{partNumber}")
	String product(@PathVariable String partNumber, Model model) {
		ProductView product = this.catalogue.find(partNumber);
		model.addAttribute("product", product);
		model.addAttribute("auditTrail", this.audit.of(SubjectType.PRODUCT, product.partNumber()));
		return VIEW_PRODUCT;
	}

	@PostMapping("/back-office/products/{partNumber}")
	String edit(@PathVariable String partNumber, ProductForm form, Principal staff, RedirectAttributes redirect) {
		return change(partNumber, redirect, () -> this.catalogue.edit(staff.getName(), partNumber, form), Text.of("backoffice.product.saved"));
	}

	@PostMapping("/back-office/products/{partNumber}/retire")
	String retire(@PathVariable String partNumber, Principal staff, RedirectAttributes redirect) {
		return change(partNumber, redirect, () -> this.catalogue.retire(staff.getName(), partNumber, true),
				Text.of("backoffice.product.retired"));
	}

	@PostMapping("/back-office/products/{partNumber}/reactivate")
	String reactivate(@PathVariable String partNumber, Principal staff, RedirectAttributes redirect) {
		return change(partNumber, redirect, () -> this.catalogue.retire(staff.getName(), partNumber, false),
				Text.of("backoffice.product.reactivated"));
	}

	@GetMapping("/back-office/products/{partNumber}/audit.csv")
	void auditCsv(@PathVariable String partNumber, HttpServletResponse response) throws IOException {
		ProductView product = this.catalogue.find(partNumber);
		BackOfficeAuditController.download(response, "audit-" + product.partNumber() + ".csv",
				out -> this.audit.writeCsv(SubjectType.PRODUCT, product.partNumber(), out));
	}

	private String change(String partNumber, RedirectAttributes redirect, Runnable change, Text done) {
		ProductView product = this.catalogue.find(partNumber);
		try {
			change.run();
			redirect.addFlashAttribute("message", done.in(LocaleContextHolder.getLocale()));
		}
		catch (RefusedException refused) {
			redirect.addFlashAttribute("error", refused.message(LocaleContextHolder.getLocale()));
		}
		return "redirect:/back-office/products/" + product.partNumber();
	}

}
