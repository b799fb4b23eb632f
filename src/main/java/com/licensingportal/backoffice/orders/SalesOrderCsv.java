package com.licensingportal.backoffice.orders;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.licensingportal.refusal.RefusedException.FieldError;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV file of Order Management's sales-order import: one row per order line, the order's own columns repeated
 * on each of its rows, the rows of one order one after the other. Read one order at a time, so that a file of
 * 10,000 lines never sits in memory as 10,000 objects. Row numbers count as a spreadsheet shows them: the header
 * is row 1.
 */
public final class SalesOrderCsv {

	/**
	 * The header row's names, one per {@link Column}: a file format (the example file, the users' spreadsheets), so
	 * the same in every language.
	 */
	private static final List<String> CSV_HEADER = List.of("Order number", "Order date", "Customer number",
			"Contact email", "Contact first name", "Contact last name", "Line", "Part number", "Version", "Quantity",
			"Renews Activation ID");

	/** The columns, by their header names (any order, any case). */
	enum Column {

		ORDER_NUMBER(true, "SO-2026-1001"),
		ORDER_DATE(true, "2026-12-06"),
		CUSTOMER_NUMBER(true, "C-10001"),
		CONTACT_EMAIL(true, "it@harbor.example"),
		CONTACT_FIRST_NAME(true, "Ana"),
		CONTACT_LAST_NAME(true, "Silva"),
		LINE(false, "1"),
		PART_NUMBER(false, "ACC7-ENT-CH"),
		VERSION(false, "7.14"),
		QUANTITY(false, "16"),
		RENEWS_ACTIVATION_ID(false, "");

		private final String label;

		/** The same on every row of one order. */
		private final boolean ofTheOrder;

		private final String example;

		Column(boolean ofTheOrder, String example) {
			this.label = CSV_HEADER.get(ordinal());
			this.ofTheOrder = ofTheOrder;
			this.example = example;
		}

		String label() {
			return this.label;
		}

		boolean ofTheOrder() {
			return this.ofTheOrder;
		}

		static Optional<Column> byLabel(String label) {
			for (Column column : values()) {
				if (column.label.equalsIgnoreCase(label.strip())) {
					return Optional.of(column);
				}
			}
			return Optional.empty();
		}

	}

	/**
	 * A problem of the file: where (row 0 for the file as a whole), in which column, and what: a sentence of its own
	 * ({@code text}), or the problem that the intake's check found in the API's field ({@code error}), whose sentence
	 * names the file's column in the field's place.
	 */
	public record Problem(long row, String column, Text text, FieldError error) {

		Problem(long row, String column, Text text) {
			this(row, column, text, null);
		}

		Problem(long row, String column, FieldError error) {
			this(row, column, null, error);
		}

		static Problem ofFile(Text text) {
			return new Problem(0, null, text);
		}

		/** The sentence in the reader's language, the file's column names (never translated) for the API's fields. */
		public String message(Locale locale) {
			if (this.error == null) {
				return this.text.in(locale);
			}
			String field = this.error.field();
			String name = this.column == null ? field : this.column;
			return inColumnWords(this.error.message(locale)
				.replace("'" + field + "'", name)
				.replace("« " + field + " »", name));
		}

		/** The sentence in English (logs, tests). */
		public String message() {
			return message(Languages.ENGLISH);
		}

	}

	/** The API's field names in a sentence, as the file's column names. */
	static String inColumnWords(String text) {
		String words = text;
		for (Map.Entry<String, Column> field : columnsByField().entrySet()) {
			words = words.replaceAll("(lines\\[\\d+]\\.)?\\b" + Pattern.quote(field.getKey()) + "\\b",
					Matcher.quoteReplacement(field.getValue().label()));
		}
		return words;
	}

	/** One row's cells by column. */
	record Row(long number, Map<Column, String> cells) {

		String cell(Column column) {
			return this.cells.get(column);
		}

	}

	/** The rows of one order, in the file's order. */
	record OrderRows(String orderNumber, List<Row> rows) {

		Row first() {
			return this.rows.get(0);
		}

	}

	/** Cells a spreadsheet would take for a formula (RFC 4180 files opened in a spreadsheet run them). */
	private static final String FORMULA_STARTS = "=+-@\t\r";

	static final int MAX_CELL_LENGTH = 300;

	private SalesOrderCsv() {
	}

