package bench;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Benchmark 7: Order Management's CSV import of {@link #LINES} order lines ({@link #ORDERS} orders of 10 new-license
 * lines) through the back office: signed in at /back-office/login as a Camunda user of order-management, the file
 * uploaded to /back-office/sales-orders/import (checked whole, then imported in the background through the intake,
 * one SalesOrderIntake process per order), until every order is ENTERED. Lines/s, and the portal's heap (peak with
 * jstat while it imports, after a full GC before and after). Baseline in the same run, alternating: the same file
 * read with Commons CSV in the harness and each order written as benchmark 6's baseline writes it (one JDBC
 * transaction per order).
 */
final class ImportBench {

	static final String WHAT = "CSV import of 10,000 order lines in the back office, until entered";

	static final String TARGET = "no target set; heap growth < 64 MiB";

	static final int ORDERS = 1_000;

	static final int LINES = ORDERS * SalesOrderBench.LINES;

	static final String STAFF_USER = "benchom";

	static final String STAFF_PASSWORD = "Bench-Om-2026";

	/** Customers 300–399: used by no other benchmark. */
	static final long FIRST_ACCOUNT = 300;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final Config config;

	private final DataSource dataSource;

	private final AppProcess portal;

	private final String prefix = "B7-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);

	private int files;

	ImportBench(Config config, DataSource dataSource, AppProcess portal) {
		this.config = config;
		this.dataSource = dataSource;
		this.portal = portal;
	}

	Result run() throws Exception {
		Result result = new Result(7, WHAT, TARGET);
		if (!Features.sourceContains(this.config, "/back-office/sales-orders/import\"")) {
			result.subject = "not in this build";
			result.detail("**The portal was not measured: this build has no back-office CSV import.**");
			return result;
		}
		PortalClient client = new PortalClient("http://127.0.0.1:" + this.config.portalPort);
		createStaffUser(client);
		signIn(client);
		SalesOrderBench orders = new SalesOrderBench(this.config, this.dataSource);
		Map<String, Long> products = orders.products();
		int rounds = this.config.reps(2, 1);
		Stats portalRate = new Stats();
		Stats importedRate = new Stats();
		Stats jdbcRate = new Stats();
		Stats ratio = new Stats();
		Stats peak = new Stats();
		double heapBefore = this.portal.heapUsedAfterGcMiB();
		double heapAfter = heapBefore;
		double maxGrowth = 0;
		for (int round = 1; round <= rounds; round++) {
			double[] p;
			double b;
			if (round % 2 == 1) {
				b = baseline(orders, products);
				p = portal(client);
			}
			else {
				p = portal(client);
				b = baseline(orders, products);
			}
			heapAfter = this.portal.heapUsedAfterGcMiB();
			maxGrowth = Math.max(maxGrowth, heapAfter - heapBefore);
			portalRate.add(p[0]);
			importedRate.add(p[1]);
			peak.add(p[2]);
			jdbcRate.add(b);
			ratio.add(p[0] / b);
			Log.info("#7 round %d: portal %.0f lines/s entered (%.0f lines/s imported), peak heap %.0f MiB; JDBC %.0f lines/s",
					round, p[0], p[1], p[2], b);
		}
		result.subject = portalRate.format("%,.0f") + " lines/s entered (" + importedRate.format("%,.0f")
				+ " lines/s taken in by the import); heap peak " + peak.format("%.0f") + " MiB, growth "
				+ String.format(Locale.ROOT, "%.1f MiB", maxGrowth);
		result.baseline = jdbcRate.format("%,.0f") + " lines/s";
		result.ratio = ratio.format("%.2f") + "×";
		result.met = Result.met(maxGrowth >= 64 ? List.of("heap grew 64 MiB or more") : List.of());
		result.detail(String.format(Locale.ROOT, "%d alternating round(s). Subject: one CSV file of %,d rows (%,d orders of"
				+ " %d new-license lines, %d channels each, for the customer numbers %s … %s), uploaded as a person"
				+ " would: signed in at `/back-office/login` as the Camunda user `%s` of `order-management` (the harness"
				+ " makes it through `/engine-rest`), `POST /back-office/sales-orders/import` (multipart). The portal"
				+ " checks the whole file in the request, then imports it in the background, each order through the"
				+ " intake (one SalesOrderIntake process per order, entered by the job executor). Lines/s entered ="
				+ " lines ÷ time from the upload's first byte to the last order `ENTERED`; \"taken in\" = until the"
				+ " import's row in `sales_order_import` says DONE (every order received, its process started)."
				+ " Heap: portal JVM `%s`; peak in use while importing (`jstat -gc` every 250 ms, garbage included);"
				+ " after a full GC (`jcmd`) %.1f MiB before the first round, %.1f MiB after the last. Baseline: the"
				+ " same file read with Commons CSV in the harness, each order written as benchmark 6's baseline"
				+ " writes it, one JDBC transaction per order, one thread.",
				rounds, LINES, ORDERS, SalesOrderBench.LINES, SalesOrderBench.QUANTITY,
				DataSet.customerNumber(FIRST_ACCOUNT), DataSet.customerNumber(FIRST_ACCOUNT + 99), STAFF_USER,
				this.config.portalHeap, heapBefore, heapAfter));
		result.detail("");
		return result;
	}

