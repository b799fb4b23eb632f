package bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

/**
 * Benchmark 3: List Entitlements for a partner with 100 related accounts (10,100 line items of the
 * 1,000,000), filtered and sorted. Subject: the page over HTTP as the logged-in partner (its whole server
 * time, as seen from the client on the loopback). Baseline: the page's two SQL statements over JDBC. The
 * two alternate request by request; p50 and p95 are taken per run over all searches of the mix.
 */
final class ListBench {

	private final Config config;

	private final DataSource dataSource;

	ListBench(Config config, DataSource dataSource) {
		this.config = config;
		this.dataSource = dataSource;
	}

	Result run() throws Exception {
		Result result = new Result(3,
				"List Entitlements, partner with 100 related accounts of 10,000 (1,000,000 line items), filtered and sorted: p50/p95",
				"p95 ≤ 50 ms and ≤ 3× baseline");
		PortalClient client = new PortalClient("http://127.0.0.1:" + this.config.portalPort)
			.login(DataSet.PARTNER_USER, DataSet.PASSWORD);
		List<Long> visible = this.config.dataSet.partnerVisibleAccounts();
		List<EntitlementQuery> mix = EntitlementQuery.pageMix();
		LocalDate today = LocalDate.now();
		Map<String, List<Double>> portalByQuery = new LinkedHashMap<>();
		Map<String, List<Double>> sqlByQuery = new LinkedHashMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			// Warm-up: JIT, the portal's caches, MariaDB's buffer pool for these rows.
			for (int i = 0; i < this.config.reps(20, 8); i++) {
				for (EntitlementQuery query : mix) {
					page(client, query);
					query.runPage(connection, visible, today);
				}
			}
			int runs = this.config.reps(5, 2);
			int perRun = this.config.reps(40, 12);
			Stats portalP50 = new Stats();
			Stats portalP95 = new Stats();
			Stats sqlP50 = new Stats();
			Stats sqlP95 = new Stats();
			Stats ratioP95 = new Stats();
			Stats ratioP50 = new Stats();
			for (int run = 1; run <= runs; run++) {
				List<Double> portal = new ArrayList<>();
				List<Double> sql = new ArrayList<>();
				for (int i = 0; i < perRun; i++) {
					for (EntitlementQuery query : mix) {
						double p;
						double s;
						if ((i + run) % 2 == 0) {
							p = page(client, query);
							s = sql(connection, query, visible, today);
						}
						else {
							s = sql(connection, query, visible, today);
							p = page(client, query);
						}
						portal.add(p);
						sql.add(s);
						portalByQuery.computeIfAbsent(query.label(), k -> new ArrayList<>()).add(p);
						sqlByQuery.computeIfAbsent(query.label(), k -> new ArrayList<>()).add(s);
					}
				}
				double pp50 = Stats.percentile(portal, 50);
				double pp95 = Stats.percentile(portal, 95);
				double sp50 = Stats.percentile(sql, 50);
				double sp95 = Stats.percentile(sql, 95);
				portalP50.add(pp50);
				portalP95.add(pp95);
				sqlP50.add(sp50);
				sqlP95.add(sp95);
				ratioP95.add(pp95 / sp95);
				ratioP50.add(pp50 / sp50);
				Log.info("#3 run %d: page p50 %.1f ms p95 %.1f ms; SQL p50 %.1f ms p95 %.1f ms", run, pp50, pp95, sp50, sp95);
			}
			result.subject = "p50 " + portalP50.format("%.1f") + " ms, p95 " + portalP95.format("%.1f") + " ms";
			result.baseline = "p50 " + sqlP50.format("%.1f") + " ms, p95 " + sqlP95.format("%.1f") + " ms";
			result.ratio = "p95 " + ratioP95.format("%.2f") + "×, p50 " + ratioP50.format("%.2f") + "×";
			List<String> missed = new ArrayList<>();
			if (portalP95.median() > 50) {
				missed.add("p95 > 50 ms");
			}
			if (ratioP95.median() > 3) {
				missed.add("p95 above 3× baseline");
			}
			result.met = Result.met(missed);
			result.detail(String.format(Locale.ROOT,
					"%d runs of %d rounds over %d searches (%d page requests and as many SQL executions per run),"
							+ " after %d warm-up rounds. Logged in as %s (Partner Administrator of Bench Partner:"
							+ " %d visible accounts, %,d line items). Subject: `GET /entitlements?…` over HTTP, body read"
							+ " whole. Baseline: the page's SQL (the totals, the page's ids with `limit/offset`, then those rows' columns) as"
							+ " `license/EntitlementList` runs it, over JDBC with the same driver settings, rows read.",
					runs, perRun, mix.size(), perRun * mix.size(), this.config.reps(20, 8), DataSet.PARTNER_USER,
					visible.size(), visible.size() * 100));
			result.detail("");
			result.detail("| search | page p50 / p95 (ms) | SQL p50 / p95 (ms) |");
			result.detail("|---|---|---|");
			for (EntitlementQuery query : mix) {
				List<Double> p = portalByQuery.get(query.label());
				List<Double> s = sqlByQuery.get(query.label());
				result.detail(String.format(Locale.ROOT, "| %s (`%s`) | %.1f / %.1f | %.1f / %.1f |", query.label(),
						query.query().isEmpty() ? "/entitlements" : "?" + query.query(), Stats.percentile(p, 50),
						Stats.percentile(p, 95), Stats.percentile(s, 50), Stats.percentile(s, 95)));
			}
		}
		return result;
	}

	private static double page(PortalClient client, EntitlementQuery query) throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = client.get("/entitlements" + (query.query().isEmpty() ? "" : "?" + query.query()));
		double ms = (System.nanoTime() - start) / 1e6;
		if (response.statusCode() != 200 || !response.body().contains("<table")) {
			throw new IllegalStateException("List Entitlements answered " + response.statusCode() + " for " + query);
		}
		return ms;
	}

	private static double sql(Connection connection, EntitlementQuery query, List<Long> visible, LocalDate today)
			throws Exception {
		long start = System.nanoTime();
		query.runPage(connection, visible, today);
		return (System.nanoTime() - start) / 1e6;
	}

}
