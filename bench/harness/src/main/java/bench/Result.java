package bench;

import java.util.ArrayList;
import java.util.List;

/** One row of BENCHMARKS.md's summary and its section. */
final class Result {

	final int number;

	final String what;

	final String target;

	String subject = "not measured";

	String baseline = "not measured";

	String ratio = "not measured";

	/** "yes", "no", or why it could not be told. */
	String met = "not measured";

	final List<String> details = new ArrayList<>();

	Result(int number, String what, String target) {
		this.number = number;
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

}
