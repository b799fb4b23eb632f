package bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Benchmark 4: Export All Matching of 1,000,000 rows (a user who sees all 10,000 accounts). Subject: the
 * portal's CSV over HTTP, read to the end. Baseline: the same SQL streamed over JDBC and written with
 * Commons CSV in the same format (BOM, header, RFC 4180, formula guard) to a counting sink. Alternating.
 * Heap growth: the portal's heap after a full GC before the first export and after each one, with the
 * portal at a fixed -Xmx512m.
 */
final class ExportBench {

	private static final String[] HEADER = { "Activation ID", "Entitlement ID", "Sold to", "Product", "Version",
			"Available quantity", "Total quantity", "Expiration" };

	private final Config config;

	private final DataSource dataSource;

	private final AppProcess portal;

	ExportBench(Config config, DataSource dataSource, AppProcess portal) {
		this.config = config;
		this.dataSource = dataSource;
		this.portal = portal;
	}

	Result run() throws Exception {
		Result result = new Result(4, "CSV export (Export All Matching) of 1,000,000 rows: rows/s and heap growth",
				"≥ 0.7× baseline, heap growth < 64 MiB");
		PortalClient client = new PortalClient("http://127.0.0.1:" + this.config.portalPort)
			.login(DataSet.EXPORT_USER, DataSet.PASSWORD);
		EntitlementQuery.Visibility visible = this.config.dataSet.exportVisibility();
		// Warm-up of both paths (JIT, the buffer pool) on Bench Partner's rows: a tenth of a million each time.
		PortalClient partner = new PortalClient("http://127.0.0.1:" + this.config.portalPort)
			.login(DataSet.PARTNER_USER, DataSet.PASSWORD);
		int warmUps = this.config.reps(5, 3);
		for (int i = 0; i < warmUps; i++) {
			portal(partner);
			baseline(this.config.dataSet.partnerVisibility());
		}
		int rounds = this.config.reps(3, 1);
		Stats portalRate = new Stats();
		Stats baselineRate = new Stats();
		Stats ratio = new Stats();
		Stats peak = new Stats();
		double heapBefore = this.portal.heapUsedAfterGcMiB();
		double heapAfter = heapBefore;
		long portalBytes = 0;
		long baselineBytes = 0;
		long rows = 0;
		double maxGrowth = 0;
		for (int round = 1; round <= rounds; round++) {
			Measured b;
			Measured p;
			if (round % 2 == 1) {
				b = baseline(visible);
				p = portal(client);
			}
			else {
				p = portal(client);
				b = baseline(visible);
			}
			heapAfter = this.portal.heapUsedAfterGcMiB();
			maxGrowth = Math.max(maxGrowth, heapAfter - heapBefore);
			if (p.rows != b.rows) {
				throw new IllegalStateException("The portal exported " + p.rows + " rows, the baseline " + b.rows);
			}
			rows = p.rows;
			portalBytes = p.bytes;
			baselineBytes = b.bytes;
			portalRate.add(p.rows / p.seconds);
			baselineRate.add(b.rows / b.seconds);
			ratio.add((p.rows / p.seconds) / (b.rows / b.seconds));
			peak.add(p.peakHeapMiB);
			Log.info("#4 round %d: portal %,.0f rows/s (%.1f s), baseline %,.0f rows/s (%.1f s), heap after GC %.0f MiB",
					round, p.rows / p.seconds, p.seconds, b.rows / b.seconds, b.seconds, heapAfter);
		}
		result.subject = portalRate.format("%,.0f") + " rows/s; heap growth " + String.format(Locale.ROOT, "%.1f MiB", maxGrowth);
		result.baseline = baselineRate.format("%,.0f") + " rows/s";
		result.ratio = ratio.format("%.2f") + "×";
		List<String> missed = new ArrayList<>();
		if (ratio.median() < 0.7) {
			missed.add("below 0.7× baseline");
		}
		if (maxGrowth >= 64) {
			missed.add("heap grew 64 MiB or more");
		}
		result.met = Result.met(missed);
		result.detail(String.format(Locale.ROOT,
				"%d warm-up exports each side of Bench Partner's %,d rows, then %d alternating exports each of %,d rows (%,d bytes from the portal, %,d from the baseline), logged in as"
						+ " %s (sees all %,d accounts). Subject: `GET /entitlements/export?showUsedUp=true`, the body"
						+ " read to the end. Baseline: the same SQL (`license/EntitlementList`, same order) streamed over"
						+ " JDBC (fetch size Integer.MIN_VALUE) and written by Commons CSV 1.14.1 in the portal's format"
						+ " to a counting sink, in the harness. Portal JVM `%s`; heap in use after a full GC"
						+ " (`jcmd GC.run`, `GC.heap_info`): %.1f MiB before the first export, %.1f MiB after the last;"
						+ " largest growth after any export %.1f MiB. Heap in use while exporting (garbage included,"
						+ " sampled every 250 ms with `jstat -gc`): peak %s MiB.",
				warmUps, this.config.dataSet.partnerVisibleAccounts().size() * this.config.dataSet.lineItemsPerAccount(),
				 rounds, rows, portalBytes, baselineBytes, DataSet.EXPORT_USER, visible.visible().size(), this.config.portalHeap,
				heapBefore, heapAfter, maxGrowth, peak.format("%.0f")));
		return result;
	}

	private record Measured(long rows, long bytes, double seconds, double peakHeapMiB) {
	}

	private Measured portal(PortalClient client) throws Exception {
		// jstat reads the JVM's counters from shared memory: unlike a jcmd every few hundred milliseconds, it
		// costs the portal nothing while it exports.
		try (AppProcess.HeapSampler sampler = this.portal.sampleHeap(250)) {
			long start = System.nanoTime();
			long bytes = 0;
			long newlines = 0;
			HttpResponse<InputStream> response = client.stream("/entitlements/export?" + EntitlementQuery.exportAll().query());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("Export answered " + response.statusCode());
			}
			try (InputStream in = response.body()) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) > 0) {
					bytes += n;
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							newlines++;
						}
					}
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Measured(newlines - 1, bytes, seconds, sampler.peakMiB());
		}
	}

	private Measured baseline(EntitlementQuery.Visibility visible) throws Exception {
		CountingSink sink = new CountingSink();
		AtomicLong rows = new AtomicLong();
		long start = System.nanoTime();
		try (Connection connection = this.dataSource.getConnection()) {
			BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
			writer.write('\uFEFF');
			CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
			EntitlementQuery.exportAll().stream(connection, visible, LocalDate.now(), row -> {
				try {
					printer.printRecord(guard(row.activationId()), guard(row.entitlementId()), guard(row.soldTo()),
							guard(row.product()), guard(row.version()), row.available(), row.total(),
							row.expiresOn() == null ? "Permanent" : row.expiresOn().toString());
					rows.incrementAndGet();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			printer.close(true);
		}
		return new Measured(rows.get(), sink.bytes, (System.nanoTime() - start) / 1e9, 0);
	}

	private static Object guard(String text) {
		return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	private static final class CountingSink extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			this.bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.bytes += len;
		}

	}

}
