package com.licensingportal.backoffice.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.licensingportal.refusal.RefusedException;
import com.licensingportal.account.AccountRepository;
import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Messages;
import com.licensingportal.text.Text;
import com.licensingportal.license.LineItem;
import com.licensingportal.salesorder.SalesOrder;
import com.licensingportal.salesorder.SalesOrderIntakeProcess;
import com.licensingportal.salesorder.SalesOrderIntakeService;
import com.licensingportal.salesorder.SalesOrderIntakeService.Cancellation;
import com.licensingportal.salesorder.SalesOrderIntakeService.Receipt;
import com.licensingportal.salesorder.SalesOrderRequest;
import com.licensingportal.salesorder.SalesOrderState;

import com.licensingportal.backoffice.audit.AuditAction;
import com.licensingportal.backoffice.audit.AuditEntry;
import com.licensingportal.backoffice.audit.AuditEntry.SubjectType;
import com.licensingportal.backoffice.audit.BackOfficeAudit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sales orders in the back office: the search, an order's page (with its intake process and incidents), an
 * order entered by hand (through the intake, as the API's orders) and a line cancelled (a credit note).
 */
@Service
public class SalesOrderDesk {

	/** One row of the search. */
	public record Row(String orderNumber, LocalDate orderDate, String customerNumber, String soldToName,
			String accountNumber, String accountName, SalesOrderState state, String entitlementId, int lines,
			Instant receivedAt, String receivedBy) {
	}

	public record Page(List<Row> rows, long matching, int number, int size, List<String> problems) {

		public int pages() {
			return (int) Math.max(1, (this.matching + this.size - 1) / this.size);
		}

	}

	/** An order as its page shows it. */
	public record Details(String orderNumber, LocalDate orderDate, String customerNumber, String soldToName,
			String soldToType, String partnerCustomerNumber, String contact, SalesOrderState state,
			String rejectionReason, String accountNumber, String accountName, String entitlementId, Instant receivedAt,
			String receivedBy, List<LineDetails> lines) {
	}

	public record LineDetails(int lineNumber, String partNumber, String productName, String version, int quantity,
			String renewsActivationId, String activationId, Integer available, Integer total, LocalDate expiresOn,
			boolean cancellable) {
	}

	/** What entering an order by hand came to: the problems by form field, or the order taken in. */
	public record Entry(Map<String, String> problems, String orderNumber, boolean created) {
	}

	private final SalesOrderIntakeService intake;

	private final SalesOrderIntakeProcess process;

	private final AccountRepository accounts;

	private final NamedParameterJdbcTemplate jdbc;

	private final BackOfficeAudit audit;

	private final TransactionTemplate transaction;

	SalesOrderDesk(SalesOrderIntakeService intake, SalesOrderIntakeProcess process, AccountRepository accounts,
			NamedParameterJdbcTemplate jdbc, BackOfficeAudit audit, TransactionTemplate transaction) {
		this.intake = intake;
		this.process = process;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.audit = audit;
		this.transaction = transaction;
	}

	public Page search(SalesOrderSearch search, Locale locale) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<String> problems = new ArrayList<>();
		contains(where, params, "orderNumber", "o.order_number", search.getOrderNumber());
		contains(where, params, "customerNumber", "o.customer_number", search.getCustomerNumber());
		if (search.getAccount() != null) {
			where.append(" and (a.account_number = :accountNumber or lower(o.sold_to_name) like :accountName escape '!'"
					+ " or lower(a.name) like :accountName escape '!')");
			params.addValue("accountNumber", search.getAccount().toUpperCase(Locale.ROOT));
			params.addValue("accountName", like(search.getAccount()));
		}
		if (search.getState() != null) {
			try {
				params.addValue("state", SalesOrderState.valueOf(search.getState().toUpperCase(Locale.ROOT)).name());
				where.append(" and o.state = :state");
			}
			catch (IllegalArgumentException ex) {
				problems.add(Text.of("backoffice.orders.search.noState", search.getState()).in(locale));
				return new Page(List.of(), 0, 1, search.pageSize(), problems);
			}
		}
		String from = " from sales_order o left join account a on a.id = o.account_id"
				+ " left join entitlement e on e.id = o.entitlement_id";
		long matching = this.jdbc.queryForObject("select count(*)" + from + where, params, Long.class);
		String key = search.sortKey();
		String direction = search.isDescending() ? " desc" : " asc";
		String orderBy = " order by " + (key == null ? "o.received_at" : SalesOrderSearch.SORTS.get(key)) + direction
				+ ", o.id" + direction;
		int size = search.pageSize();
		int number = (int) Math.min(search.pageNumber(), Math.max(1, (matching + size - 1) / size));
		params.addValue("limit", size).addValue("offset", (long) (number - 1) * size);
		List<Row> rows = this.jdbc.query("select o.order_number, o.order_date, o.customer_number, o.sold_to_name,"
				+ " a.account_number, a.name as account_name, o.state, e.entitlement_number, o.received_at, o.received_by,"
				+ " (select count(*) from sales_order_line l where l.sales_order_id = o.id) as line_count" + from + where
				+ orderBy + " limit :limit offset :offset", params,
				(rs, n) -> new Row(rs.getString("order_number"), rs.getObject("order_date", LocalDate.class),
						rs.getString("customer_number"), rs.getString("sold_to_name"), rs.getString("account_number"),
						rs.getString("account_name"), SalesOrderState.valueOf(rs.getString("state")),
						rs.getString("entitlement_number"), rs.getInt("line_count"),
						rs.getTimestamp("received_at").toInstant(), rs.getString("received_by")));
		return new Page(rows, matching, number, size, problems);
	}

	private static void contains(StringBuilder where, MapSqlParameterSource params, String name, String column,
			String value) {
		if (value != null) {
			where.append(" and lower(").append(column).append(") like :").append(name).append(" escape '!'");
			params.addValue(name, like(value));
		}
	}

	private static String like(String value) {
		return "%" + value.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	/**
	 * The order's page.
	 * @throws com.licensingportal.refusal.RefusedException (not found) when no order has the number
	 */
	public Details details(String orderNumber) {
		return this.intake.read(orderNumber, SalesOrderDesk::details);
	}

	private static Details details(SalesOrder order) {
		boolean entered = order.getState() == SalesOrderState.ENTERED;
		List<LineDetails> lines = order.getLines().stream().map(line -> {
			LineItem item = entered ? line.getLineItem() : null;
			return new LineDetails(line.getLineNumber(), line.getProduct().getPartNumber(), line.getProduct().getName(),
					line.getVersion(), line.getQuantity(), line.isRenewal() ? line.getRenews().getActivationId() : null,
					item == null ? null : item.getActivationId(), item == null ? null : item.getAvailableQuantity(),
					item == null ? null : item.getTotalQuantity(), item == null ? null : item.getExpiresOn(),
					entered && !line.isRenewal() && item.getAvailableQuantity() > 0
							&& item.getOwner().getId().equals(order.getAccount().getId()));
		}).toList();
		String name = ((order.getContactFirstName() == null ? "" : order.getContactFirstName()) + " "
				+ (order.getContactLastName() == null ? "" : order.getContactLastName())).strip();
		return new Details(order.getOrderNumber(), order.getOrderDate(), order.getCustomerNumber(),
				order.getSoldToName(), order.getSoldToType().name(), order.getPartnerCustomerNumber(),
				name.isEmpty() ? order.getContactEmail() : name + " <" + order.getContactEmail() + ">", order.getState(),
				order.getRejectionReason(), order.getAccount() == null ? null : order.getAccount().getAccountNumber(),
				order.getAccount() == null ? null : order.getAccount().getName(),
				order.getEntitlement() == null ? null : order.getEntitlement().getEntitlementId(), order.getReceivedAt(),
				order.getReceivedBy(), lines);
	}

	public Optional<SalesOrderIntakeProcess.Trace> process(String orderNumber) {
		return this.process.trace(orderNumber);
	}

	/**
	 * Sends the order typed in to the intake, as the order system would. A customer number that an account has
	 * gives the sold-to name and type; another one needs them, and Order Management assigns the account in
	 * Tasklist as for the API's orders.
	 */
	public Entry enter(SalesOrderForm form, String actor, Locale locale) {
		Map<String, String> problems = new LinkedHashMap<>();
		List<Integer> rows = new ArrayList<>();
		ObjectNode json = json(form, rows, problems, locale);
		SalesOrderRequest request;
		try {
			request = SalesOrderRequest.read(json);
		}
		catch (RefusedException invalid) {
			invalid.errors()
				.forEach(problem -> problems.putIfAbsent(formField(problem.field(), rows), words(problem, locale)));
			return new Entry(problems, null, false);
		}
		if (!problems.isEmpty()) {
			return new Entry(problems, null, false);
		}
		try {
			Receipt receipt = this.transaction.execute(status -> {
				Receipt received = this.intake.receive(request, actor);
				if (received.created()) {
					this.audit.record(actor, SubjectType.SALES_ORDER, request.orderNumber(), AuditAction.ENTERED_BY_HAND, null,
							summary(request));
				}
				return received;
			});
			return new Entry(Map.of(), receipt.order().orderNumber(), receipt.created());
		}
		catch (RefusedException refused) {
			refused.errors()
				.forEach(problem -> problems.putIfAbsent(formField(problem.field(), rows), words(problem, locale)));
			return new Entry(problems, null, false);
		}
	}

	/** A credit note for the line: its license loses the channels still available. */
	public Cancellation cancelLine(String orderNumber, int lineNumber, String actor) {
		return this.transaction.execute(status -> {
			Cancellation cancelled = this.intake.cancelLine(orderNumber, lineNumber, actor);
			this.audit.record(actor, SubjectType.SALES_ORDER, orderNumber, AuditAction.LINE_CANCELLED,
					"line " + lineNumber + ", " + cancelled.activationId() + ": "
							+ (cancelled.remainingChannels() + cancelled.cancelledChannels()) + " channels",
					"line " + lineNumber + ", " + cancelled.activationId() + ": " + cancelled.remainingChannels()
							+ " channels (" + cancelled.cancelledChannels() + " available ones removed)");
			return cancelled;
		});
	}

	/** The order's back-office changes, newest first. */
	public List<AuditEntry> auditTrail(String orderNumber) {
		return this.audit.of(SubjectType.SALES_ORDER, orderNumber);
	}

	/** What the audit trail says an order was: its sold-to and its lines. */
	static String summary(SalesOrderRequest request) {
		StringBuilder summary = new StringBuilder(request.orderDate() + ", customer number "
				+ request.soldTo().customerNumber() + ":");
		for (SalesOrderRequest.Line line : request.lines()) {
			summary.append(" line ").append(line.lineNumber()).append(' ').append(line.quantity()).append(" × ")
				.append(line.partNumber())
				.append(line.isRenewal() ? " renews " + line.renewsActivationId() : " " + line.version())
				.append(';');
		}
		return summary.length() > 1900 ? summary.substring(0, 1900) + " …" : summary.toString();
	}

	private ObjectNode json(SalesOrderForm form, List<Integer> rows, Map<String, String> problems,
			Locale locale) {
		ObjectNode order = JsonNodeFactory.instance.objectNode();
		order.put("orderNumber", form.getOrderNumber());
		order.put("orderDate", form.getOrderDate());
		ObjectNode soldTo = order.putObject("soldTo");
		soldTo.put("customerNumber", form.getCustomerNumber());
		soldTo.put("name", form.getSoldToName());
		soldTo.put("type", form.getSoldToType());
		soldTo.put("partnerCustomerNumber", form.getPartnerCustomerNumber());
		if (!SalesOrderForm.blank(form.getCustomerNumber())) {
			this.accounts.findByCustomerNumber(form.getCustomerNumber().strip()).ifPresentOrElse(account -> {
				soldTo.put("name", account.getName());
				soldTo.put("type", account.getType().name());
				soldTo.putNull("partnerCustomerNumber");
			}, () -> {
				if (SalesOrderForm.blank(form.getSoldToName())) {
					problems.put("soldToName", Text.of("backoffice.orders.form.unknownCustomer",
							form.getCustomerNumber().strip()).in(locale));
				}
			});
		}
		order.putObject("contact")
			.put("email", form.getContactEmail())
			.put("firstName", form.getContactFirstName())
			.put("lastName", form.getContactLastName());
		ArrayNode lines = order.putArray("lines");
		for (int i = 0; i < form.getLines().size(); i++) {
			SalesOrderForm.LineForm line = form.getLines().get(i);
			if (line.isBlank()) {
				continue;
			}
			rows.add(i);
			ObjectNode node = lines.addObject().put("lineNumber", rows.size());
			node.put("partNumber", line.getPartNumber());
			node.put("version", line.getVersion());
			String quantity = line.getQuantity() == null ? "" : line.getQuantity().strip();
			try {
				node.put("quantity", Integer.parseInt(quantity));
			}
			catch (NumberFormatException notWhole) {
				node.put("quantity", quantity);
			}
			node.put("renewsActivationId", line.getRenewsActivationId());
		}
		if (rows.isEmpty()) {
			problems.put("lines", Text.of("backoffice.orders.form.noLines").in(locale));
		}
		return order;
	}

	/** The form's field for an API field: {@code lines[0].quantity} of the first line typed in is the form's row. */
	private static String formField(String field, List<Integer> rows) {
		if (field.startsWith("lines[")) {
			int close = field.indexOf(']');
			int index = Integer.parseInt(field.substring(6, close));
			return index < rows.size() ? "lines[" + rows.get(index) + "]" + field.substring(close + 1) : "lines";
		}
		return switch (field) {
			case "soldTo.customerNumber" -> "customerNumber";
			case "soldTo.name" -> "soldToName";
			case "soldTo.type" -> "soldToType";
			case "soldTo.partnerCustomerNumber" -> "partnerCustomerNumber";
			case "contact.email" -> "contactEmail";
			case "contact.firstName" -> "contactFirstName";
			case "contact.lastName" -> "contactLastName";
			default -> field;
		};
	}

	/**
	 * The intake's sentence with the form's words for the field: "The order number is required." where the API says
	 * "'orderNumber' is required." (each language quotes the field its own way).
	 */
	private static String words(FieldError problem, Locale locale) {
		String field = problem.field().replaceFirst("^lines\\[\\d+]\\.", "");
		String code = "backoffice.orders.form.field." + field;
		String label = Messages.has(code) ? Text.of(code).in(locale) : field;
		String column = Text.of("backoffice.orders.form.field.renewsColumn").in(locale);
		return problem.message(locale)
			.replace("'" + problem.field() + "'", label)
			.replace("« " + problem.field() + " »", label)
			.replace("renewsActivationId", column);
	}

}
