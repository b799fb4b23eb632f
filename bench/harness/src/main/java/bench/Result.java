package bench;

import java.util.ArrayList;
import java.util.List;

/** One row of BENCHMARKS.md's summary and its section. */
final class Result {

	final int number;

	/** The row's number as BENCHMARKS.md shows it, e.g. "3b". */
	final String label;

	final String what;

	final String target;

	String subject = "not measured";

	String baseline = "not measured";

	String ratio = "not measured";

	/** "yes", "no", or why it could not be told. */
	String met = "not measured";

	final List<String> details = new ArrayList<>();

	Result(int number, String what, String target) {
		this(number, String.valueOf(number), what, target);
	}

	Result(int number, String label, String what, String target) {
		this.number = number;
		this.label = label;
		this.what = what;
		this.target = target;
	}

	Result detail(String line) {
		this.details.add(line);
		return this;
	}

	static String yesNo(boolean met) {
		return met ? "yes" : "**no**";
	}

	/** "yes", or "**no**" and the parts of the target that were missed, e.g. "**no**: p99 ≥ 100 ms". */
	static String met(List<String> missed) {
		return missed.isEmpty() ? "yes" : "**no**: " + String.join("; ", missed);
	}

	/** A benchmark that could not finish: a miss, with the reason, never a row left out. */
	static Result failed(int number, Throwable failure) {
		return failed(number, String.valueOf(number), failure);
	}

	/** A benchmark of row {@code label} (one of benchmark {@code number}'s rows) that could not finish. */
	static Result failed(int number, String label, Throwable failure) {
		String[] names = { "", "Online activation over the REST API", "Channel transfers through the full BPMN",
				"List Entitlements", "CSV export of 1,000,000 rows", "Start-up of the default profile",
				SalesOrderBench.WHAT, ImportBench.WHAT };
		String[] targets = { "", "≥ 300 activations/s, p99 < 100 ms, ≥ 0.3× baseline", "≥ 1.0× (b)",
				ListBench.TARGET_3, "≥ 0.7× baseline, heap growth < 64 MiB", "≤ 1.3× baseline",
				SalesOrderBench.TARGET, ImportBench.TARGET };
		Result result = new Result(number, label, names[number], "3b".equals(label) ? ListBench.TARGET_3B : targets[number]);
		String reason = String.valueOf(failure.getMessage()).replace('|', '/').replace('\n', ' ');
		result.subject = "failed";
		result.baseline = "failed";
		result.ratio = "none";
		result.met = "**no**: the benchmark failed";
		result.detail("**The benchmark failed, so its target counts as missed:** `" + failure.getClass().getSimpleName()
				+ ": " + reason + "`. The harness's output (stderr) has the stack trace; the apps' logs are in"
				+ " `bench/target/work/`.");
		return result;
	}

}