	/** The example file offered on the import page: a new license, two lines of one order, and a renewal. */
	static String example() {
		StringBuilder csv = new StringBuilder();
		List<String> header = new ArrayList<>();
		for (Column column : Column.values()) {
			header.add(column.label());
		}
		csv.append(String.join(",", header)).append("\r\n");
		csv.append("SO-2026-1001,2026-12-06,C-10001,it@harbor.example,Ana,Silva,1,ACC7-ENT-CH,7.14,16,\r\n");
		csv.append("SO-2026-1001,2026-12-06,C-10001,it@harbor.example,Ana,Silva,2,ACC7-STD-CH,7.14,8,\r\n");
		csv.append("SO-2026-1002,2026-12-07,C-10002,ops@dockside.example,,,1,ACC7-CARE-1Y,,16,7KQ2-9XTM-C4HP-R8WD\r\n");
		return csv.toString();
	}

	/**
	 * Reads the file one order at a time. Problems of the file's shape (not UTF-8, no header, wrong columns,
	 * formulas, rows of an order apart, a cell that differs between the rows of one order) go to {@code problems};
	 * an order with such a problem is not handed on.
	 * @return the number of data rows read
	 */
	static long read(Path file, Consumer<OrderRows> orders, Consumer<Problem> problems) {
		try (Reader reader = utf8(file);
				CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader)) {
			return new Reading(orders, problems).all(parser);
		}
		catch (CharacterCodingException notUtf8) {
			problems.accept(Problem.ofFile(notUtf8()));
			return 0;
		}
		catch (UncheckedIOException ex) {
			if (ex.getCause() instanceof CharacterCodingException) {
				problems.accept(Problem.ofFile(notUtf8()));
				return 0;
			}
			throw ex;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Text notUtf8() {
		return Text.of("backoffice.import.notUtf8");
	}

	/** Strict UTF-8, without the byte-order mark that spreadsheets write. */
	private static Reader utf8(Path file) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)));
		reader.mark(1);
		if (reader.read() != '\uFEFF') {
			reader.reset();
		}
		return reader;
	}

	/** One pass over the file. */
	private static final class Reading {

		private final Consumer<OrderRows> orders;

		private final Consumer<Problem> problems;

		/** Orders already handed on or refused: an order number seen again is an order whose rows are apart. */
		private final Set<String> finished = new HashSet<>();

		private List<Column> columns;

		private OrderRows current;

		private boolean currentHasProblems;

		private long rows;

		Reading(Consumer<OrderRows> orders, Consumer<Problem> problems) {
			this.orders = orders;
			this.problems = problems;
		}

		long all(CSVParser parser) {
			for (CSVRecord record : parser) {
				if (this.columns == null) {
					if (!header(record)) {
						return 0;
					}
					continue;
				}
				this.rows++;
				row(record);
			}
			if (this.columns == null) {
				this.problems.accept(Problem.ofFile(Text.of("backoffice.import.check.empty",
						String.join(", ", labels(List.of(Column.values()))))));
				return 0;
			}
			finishOrder();
			if (this.rows == 0) {
				this.problems.accept(Problem.ofFile(Text.of("backoffice.import.check.noOrders")));
			}
			return this.rows;
		}

		private boolean header(CSVRecord record) {
			List<Column> found = new ArrayList<>();
			List<String> unknown = new ArrayList<>();
			for (String label : record) {
				Optional<Column> column = Column.byLabel(label);
				if (column.isEmpty() || found.contains(column.get())) {
					unknown.add(label.isBlank() ? null : label.strip());
				}
				else {
					found.add(column.get());
				}
			}
			List<Column> missing = new ArrayList<>(List.of(Column.values()));
			missing.removeAll(found);
			if (!unknown.isEmpty() || !missing.isEmpty()) {
				List<Text> sentence = new ArrayList<>();
				sentence.add(Text.of("backoffice.import.check.header", String.join(", ", labels(List.of(Column.values())))));
				if (!missing.isEmpty()) {
					sentence.add(Text.of("backoffice.import.check.missing", String.join(", ", labels(missing))));
				}
				if (!unknown.isEmpty()) {
					List<Object> names = new ArrayList<>();
					unknown.forEach(name -> names.add(name == null ? Text.of("backoffice.import.check.unnamed") : name));
					Object[] arguments = { unknownList(names) };
					sentence.add(Text.of("backoffice.import.check.unknown", arguments));
				}
				this.problems.accept(new Problem(1, null, sentence.size() == 1 ? sentence.get(0)
						: Text.of(sentence.size() == 2 ? "backoffice.import.check.sentences2"
								: "backoffice.import.check.sentences3", sentence.toArray())));
				return false;
			}
			this.columns = found;
			return true;
		}

		private void row(CSVRecord record) {
			long number = record.getRecordNumber();
			if (record.size() != this.columns.size()) {
				this.problems.accept(new Problem(number, null,
						Text.of("backoffice.import.check.cells", record.size(), this.columns.size())));
				this.currentHasProblems = true;
				return;
			}
			Map<Column, String> cells = new EnumMap<>(Column.class);
			boolean fine = true;
			for (int i = 0; i < record.size(); i++) {
				Column column = this.columns.get(i);
				String value = record.get(i);
				if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
					this.problems.accept(new Problem(number, column.label(),
							Text.of("backoffice.import.check.formula", printable(value.charAt(0)))));
					fine = false;
				}
				else if (value.length() > MAX_CELL_LENGTH) {
					this.problems.accept(new Problem(number, column.label(),
							Text.of("backoffice.import.check.long", MAX_CELL_LENGTH)));
					fine = false;
				}
				cells.put(column, value.strip());
			}
			Row row = new Row(number, cells);
			String orderNumber = row.cell(Column.ORDER_NUMBER);
			if (this.current == null || !this.current.orderNumber().equals(orderNumber)) {
				finishOrder();
				if (!orderNumber.isEmpty() && this.finished.contains(orderNumber)) {
					this.problems.accept(new Problem(number, Column.ORDER_NUMBER.label(),
							Text.of("backoffice.import.check.apart", orderNumber)));
					fine = false;
				}
				this.current = new OrderRows(orderNumber, new ArrayList<>());
				this.currentHasProblems = false;
			}
			else {
				Row first = this.current.first();
				for (Column column : Column.values()) {
					if (column.ofTheOrder() && !first.cell(column).equals(row.cell(column))) {
						this.problems.accept(new Problem(number, column.label(), Text.of("backoffice.import.check.differs",
								orderNumber, first.cell(column), String.valueOf(first.number()),
								column.label().toLowerCase(Locale.ROOT))));
						fine = false;
					}
				}
			}
			this.current.rows().add(row);
			this.currentHasProblems |= !fine;
		}

		private void finishOrder() {
			if (this.current == null) {
				return;
			}
			this.finished.add(this.current.orderNumber());
			if (!this.currentHasProblems) {
				this.orders.accept(this.current);
			}
			this.current = null;
		}

		private static Object printable(char c) {
			return c == '\t' ? Text.of("backoffice.import.check.tab") : c == '\r' ? Text.of("backoffice.import.check.lineBreak")
					: Text.of("backoffice.import.check.quoted", String.valueOf(c));
		}

		/** The names, one after the other (a text of the bundle among them is written in the reader's language). */
		private static Text unknownList(List<Object> names) {
			Text list = null;
			for (Object name : names) {
				list = list == null ? Text.of("backoffice.import.check.one", name)
						: Text.of("backoffice.import.check.more", list, name);
			}
			return list;
		}

	}

	static List<String> labels(List<Column> columns) {
		return columns.stream().map(Column::label).toList();
	}

	/** The order's cells by the API's field names, for the messages that name them. */
	static Map<String, Column> columnsByField() {
		Map<String, Column> byField = new LinkedHashMap<>();
		byField.put("orderNumber", Column.ORDER_NUMBER);
		byField.put("orderDate", Column.ORDER_DATE);
		byField.put("soldTo.customerNumber", Column.CUSTOMER_NUMBER);
		byField.put("contact.email", Column.CONTACT_EMAIL);
		byField.put("contact.firstName", Column.CONTACT_FIRST_NAME);
		byField.put("contact.lastName", Column.CONTACT_LAST_NAME);
		byField.put("lineNumber", Column.LINE);
		byField.put("partNumber", Column.PART_NUMBER);
		byField.put("version", Column.VERSION);
		byField.put("quantity", Column.QUANTITY);
		byField.put("renewsActivationId", Column.RENEWS_ACTIVATION_ID);
		return byField;
	}

}
