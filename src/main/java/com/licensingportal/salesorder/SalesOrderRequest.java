package com.licensingportal.salesorder;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.licensingportal.account.AccountType;
import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Text;
import com.licensingportal.refusal.RefusedException;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A sales order as the order system sends it to {@code POST /api/v1/sales-orders}. Read by hand from the JSON
 * tree, so that every field that is wrong is named at once (422) and every field this call does not know is
 * refused (400) before anything is stored.
 */
@Schema(name = "SalesOrder", description = "A sales order from the order system")
public record SalesOrderRequest(
		@Schema(example = "SO-2026-1001", description = "The order system's order number; the same number twice is the same order") String orderNumber,
		@Schema(example = "2026-12-06", description = "Terms of subscriptions and renewals count from this day") LocalDate orderDate,
		SoldTo soldTo, Contact contact, List<Line> lines) {

	public static final int MAX_LINES = 500;

	public static final int MAX_QUANTITY = 100_000;

	private static final Pattern ORDER_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	@Schema(name = "SalesOrderSoldTo", description = "The customer on the order: the account that gets the licenses")
	public record SoldTo(@Schema(example = "C-10001") String customerNumber,
			@Schema(example = "Harbor Logistics") String name,
			@Schema(example = "CUSTOMER", allowableValues = { "PARTNER", "CUSTOMER" }) AccountType type,
			@Schema(example = "P-20001", nullable = true,
					description = "For a customer: the partner that sold the order, by its customer number") String partnerCustomerNumber) {
	}

	@Schema(name = "SalesOrderContact", description = "Who gets the licenses when the account has no administrator yet")
	public record Contact(@Schema(example = "it@harbor.example") String email, @Schema(example = "Ana") String firstName,
			@Schema(example = "Silva") String lastName) {
	}

	@Schema(name = "SalesOrderLine", description = "A new license (partNumber, version, quantity) or a renewal (partNumber, renewsActivationId, quantity)")
	public record Line(@Schema(example = "1") int lineNumber, @Schema(example = "ACC7-ENT-CH") String partNumber,
			@Schema(example = "7.14", nullable = true) String version, @Schema(example = "16") int quantity,
			@Schema(example = "7KQ2-9XTM-C4HP-R8WD", nullable = true) String renewsActivationId) {

		public boolean isRenewal() {
			return this.renewsActivationId != null;
		}

	}

	/**
	 * Reads and checks the order's shape.
	 * @throws RefusedException (MALFORMED) for fields the call does not know
	 * @throws RefusedException (INVALID) naming every field that is missing or wrong
	 */
	public static SalesOrderRequest read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw RefusedException.invalid("body", Text.of("backoffice.order.api.notObject"));
		}
		List<String> unknown = new ArrayList<>();
		unknownFields(body, "", Set.of("orderNumber", "orderDate", "soldTo", "contact", "lines"), unknown);
		unknownFields(body.get("soldTo"), "soldTo.", Set.of("customerNumber", "name", "type", "partnerCustomerNumber"), unknown);
		unknownFields(body.get("contact"), "contact.", Set.of("email", "firstName", "lastName"), unknown);
		JsonNode lineNodes = body.get("lines");
		if (lineNodes != null && lineNodes.isArray()) {
			for (int i = 0; i < lineNodes.size(); i++) {
				unknownFields(lineNodes.get(i), "lines[" + i + "].",
						Set.of("lineNumber", "partNumber", "version", "quantity", "renewsActivationId"), unknown);
			}
		}
		if (!unknown.isEmpty()) {
			throw RefusedException.malformed(Text.of("backoffice.order.api.unknownFields", unknown.size(),
					String.join(", ", unknown)));
		}
		Reader reader = new Reader();
		String orderNumber = reader.text(body, "orderNumber", "orderNumber", 64, true);
		if (orderNumber != null && !ORDER_NUMBER.matcher(orderNumber).matches()) {
			reader.problem("orderNumber", Text.of("backoffice.order.api.orderNumber"));
		}
		LocalDate orderDate = reader.date(body, "orderDate");
		SoldTo soldTo = null;
		JsonNode soldToNode = reader.object(body, "soldTo");
		if (soldToNode != null) {
			String type = reader.text(soldToNode, "type", "soldTo.type", 16, true);
			AccountType accountType = null;
			if (type != null) {
				try {
					accountType = AccountType.valueOf(type.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					reader.problem("soldTo.type", Text.of("backoffice.order.api.type"));
				}
			}
			soldTo = new SoldTo(reader.text(soldToNode, "customerNumber", "soldTo.customerNumber", 40, true),
					reader.text(soldToNode, "name", "soldTo.name", 200, true), accountType,
					reader.text(soldToNode, "partnerCustomerNumber", "soldTo.partnerCustomerNumber", 40, false));
			if (accountType == AccountType.PARTNER && soldTo.partnerCustomerNumber() != null) {
				reader.problem("soldTo.partnerCustomerNumber", Text.of("backoffice.order.api.partnerOfPartner"));
			}
		}
		Contact contact = null;
		JsonNode contactNode = reader.object(body, "contact");
		if (contactNode != null) {
			contact = new Contact(reader.text(contactNode, "email", "contact.email", 254, true),
					reader.text(contactNode, "firstName", "contact.firstName", 100, false),
					reader.text(contactNode, "lastName", "contact.lastName", 100, false));
			if (contact.email() != null && !EMAIL.matcher(contact.email()).matches()) {
				reader.problem("contact.email", Text.of("backoffice.order.api.email"));
			}
		}
		List<Line> lines = reader.lines(lineNodes);
		if (!reader.problems.isEmpty()) {
			throw RefusedException.invalid(reader.problems);
		}
		return new SalesOrderRequest(orderNumber, orderDate, soldTo, contact, lines);
	}

	/** The fields whose values differ from {@code other}'s, by their JSON names; empty when the same order. */
	List<String> differencesFrom(SalesOrderRequest other) {
		List<String> differences = new ArrayList<>();
		differ(differences, "orderDate", this.orderDate, other.orderDate);
		differ(differences, "soldTo.customerNumber", this.soldTo.customerNumber(), other.soldTo.customerNumber());
		differ(differences, "soldTo.name", this.soldTo.name(), other.soldTo.name());
		differ(differences, "soldTo.type", this.soldTo.type(), other.soldTo.type());
		differ(differences, "soldTo.partnerCustomerNumber", this.soldTo.partnerCustomerNumber(),
				other.soldTo.partnerCustomerNumber());
		differ(differences, "contact.email", lower(this.contact.email()), lower(other.contact.email()));
		differ(differences, "contact.firstName", this.contact.firstName(), other.contact.firstName());
		differ(differences, "contact.lastName", this.contact.lastName(), other.contact.lastName());
		if (this.lines.size() != other.lines.size()) {
			differences.add("lines (" + other.lines.size() + " lines, now " + this.lines.size() + ")");
			return differences;
		}
		List<Line> mineByNumber = byLineNumber(this.lines);
		List<Line> theirsByNumber = byLineNumber(other.lines);
		for (int i = 0; i < mineByNumber.size(); i++) {
			Line mine = mineByNumber.get(i);
			Line theirs = theirsByNumber.get(i);
			String at = "lines[" + i + "].";
			differ(differences, at + "lineNumber", mine.lineNumber(), theirs.lineNumber());
			differ(differences, at + "partNumber", mine.partNumber(), theirs.partNumber());
			differ(differences, at + "version", mine.version(), theirs.version());
			differ(differences, at + "quantity", mine.quantity(), theirs.quantity());
			differ(differences, at + "renewsActivationId", mine.renewsActivationId(), theirs.renewsActivationId());
		}
		return differences;
	}

	private static List<Line> byLineNumber(List<Line> lines) {
		return lines.stream().sorted(java.util.Comparator.comparingInt(Line::lineNumber)).toList();
	}

	private static String lower(String text) {
		return text == null ? null : text.toLowerCase(Locale.ROOT);
	}

	private static void differ(List<String> differences, String field, Object mine, Object theirs) {
		if (!Objects.equals(mine, theirs)) {
			differences.add(field);
		}
	}

	private static void unknownFields(JsonNode node, String prefix, Set<String> known, List<String> unknown) {
		if (node == null || !node.isObject()) {
			return;
		}
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!known.contains(name)) {
				unknown.add(prefix + name);
			}
		}
	}

	/** Collects the problems of one body while reading it. */
	private static final class Reader {

		private final List<FieldError> problems = new ArrayList<>();

		void problem(String field, Text text) {
			this.problems.add(new FieldError(field, text));
		}

		String text(JsonNode parent, String name, String field, int maxLength, boolean required) {
			JsonNode node = parent.get(name);
			if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
				if (required) {
					problem(field, Text.of("backoffice.order.api.required", field));
				}
				return null;
			}
			if (!node.isTextual()) {
				problem(field, Text.of("backoffice.order.api.text", field));
				return null;
			}
			String text = node.asText().strip();
			if (text.length() > maxLength) {
				problem(field, Text.of("backoffice.order.api.tooLong", field, maxLength));
				return null;
			}
			if (text.chars().anyMatch(Character::isISOControl)) {
				problem(field, Text.of("backoffice.order.api.control", field));
				return null;
			}
			return text;
		}

		LocalDate date(JsonNode parent, String field) {
			String text = text(parent, field, field, 10, true);
			if (text == null) {
				return null;
			}
			try {
				return LocalDate.parse(text);
			}
			catch (DateTimeParseException ex) {
				problem(field, Text.of("backoffice.order.api.date", field));
				return null;
			}
		}

		JsonNode object(JsonNode parent, String field) {
			JsonNode node = parent.get(field);
			if (node == null || node.isNull()) {
				problem(field, Text.of("backoffice.order.api.required", field));
				return null;
			}
			if (!node.isObject()) {
				problem(field, Text.of("backoffice.order.api.object", field));
				return null;
			}
			return node;
		}

		Integer number(JsonNode parent, String name, String field) {
			JsonNode node = parent.get(name);
			if (node == null || node.isNull()) {
				problem(field, Text.of("backoffice.order.api.required", field));
				return null;
			}
			if (!node.isIntegralNumber() || !node.canConvertToInt()) {
				problem(field, Text.of("backoffice.order.api.whole", field));
				return null;
			}
			return node.intValue();
		}

		List<Line> lines(JsonNode lineNodes) {
			if (lineNodes == null || lineNodes.isNull()) {
				problem("lines", Text.of("backoffice.order.api.linesRequired"));
				return List.of();
			}
			if (!lineNodes.isArray() || lineNodes.isEmpty() || lineNodes.size() > MAX_LINES) {
				problem("lines", Text.of("backoffice.order.api.linesList", MAX_LINES));
				return List.of();
			}
			List<Line> lines = new ArrayList<>();
			Set<Integer> numbers = new HashSet<>();
			for (int i = 0; i < lineNodes.size(); i++) {
				String at = "lines[" + i + "].";
				JsonNode node = lineNodes.get(i);
				if (!node.isObject()) {
					problem("lines[" + i + "]", Text.of("backoffice.order.api.lineObject"));
					continue;
				}
				Integer lineNumber = number(node, "lineNumber", at + "lineNumber");
				if (lineNumber != null && lineNumber < 1) {
					problem(at + "lineNumber", Text.of("backoffice.order.api.lineNumber", at + "lineNumber"));
				}
				else if (lineNumber != null && !numbers.add(lineNumber)) {
					problem(at + "lineNumber", Text.of("backoffice.order.api.lineNumberTwice", lineNumber));
				}
				String partNumber = text(node, "partNumber", at + "partNumber", 64, true);
				String renews = text(node, "renewsActivationId", at + "renewsActivationId", 32, false);
				String version = text(node, "version", at + "version", 32, renews == null);
				if (renews != null && version != null) {
					problem(at + "version", Text.of("backoffice.order.api.renewalVersion"));
				}
				Integer quantity = number(node, "quantity", at + "quantity");
				if (quantity != null && (quantity < 1 || quantity > MAX_QUANTITY)) {
					problem(at + "quantity", Text.of("backoffice.order.api.quantity", at + "quantity", MAX_QUANTITY));
				}
				lines.add(new Line(lineNumber == null ? 0 : lineNumber, partNumber, version,
						quantity == null ? 0 : quantity, renews == null ? null : renews.toUpperCase(Locale.ROOT)));
			}
			return lines;
		}

	}

}
