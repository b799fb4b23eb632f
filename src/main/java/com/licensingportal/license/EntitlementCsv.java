package com.licensingportal.license;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Writes List Entitlements rows as CSV: RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte order
 * mark so that spreadsheets pick the encoding, the screen's column names as header. A text cell starting
 * with {@code = + - @}, tab or carriage return gets a leading apostrophe, and so does any part of it after a
 * comma, semicolon, tab or line break that starts with {@code = + - @}, so that no spreadsheet runs it as a
 * formula whatever its list separator (OWASP "CSV injection").
 */
public final class EntitlementCsv implements AutoCloseable {

	public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";

	static final char BYTE_ORDER_MARK = '\uFEFF';

	private static final String FORMULA_STARTS = "=+-@\t\r";

	private static final String FORMULA_CHARACTERS = "=+-@";

	/** What spreadsheets split a line into cells on, depending on their locale and import settings. */
	private static final String SEPARATORS = ",;\t\r\n";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader(Arrays.stream(EntitlementColumn.values()).map(EntitlementColumn::label).toArray(String[]::new))
		.get();

	private final CSVPrinter printer;

	/** Starts the file: byte order mark and header. Rows follow with {@link #write(EntitlementRow)}. */
	public EntitlementCsv(OutputStream out) throws IOException {
		BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write(BYTE_ORDER_MARK);
		this.printer = new CSVPrinter(writer, FORMAT);
	}

	public void write(EntitlementRow row) {
		try {
			for (EntitlementColumn column : EntitlementColumn.values()) {
				this.printer.print(neutralise(column.valueOf(row)));
			}
			this.printer.println();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Starts a CSV download of List Entitlements in the response, named after the day. */
	public static EntitlementCsv attachment(HttpServletResponse response, LocalDate day) throws IOException {
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("entitlements-" + day + ".csv").build().toString());
		return new EntitlementCsv(response.getOutputStream());
	}

	/** A sink for {@link EntitlementList}'s streaming methods. */
	public Consumer<EntitlementRow> sink() {
		return this::write;
	}

	/**
	 * A text cell with a leading apostrophe, and one more after every separator a spreadsheet may split on
	 * ({@code , ; tab CR LF}) whose following text, after spaces and quotes, starts with {@code = + - @}: a
	 * spreadsheet whose list separator is a semicolon splits {@code Acme;=1+1} into two cells, the second a
	 * formula.
	 */
	public static Object neutralise(Object cell) {
		if (!(cell instanceof String text) || text.isEmpty()) {
			return cell;
		}
		StringBuilder safe = null;
		for (int i = 0; i <= text.length(); i++) {
			boolean segmentStart = i == 0 || SEPARATORS.indexOf(text.charAt(i - 1)) >= 0;
			if (segmentStart && startsFormula(text, i, i == 0)) {
				if (safe == null) {
					safe = new StringBuilder(text.length() + 4).append(text, 0, i);
				}
				safe.append('\'');
			}
			if (safe != null && i < text.length()) {
				safe.append(text.charAt(i));
			}
		}
		return safe == null ? text : safe.toString();
	}

	private static boolean startsFormula(String text, int from, boolean cellStart) {
		if (cellStart && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
			return true;
		}
		int i = from;
		while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '"')) {
			i++;
		}
		return i < text.length() && FORMULA_CHARACTERS.indexOf(text.charAt(i)) >= 0;
	}

	@Override
	public void close() throws IOException {
		this.printer.close(true);
	}

}
