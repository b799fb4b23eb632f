package com.licensingportal.backoffice.product;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.licensingportal.refusal.RefusedException;
import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Text;
import com.licensingportal.backoffice.audit.AuditAction;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;
import com.licensingportal.license.Product;
import com.licensingportal.license.ProductRepository;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order Management's product catalogue: part numbers with name, product type, term (permanent or N months) and the
 * part numbers that renew them; a retired product takes no new orders, its licenses stay as they are. Every change is
 * checked first (a sentence, nothing changed) and recorded in the audit trail.
 */
@Service
public class ProductCatalogue {

	static final String PART_NUMBER = "[A-Z0-9][A-Z0-9._-]{0,63}";

	/** What the catalogue pages and the API show of a product. */
	public record ProductView(String partNumber, String name, String productType, Integer termMonths,
			List<String> renewalPartNumbers, boolean retired) {

		static ProductView of(Product product) {
			return new ProductView(product.getPartNumber(), product.getName(), product.getProductType(),
					product.getTermMonths(),
					product.getRenewals().stream().map(Product::getPartNumber).sorted().toList(), product.isRetired());
		}

		public String term() {
			return this.termMonths == null ? "Permanent" : this.termMonths + " months";
		}

		String describe() {
			return this.name + "; type " + this.productType + "; " + term() + "; renewed by "
					+ (this.renewalPartNumbers.isEmpty() ? "(none)" : String.join(", ", this.renewalPartNumbers))
					+ (this.retired ? "; retired" : "");
		}

	}

	/** What Order Management enters for a product; the term is blank for permanent. */
	public record ProductForm(String name, String productType, String termMonths, String renewalPartNumbers) {
	}

	private final ProductRepository products;

	private final BackOfficeAudit audit;

	ProductCatalogue(ProductRepository products, BackOfficeAudit audit) {
		this.products = products;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<ProductView> all() {
		return this.products.findAll(Sort.by("partNumber")).stream().map(ProductView::of).toList();
	}

	@Transactional(readOnly = true)
	public ProductView find(String partNumber) {
		return ProductView.of(load(partNumber));
	}

	@Transactional
	public ProductView create(String actor, String partNumber, ProductForm form) {
		String number = partNumber == null ? "" : partNumber.strip().toUpperCase(Locale.ROOT);
		if (!number.matches(PART_NUMBER)) {
			throw RefusedException.invalid("partNumber", Text.of("backoffice.product.partNumber.invalid"));
		}
		if (this.products.findByPartNumber(number).isPresent()) {
			throw RefusedException.invalid("partNumber", Text.of("backoffice.product.partNumber.taken", number));
		}
		Checked checked = check(number, form);
		Product product = new Product(number, checked.name, checked.type);
		product.describe(checked.name, checked.type, checked.term);
		checked.renewals.forEach(product::addRenewal);
		product = this.products.saveAndFlush(product);
		ProductView view = ProductView.of(product);
		this.audit.record(actor, SubjectType.PRODUCT, number, AuditAction.CREATED, null, view.describe());
		return view;
	}

	@Transactional
	public ProductView edit(String actor, String partNumber, ProductForm form) {
		Product product = load(partNumber);
		Checked checked = check(product.getPartNumber(), form);
		String before = ProductView.of(product).describe();
		product.describe(checked.name, checked.type, checked.term);
		product.getRenewals().clear();
		checked.renewals.forEach(product::addRenewal);
		this.products.flush();
		ProductView after = ProductView.of(product);
		this.audit.record(actor, SubjectType.PRODUCT, product.getPartNumber(), AuditAction.EDITED, before, after.describe());
		return after;
	}

	/** Retired: no new orders; reactivated: orders again. Licenses already sold stay as they are either way. */
	@Transactional
	public ProductView retire(String actor, String partNumber, boolean retire) {
		Product product = load(partNumber);
		if (product.isRetired() == retire) {
			return ProductView.of(product);
		}
		if (retire) {
			product.retire();
		}
		else {
			product.reactivate();
		}
		this.audit.record(actor, SubjectType.PRODUCT, product.getPartNumber(), retire ? AuditAction.RETIRED : AuditAction.REACTIVATED,
				retire ? "ACTIVE" : "RETIRED", retire ? "RETIRED" : "ACTIVE");
		return ProductView.of(product);
	}

	private record Checked(String name, String type, Integer term, Set<Product> renewals) {
	}

	private Checked check(String partNumber, ProductForm form) {
		List<FieldError> problems = new ArrayList<>();
		String name = text(form.name());
		String type = text(form.productType());
		if (name.isEmpty() || name.length() > 200) {
			problems.add(new FieldError("name", Text.of("backoffice.product.name.required", 200)));
		}
		if (type.isEmpty() || type.length() > 100) {
			problems.add(new FieldError("productType", Text.of("backoffice.product.type.required", 100)));
		}
		Integer term = null;
		String termText = text(form.termMonths());
		if (!termText.isEmpty()) {
			if (termText.matches("\\d{1,4}") && Integer.parseInt(termText) >= 1 && Integer.parseInt(termText) <= 1200) {
				term = Integer.parseInt(termText);
			}
			else {
				problems.add(new FieldError("termMonths", Text.of("backoffice.product.term.invalid")));
			}
		}
		Set<Product> renewals = new LinkedHashSet<>();
		for (String renewal : Arrays.stream(text(form.renewalPartNumbers()).split("[,;\\s]+"))
			.filter(part -> !part.isBlank())
			.map(part -> part.toUpperCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new))) {
			if (renewal.equals(partNumber)) {
				problems.add(new FieldError("renewalPartNumbers", Text.of("backoffice.product.renewal.itself", renewal)));
				continue;
			}
			Product found = this.products.findByPartNumber(renewal).orElse(null);
			if (found == null) {
				problems.add(new FieldError("renewalPartNumbers", Text.of("backoffice.product.renewal.unknown", renewal)));
			}
			else if (found.isPermanent()) {
				problems.add(new FieldError("renewalPartNumbers",
						Text.of("backoffice.product.renewal.permanent", renewal)));
			}
			else {
				renewals.add(found);
			}
		}
		if (!problems.isEmpty()) {
			throw RefusedException.invalid(problems);
		}
		return new Checked(name, type, term, renewals);
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	private Product load(String partNumber) {
		String number = partNumber == null ? "" : partNumber.strip().toUpperCase(Locale.ROOT);
		return this.products.findByPartNumber(number)
			.orElseThrow(() -> RefusedException.notFound(number.isEmpty() ? Text.of("backoffice.product.noNumber")
					: Text.of("backoffice.product.notFound", number)));
	}

}
