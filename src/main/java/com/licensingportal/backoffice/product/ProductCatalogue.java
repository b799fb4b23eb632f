package com.licensingportal.backoffice.product;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.licensingportal.backoffice.BackOfficeRefusedException;
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
			throw BackOfficeRefusedException.invalid("partNumber", "A part number is letters, digits and . _ -, starting"
					+ " with a letter or digit, at most 64 characters, e.g. ACC7-ENT-CH.");
		}
		if (this.products.findByPartNumber(number).isPresent()) {
			throw BackOfficeRefusedException.invalid("partNumber", "The part number " + number
					+ " is already in the catalogue: open it to change it.");
		}
		Checked checked = check(number, form);
		Product product = new Product(number, checked.name, checked.type);
		product.describe(checked.name, checked.type, checked.term);
		checked.renewals.forEach(product::addRenewal);
		product = this.products.saveAndFlush(product);
		ProductView view = ProductView.of(product);
		this.audit.record(actor, SubjectType.PRODUCT, number, "Created", null, view.describe());
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
		this.audit.record(actor, SubjectType.PRODUCT, product.getPartNumber(), "Edited", before, after.describe());
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
		this.audit.record(actor, SubjectType.PRODUCT, product.getPartNumber(), retire ? "Retired" : "Reactivated",
				retire ? "ACTIVE" : "RETIRED", retire ? "RETIRED" : "ACTIVE");
		return ProductView.of(product);
	}

	private record Checked(String name, String type, Integer term, Set<Product> renewals) {
	}

	private Checked check(String partNumber, ProductForm form) {
		List<String> problems = new ArrayList<>();
		String name = text(form.name());
		String type = text(form.productType());
		if (name.isEmpty() || name.length() > 200) {
			problems.add("Enter the product's name (at most 200 characters).");
		}
		if (type.isEmpty() || type.length() > 100) {
			problems.add("Enter the product type, e.g. ACC Enterprise (at most 100 characters); channels are only ever"
					+ " added to a license of the same type.");
		}
		Integer term = null;
		String termText = text(form.termMonths());
		if (!termText.isEmpty()) {
			if (termText.matches("\\d{1,4}") && Integer.parseInt(termText) >= 1 && Integer.parseInt(termText) <= 1200) {
				term = Integer.parseInt(termText);
			}
			else {
				problems.add("The term is a number of months from 1 to 1200; leave it empty for a permanent license.");
			}
		}
		Set<Product> renewals = new LinkedHashSet<>();
		for (String renewal : Arrays.stream(text(form.renewalPartNumbers()).split("[,;\\s]+"))
			.filter(part -> !part.isBlank())
			.map(part -> part.toUpperCase(Locale.ROOT))
			.collect(Collectors.toCollection(LinkedHashSet::new))) {
			if (renewal.equals(partNumber)) {
				problems.add(renewal + " cannot renew itself.");
				continue;
			}
			Product found = this.products.findByPartNumber(renewal).orElse(null);
			if (found == null) {
				problems.add("There is no part number " + renewal + " in the catalogue to renew with.");
			}
			else if (found.isPermanent()) {
				problems.add(renewal + " is permanent: a renewal part number needs a term to extend licenses by.");
			}
			else {
				renewals.add(found);
			}
		}
		if (!problems.isEmpty()) {
			throw BackOfficeRefusedException.invalid("product", String.join(" ", problems));
		}
		return new Checked(name, type, term, renewals);
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	private Product load(String partNumber) {
		String number = partNumber == null ? "" : partNumber.strip().toUpperCase(Locale.ROOT);
		return this.products.findByPartNumber(number)
			.orElseThrow(() -> BackOfficeRefusedException.notFound("There is no part number "
					+ (number.isEmpty() ? "(empty)" : number) + " in the catalogue."));
	}

}
