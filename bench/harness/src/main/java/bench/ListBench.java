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
 * Benchmark 3: List Entitlements, filtered and sorted, (3) for a partner with 100 related accounts (10,100 line
 * items of the 1,000,000) and (3b) for a distributor who sees all 10,000 accounts. Subject: the page over HTTP
 * as the logged-in user (its whole server time, as seen from the client on the loopback). Baseline: the page's
 * SQL statements over JDBC. The two alternate request by request; p50 and p95 are taken per run over all
 * searches of the mix.
 */
final class ListBench {

	static final String TARGET_3 = "p95 ≤ 30 ms and ≤ 3× baseline";

	static final String TARGET_3B = "p95 ≤ 100 ms and ≤ 3× baseline";

	private final Config config;

	private final DataSource dataSource;

	private final String label;

	private final String what;

	private final String target;

	private final double p95Goal;

	private final String user;

	private final String userSees;

	private final EntitlementQuery.Visibility visible;

	private ListBench(Config config, DataSource dataSource, String label, String what, String target, double p95Goal,
			String user, String userSees, EntitlementQuery.Visibility visible) {
		this.config = config;
		this.dataSource = dataSource;
		this.label = label;
		this.what = what;
		this.target = target;
		this.p95Goal = p95Goal;
		this.user = user;
		this.userSees = userSees;
		this.visible = visible;
	}

	static ListBench partner(Config config, DataSource dataSource) {
		return new ListBench(config, dataSource, "3",
				"List Entitlements, partner with 100 related accounts of 10,000 (1,000,000 line items), filtered and sorted: p50/p95",
				TARGET_3, 30, DataSet.PARTNER_USER, "Partner Administrator of Bench Partner",
				config.dataSet.partnerVisibility());
	}

	static ListBench distributor(Config config, DataSource dataSource) {
		return new ListBench(config, dataSource, "3b",
				"List Entitlements, distributor who sees all 10,000 accounts (1,000,000 line items), the same searches: p50/p95",
				TARGET_3B, 100, DataSet.EXPORT_USER, "Partner Administrator of Bench Partner and Bench Distributor",
				config.dataSet.exportVisibility());
	}

	Result run() throws Exception {
		Result result = new Result(3, this.label, this.what, this.target);
		PortalClient client = new PortalClient("http://127.0.0.1:" + this.config.portalPort)
			.login(this.user, DataSet.PASSWORD);
		EntitlementQuery.Visibility visible = this.visible;
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
				Log.info("#" + this.label + " run %d: page p50 %.1f ms p95 %.1f ms; SQL p50 %.1f ms p95 %.1f ms", run, pp50, pp95, sp50, sp95);
			}
			result.subject = "p50 " + portalP50.format("%.1f") + " ms, p95 " + portalP95.format("%.1f") + " ms";
			result.baseline = "p50 " + sqlP50.format("%.1f") + " ms, p95 " + sqlP95.format("%.1f") + " ms";
			result.ratio = "p95 " + ratioP95.format("%.2f") + "×, p50 " + ratioP50.format("%.2f") + "×";
			List<String> missed = new ArrayList<>();
			if (portalP95.median() > this.p95Goal) {
				missed.add(String.format(Locale.ROOT, "p95 > %.0f ms", this.p95Goal));
			}
			if (ratioP95.median() > 3) {
				missed.add("p95 above 3× baseline");
			}
			result.met = Result.met(missed);
			result.detail(String.format(Locale.ROOT,
					"%d runs of %d rounds over %d searches (%d page requests and as many SQL executions per run),"
							+ " after %d warm-up rounds. Logged in as %s (%s:"
							+ " %,d visible accounts, %,d line items). Subject: `GET /entitlements?…` over HTTP, body read"
							+ " whole. Baseline: the page's SQL (the totals counted up to 10,000 rows, or 1,000 within"
							+ " 100 ms for a user joined through the relations, or the page's end; the page's ids with `limit/offset`, then those rows' columns) as"
							+ " `license/EntitlementList` runs it, over JDBC with the same driver settings, rows read.",
					runs, perRun, mix.size(), perRun * mix.size(), this.config.reps(20, 8), this.user, this.userSees,
					visible.visible().size(), visible.visible().size() * 100));
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

	private static double sql(Connection connection, EntitlementQuery query, EntitlementQuery.Visibility visible,
			LocalDate today)
			throws Exception {
		long start = System.nanoTime();
		query.runPage(connection, visible, today);
		return (System.nanoTime() - start) / 1e6;
	}

}