	/** The file: one row per line, the orders of one customer after another. */
	private String file(String tag) {
		StringBuilder csv = new StringBuilder("Order number,Order date,Customer number,Contact email,Contact first name,"
				+ "Contact last name,Line,Part number,Version,Quantity,Renews Activation ID\r\n");
		List<String> parts = DataSet.partNumbers().subList(0, SalesOrderBench.LINES);
		String day = LocalDate.now(ZoneOffset.UTC).toString();
		for (int o = 0; o < ORDERS; o++) {
			long account = FIRST_ACCOUNT + o % 100;
			for (int l = 0; l < SalesOrderBench.LINES; l++) {
				csv.append(tag).append(o + 1).append(',').append(day).append(',').append(DataSet.customerNumber(account))
					.append(",orders.").append(account).append("@bench.example,Bench,Buyer,").append(l + 1).append(',')
					.append(parts.get(l)).append(",7.14,").append(SalesOrderBench.QUANTITY).append(",\r\n");
			}
		}
		return csv.toString();
	}

	/** @return lines/s until entered, lines/s until imported, peak heap MiB */
	private double[] portal(PortalClient client) throws Exception {
		String tag = this.prefix + "-P" + (++this.files) + "-";
		byte[] file = file(tag).getBytes(StandardCharsets.UTF_8);
		String csrf = csrf(client.get("/back-office/sales-orders/import").body());
		try (AppProcess.HeapSampler sampler = this.portal.sampleHeap(250)) {
			long start = System.nanoTime();
			String boundary = "bench" + System.nanoTime();
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
					+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> response = client.http()
				.send(HttpRequest.newBuilder(client.uri("/back-office/sales-orders/import"))
					.timeout(Duration.ofMinutes(10))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.header("X-CSRF-TOKEN", csrf)
					.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
					.build(), HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse("");
			Matcher id = Pattern.compile("/imports/(\\d+)$").matcher(location);
			if (response.statusCode() != 302 || !id.find()) {
				throw new IllegalStateException("The upload answered " + response.statusCode() + " " + location + " "
						+ response.body().substring(0, Math.min(2000, response.body().length())));
			}
			long importId = Long.parseLong(id.group(1));
			await(() -> !"RUNNING".equals(state(importId)) && !"QUEUED".equals(state(importId)), "import still running");
			double imported = (System.nanoTime() - start) / 1e9;
			if (!"DONE".equals(state(importId))) {
				throw new IllegalStateException("The import ended " + state(importId));
			}
			await(() -> count("select count(*) from sales_order where order_number like ? and state = 'ENTERED'",
					tag + "%") >= ORDERS, "orders still not entered");
			double entered = (System.nanoTime() - start) / 1e9;
			double peak = sampler.peakMiB();
			await(() -> count("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and END_TIME_ is null",
					"SalesOrderIntake") == 0, "SalesOrderIntake instances still running");
			return new double[] { LINES / entered, LINES / imported, peak };
		}
	}

	private double baseline(SalesOrderBench orders, Map<String, Long> products) throws Exception {
		String tag = this.prefix + "-J" + (++this.files) + "-";
		String file = file(tag);
		long start = System.nanoTime();
		String current = null;
		int lines = 0;
		for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(file))) {
			lines++;
			String orderNumber = record.get("Order number");
			if (!orderNumber.equals(current)) {
				current = orderNumber;
				long account = Long.parseLong(record.get("Customer number").substring(2));
				if (!orders.jdbcOrder(orderNumber, account, products)) {
					throw new IllegalStateException("The baseline failed order " + orderNumber);
				}
			}
		}
		return lines / ((System.nanoTime() - start) / 1e9);
	}

	private void createStaffUser(PortalClient client) throws Exception {
		String admin = PortalClient.basic("admin", Bench.CAMUNDA_ADMIN_PASSWORD);
		HttpResponse<String> profile = client.send("GET", "/engine-rest/user/" + STAFF_USER + "/profile", null, admin);
		if (profile.statusCode() == 404) {
			expect(client.send("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + STAFF_USER
					+ "\",\"firstName\":\"Bench\",\"lastName\":\"Order Management\",\"email\":\"om@bench.example\"},"
					+ "\"credentials\":{\"password\":\"" + STAFF_PASSWORD + "\"}}", admin), 204, "creating " + STAFF_USER);
			expect(client.send("PUT", "/engine-rest/group/order-management/members/" + STAFF_USER, null, admin), 204,
					"adding " + STAFF_USER + " to order-management");
		}
	}

	private static void signIn(PortalClient client) throws Exception {
		String csrf = csrf(client.get("/back-office/login").body());
		HttpResponse<String> response = client.http()
			.send(HttpRequest.newBuilder(client.uri("/back-office/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(PortalClient
					.form(Map.of("username", STAFF_USER, "password", STAFF_PASSWORD, "_csrf", csrf))))
				.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 302 || !response.headers().firstValue("Location").orElse("").endsWith("/back-office")) {
			throw new IllegalStateException("Back-office sign-in as " + STAFF_USER + " failed: " + response.statusCode());
		}
	}

	private static String csrf(String page) {
		Matcher csrf = CSRF.matcher(page);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return csrf.group(1);
	}

	private static void expect(HttpResponse<String> response, int status, String what) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
		}
	}

	private String state(long importId) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement("select state from sales_order_import where id = ?")) {
			select.setLong(1, importId);
			try (ResultSet rs = select.executeQuery()) {
				return rs.next() ? rs.getString(1) : "GONE";
			}
		}
	}

	private long count(String sql, String parameter) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement select = connection.prepareStatement(sql)) {
			select.setString(1, parameter);
			try (ResultSet rs = select.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private interface Condition {

		boolean holds() throws Exception;

	}

	private static void await(Condition condition, String otherwise) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
		while (!condition.holds()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(otherwise + " after 30 minutes");
			}
			Thread.sleep(200);
		}
	}

}
