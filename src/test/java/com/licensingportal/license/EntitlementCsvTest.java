package com.licensingportal.license;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export's file format, parsed back with Commons CSV. */
class EntitlementCsvTest {

	@Test
	void startsWithAByteOrderMarkAndTheScreensColumnNamesAndEndsLinesWithCrLf() throws Exception {
		byte[] csv = write(row("7KQ2-9XTM-C4HP-R8WD", "Harbor Logistics", "ACC7-ENT-CH", "7.14", null));
		String text = new String(csv, StandardCharsets.UTF_8);

		assertThat(csv).startsWith(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
		assertThat(text).startsWith("\uFEFFActivation ID,Entitlement ID,Sold to,Product,Version,Available quantity,"
				+ "Total quantity,Expiration\r\n")
			.endsWith("7KQ2-9XTM-C4HP-R8WD,E-20261127-0001,Harbor Logistics,ACC7-ENT-CH,7.14,3,12,Permanent\r\n");
	}

	@Test
	void commasQuotesLineBreaksAndNonLatinTextComeBackUnchanged() throws Exception {
		List<String> names = List.of("Smith, Jones & Partners", "The \"Best\" Cameras", "Line one\nline two",
				"Line one\r\nline two", "Müller Sicherheit GmbH", "東京セキュリティ株式会社", "Охрана и видео", "شركة الأمن",
				"🙂 Emoji Ltd", "  spaces kept  ");
		List<EntitlementRow> rows = names.stream().map(name -> row("7KQ2-9XTM-C4HP-R8WD", name, "ACC7,STD", "7.\"14\"",
				LocalDate.of(2027, 1, 31))).toList();

		List<CSVRecord> records = EntitlementListTest.parse(write(rows.toArray(EntitlementRow[]::new)));

		assertThat(records).extracting(record -> record.get("Sold to")).containsExactlyElementsOf(names);
		assertThat(records).allSatisfy(record -> {
			assertThat(record.get("Product")).isEqualTo("ACC7,STD");
			assertThat(record.get("Version")).isEqualTo("7.\"14\"");
			assertThat(record.get("Expiration")).isEqualTo("2027-01-31");
			assertThat(record.get("Available quantity")).isEqualTo("3");
		});
	}

	@Test
	void everyFormulaPrefixIsNeutralisedWithAnApostrophe() throws Exception {
		List<String> dangerous = List.of("=HYPERLINK(\"http://evil.example\",\"click\")", "+1+cmd|' /C calc'!A0",
				"-2+3", "@SUM(A1:A9)", "\tTabbed", "\rReturned", "=1,2", "-");
		List<EntitlementRow> rows = dangerous.stream().map(text -> row(text, text, text, text, null)).toList();

		List<CSVRecord> records = EntitlementListTest.parse(write(rows.toArray(EntitlementRow[]::new)));

		for (int i = 0; i < dangerous.size(); i++) {
			String neutralised = "'" + dangerous.get(i);
			assertThat(records.get(i).values()).startsWith(neutralised, "E-20261127-0001", neutralised, neutralised,
					neutralised);
		}
	}

	@Test
	void aFormulaAfterAnySeparatorASpreadsheetMayUseIsNeutralisedToo() throws Exception {
		List<String> dangerous = List.of("Acme;=1+1", "Acme; =1+1", "Acme;;@SUM(A1:A9)", "Acme,+1+cmd|' /C calc'!A0",
				"Acme\t-2+3", "Acme\n=HYPERLINK(\"http://evil.example\")", "Acme\r\n=1+1", "Acme;\"=1+1\"",
				"Acme; \" \"@x");
		List<String> neutralised = List.of("Acme;'=1+1", "Acme;' =1+1", "Acme;;'@SUM(A1:A9)",
				"Acme,'+1+cmd|' /C calc'!A0", "Acme\t'-2+3", "Acme\n'=HYPERLINK(\"http://evil.example\")",
				"Acme\r\n'=1+1", "Acme;'\"=1+1\"", "Acme;' \" \"@x");
		List<EntitlementRow> rows = dangerous.stream().map(text -> row("7KQ2-9XTM-C4HP-R8WD", text, text, "7.14", null))
			.toList();
		byte[] csv = write(rows.toArray(EntitlementRow[]::new));

		List<CSVRecord> records = EntitlementListTest.parse(csv);
		for (int i = 0; i < dangerous.size(); i++) {
			assertThat(records.get(i).get("Sold to")).isEqualTo(neutralised.get(i));
			assertThat(records.get(i).get("Product")).isEqualTo(neutralised.get(i));
		}
		// Read as a spreadsheet with another list separator would read it: no cell begins a formula.
		String text = new String(csv, StandardCharsets.UTF_8);
		for (String separator : List.of(";", ",", "\t")) {
			for (String line : text.split("\r\n|\r|\n")) {
				for (String cell : line.split(separator, -1)) {
					String start = cell.replaceFirst("^[ \"]+", "");
					assertThat(start).as("a cell read with the separator %s from %s", separator, line)
						.doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-").doesNotStartWith("@");
				}
			}
		}
	}

	@Test
	void harmlessTextAndNumbersAreLeftAlone() throws Exception {
		List<CSVRecord> records = EntitlementListTest.parse(write(row("A=B", "O'Brien + Sons", "ACC7-ENT-CH", "7.14", null)));

		assertThat(records.get(0).values()).containsExactly("A=B", "E-20261127-0001", "O'Brien + Sons", "ACC7-ENT-CH",
				"7.14", "3", "12", "Permanent");
	}

	private static byte[] write(EntitlementRow... rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (EntitlementCsv csv = new EntitlementCsv(out)) {
			for (EntitlementRow row : rows) {
				csv.write(row);
			}
		}
		return out.toByteArray();
	}

	private static EntitlementRow row(String activationId, String soldTo, String product, String version,
			LocalDate expiresOn) {
		return new EntitlementRow(1, activationId, "E-20261127-0001", soldTo, product, version, 3, 12, expiresOn,
				"A-2222-3333", "Owner");
	}

}
