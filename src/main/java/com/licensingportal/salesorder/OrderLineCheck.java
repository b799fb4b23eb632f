package com.licensingportal.salesorder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Text;
import com.licensingportal.license.LineItem;
import com.licensingportal.license.LineItemRepository;
import com.licensingportal.license.Product;
import com.licensingportal.license.ProductRepository;

/**
 * An order's lines against the catalogue and the licenses they renew: the rules that the intake applies before it
 * stores an order, and that the back office's CSV import applies to a whole file before it imports any of it.
 * Remembers what it looked up, so that a file of 10,000 lines asks for each part number once. Use it inside one
 * transaction.
 */
public final class OrderLineCheck {

	/** What a line that passed the check stands for. */
	record CheckedLine(SalesOrderRequest.Line line, Product product, LineItem renews) {
	}

	private final ProductRepository products;

	private final LineItemRepository lineItems;

	private final Map<String, Optional<Product>> productsByPartNumber = new HashMap<>();

	private final Map<Long, Boolean> renewalParts = new HashMap<>();

	OrderLineCheck(ProductRepository products, LineItemRepository lineItems) {
		this.products = products;
		this.lineItems = lineItems;
	}

	/** The problems of the order's lines, named as the API names fields ({@code lines[2].partNumber}). */
	public List<FieldError> problems(SalesOrderRequest request) {
		List<FieldError> problems = new ArrayList<>();
		check(request, problems);
		return problems;
	}

	List<CheckedLine> check(SalesOrderRequest request, List<FieldError> problems) {
		List<CheckedLine> checked = new ArrayList<>();
		for (int i = 0; i < request.lines().size(); i++) {
			SalesOrderRequest.Line line = request.lines().get(i);
			String at = "lines[" + i + "].";
			Product product = product(line.partNumber());
			if (product == null) {
				problems.add(new FieldError(at + "partNumber", Text.of("backoffice.order.line.noProduct", line.partNumber())));
				continue;
			}
			if (product.isRetired()) {
				problems.add(new FieldError(at + "partNumber",
						Text.of("backoffice.order.line.retired", line.partNumber())));
				continue;
			}
			LineItem renews = null;
			if (line.isRenewal()) {
				renews = this.lineItems
					.findWithDetailsByActivationId(line.renewsActivationId().strip().toUpperCase(Locale.ROOT))
					.orElse(null);
				if (renews == null) {
					problems.add(new FieldError(at + "renewsActivationId",
							Text.of("backoffice.order.line.noLicense", line.renewsActivationId())));
					continue;
				}
				if (!renews.getProduct().isRenewedBy(product) || product.isPermanent()) {
					problems.add(new FieldError(at + "renewsActivationId", Text.of("backoffice.order.line.notRenewedBy",
							line.renewsActivationId(), renews.getProduct().getPartNumber(), line.partNumber())));
					continue;
				}
			}
			else if (this.renewalParts.computeIfAbsent(product.getId(), this.products::isRenewalPart)) {
				problems.add(new FieldError(at + "renewsActivationId", Text.of("backoffice.order.line.isRenewal", line.partNumber())));
				continue;
			}
			checked.add(new CheckedLine(line, product, renews));
		}
		return checked;
	}

	private Product product(String partNumber) {
		return this.productsByPartNumber.computeIfAbsent(partNumber, this.products::findByPartNumber).orElse(null);
	}

}
