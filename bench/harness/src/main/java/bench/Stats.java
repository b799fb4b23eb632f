package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Repeated measurements of one figure: min, median and max over the runs. */
final class Stats {

	private final List<Double> values = new ArrayList<>();

	void add(double value) {
		this.values.add(value);
	}

	int count() {
		return this.values.size();
	}

	boolean isEmpty() {
		return this.values.isEmpty();
	}

	double min() {
		return sorted().get(0);
	}

	double max() {
		List<Double> sorted = sorted();
		return sorted.get(sorted.size() - 1);
	}

	double median() {
		List<Double> sorted = sorted();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private List<Double> sorted() {
		if (this.values.isEmpty()) {
			throw new IllegalStateException("no measurements");
		}
		List<Double> sorted = new ArrayList<>(this.values);
		Collections.sort(sorted);
		return sorted;
	}

	/** "median (min–max)" with the given number format, e.g. "%.1f". */
	String format(String number) {
		if (this.values.isEmpty()) {
			return "not measured";
		}
		return String.format(Locale.ROOT, number + " (" + number + "–" + number + ")", median(), min(), max());
	}

	/** Percentile (0–100) of raw samples, nearest rank. */
	static double percentile(List<Double> samples, double percentile) {
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

}
