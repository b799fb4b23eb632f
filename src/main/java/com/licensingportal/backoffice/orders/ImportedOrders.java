package com.licensingportal.backoffice.orders;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.account.AccountType;
import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Text;
import com.licensingportal.backoffice.orders.SalesOrderCsv.Column;
import com.licensingportal.backoffice.orders.SalesOrderCsv.OrderRows;
import com.licensingportal.backoffice.orders.SalesOrderCsv.Problem;
import com.licensingportal.backoffice.orders.SalesOrderCsv.Row;
import com.licensingportal.salesorder.OrderLineCheck;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderRequest;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The orders of an import file as the intake takes them: each order's rows become a {@link SalesOrderRequest},
 * checked by the intake's own rules (the API's field checks, the catalogue, an order number already used for
 * other content), with every problem named by row and column. The sold-to account must exist: its customer
 * number gives the order's sold-to name and type.
 */
@Component
public class ImportedOrders {

	/** What a check of the whole file found. */
	public record Checked(List<Problem> problems, long problemCount, long orders, long lines, long alreadyReceived) {

		public boolean importable() {
			return this.problemCount == 0;
		}

	}

	/** One order of the file, ready for the intake, and whether the portal has it already. */
	record Order(SalesOrderRequest request, int lines, boolean alreadyReceived) {
	}

	static final int MAX_PROBLEMS_SHOWN = 200;

	private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.?(.*)");

	private static final Map<String, Column> COLUMNS = SalesOrderCsv.columnsByField();

	private final AccountRepository accounts;

	private final SalesOrderIntakeService intake;

	private final TransactionTemplate readOnly;

	ImportedOrders(AccountRepository accounts, SalesOrderIntakeService intake, PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.intake = intake;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/** Checks every row of the file. */
	Checked check(Path file) {
		List<Problem> shown = new ArrayList<>();
		long[] counts = new long[4]; // problems, orders, lines, already received
		Consumer<Problem> problems = problem -> {
			counts[0]++;
			if (shown.size() < MAX_PROBLEMS_SHOWN) {
				shown.add(problem);
			}
		};
		long rows = read(file, order -> {
			counts[1]++;
			counts[2] += order.lines();
			counts[3] += order.alreadyReceived() ? 1 : 0;
		}, problems);
		return new Checked(shown, counts[0], counts[1], rows, counts[3]);
	}

	/**
	 * Reads the file's orders one at a time, each checked in a read-only transaction of its own (or the caller's).
	 * Orders with problems are not handed on.
	 * @return the number of data rows
	 */
	long read(Path file, Consumer<Order> orders, Consumer<Problem> problems) {
		Reading reading = new Reading(this.intake.lineCheck(), problems);
		return SalesOrderCsv.read(file, rows -> this.readOnly.execute(status -> reading.order(rows)).ifPresent(orders),
				problems);
	}

	/** The sold-to account of a customer number, as much of it as an order needs. */
	private record SoldTo(String name, AccountType type) {
	}

	/** One pass, remembering the accounts it looked up. */
	private final class Reading {

		private final OrderLineCheck lineCheck;

		private final Consumer<Problem> problems;

		private final Map<String, Optional<SoldTo>> soldTo = new HashMap<>();

		Reading(OrderLineCheck lineCheck, Consumer<Problem> problems) {
			this.lineCheck = lineCheck;
			this.problems = problems;
		}

		Optional<Order> order(OrderRows rows) {
			Row first = rows.first();
			String customerNumber = first.cell(Column.CUSTOMER_NUMBER);
			Optional<SoldTo> account = customerNumber.isEmpty() ? Optional.empty()
					: this.soldTo.computeIfAbsent(customerNumber, number -> ImportedOrders.this.accounts
						.findByCustomerNumber(number)
						.map(found -> new SoldTo(found.getName(), found.getType())));
			boolean fine = true;
			if (!customerNumber.isEmpty() && account.isEmpty()) {
				this.problems.accept(new Problem(first.number(), Column.CUSTOMER_NUMBER.label(),
						Text.of("backoffice.import.check.noAccount", customerNumber)));
				fine = false;
			}
			SalesOrderRequest request;
			try {
				request = SalesOrderRequest.read(json(rows, account.orElse(new SoldTo("-", AccountType.CUSTOMER))));
			}
			catch (RefusedException invalid) {
				invalid.errors().forEach(problem -> this.problems.accept(problem(rows, problem)));
				return Optional.empty();
			}
			List<FieldError> catalogue = this.lineCheck.problems(request);
			catalogue.forEach(problem -> this.problems.accept(problem(rows, problem)));
			Optional<List<String>> differences = ImportedOrders.this.intake.differencesFromReceived(request);
			if (differences.isPresent() && !differences.get().isEmpty()) {
				this.problems.accept(new Problem(first.number(), Column.ORDER_NUMBER.label(),
						Text.of("backoffice.import.check.otherContent", request.orderNumber(),
								String.join(", ", differences.get().stream().map(SalesOrderCsv::inColumnWords).toList()))));
				fine = false;
			}
			if (!fine || !catalogue.isEmpty()) {
				return Optional.empty();
			}
			return Optional.of(new Order(request, rows.rows().size(), differences.isPresent()));
		}

	}

	/** The order as the intake API's JSON, so that the API's own checks apply to every cell. */
	private static ObjectNode json(OrderRows rows, SoldTo soldTo) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		Row first = rows.first();
		ObjectNode order = nodes.objectNode();
		order.put("orderNumber", first.cell(Column.ORDER_NUMBER));
		order.put("orderDate", first.cell(Column.ORDER_DATE));
		order.putObject("soldTo")
			.put("customerNumber", first.cell(Column.CUSTOMER_NUMBER))
			.put("name", soldTo.name())
			.put("type", soldTo.type().name());
		order.putObject("contact")
			.put("email", first.cell(Column.CONTACT_EMAIL))
			.put("firstName", first.cell(Column.CONTACT_FIRST_NAME))
			.put("lastName", first.cell(Column.CONTACT_LAST_NAME));
		var lines = order.putArray("lines");
		for (Row row : rows.rows()) {
			ObjectNode line = lines.addObject();
			number(line, "lineNumber", row.cell(Column.LINE));
			line.put("partNumber", row.cell(Column.PART_NUMBER));
			line.put("version", row.cell(Column.VERSION));
			number(line, "quantity", row.cell(Column.QUANTITY));
			line.put("renewsActivationId", row.cell(Column.RENEWS_ACTIVATION_ID));
		}
		return order;
	}

	/** A whole number as a number; anything else as the text, which the API's check calls not a whole number. */
	private static void number(ObjectNode line, String field, String cell) {
		try {
			line.put(field, Integer.parseInt(cell));
		}
		catch (NumberFormatException notWhole) {
			line.put(field, cell);
		}
	}

	/** An API field's problem as a problem of the file's row and column, in the column's words. */
	private static Problem problem(OrderRows rows, FieldError problem) {
		Matcher line = LINE_FIELD.matcher(problem.field());
		long row = rows.first().number();
		String field = problem.field();
		if (line.matches()) {
			int index = Integer.parseInt(line.group(1));
			row = index < rows.rows().size() ? rows.rows().get(index).number() : row;
			field = line.group(2);
		}
		Column column = COLUMNS.get(field);
		if (field.equals("lines")) {
			return new Problem(row, Column.ORDER_NUMBER.label(), Text.of("backoffice.import.check.tooManyLines",
					rows.orderNumber(), rows.rows().size(), SalesOrderRequest.MAX_LINES));
		}
		return new Problem(row, column == null ? null : column.label(), problem);
	}

}
