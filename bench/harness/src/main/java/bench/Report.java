package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** BENCHMARKS.md: machine facts, the summary table, each benchmark's method, and bench/FINDINGS.md. */
final class Report {

	private Report() {
	}

	static String markdown(Config config, List<Result> results, String mariadb, String loadBefore, String loadAfter,
			Duration took) throws IOException {
		StringBuilder md = new StringBuilder();
		md.append("# Benchmarks\n\n");
		md.append("Written by `bash bench/run.sh").append(config.quick ? " --quick" : "").append("` (see [bench/README.md](bench/README.md)); do not edit by hand.\n");
		md.append("Each figure is the median of repeated runs with the minimum and maximum in brackets: `median (min–max)`.\n");
		md.append("Every subject run alternates with its baseline's in the same run on the same machine; the machine is shared\n");
		md.append("and noisy, so the **ratios** are what carry from one run to the next, not the absolute figures.\n\n");
		md.append("## Machine\n\n");
		md.append("| fact | value |\n|---|---|\n");
		md.append("| date | ").append(Bench.now()).append(" |\n");
		md.append("| commit | `").append(Shell.run("git", "-C", config.repo.toString(), "rev-parse", "--short", "HEAD"))
			.append("`").append(Shell.run("git", "-C", config.repo.toString(), "status", "--porcelain", "--untracked-files=no").isEmpty() ? "" : " (with uncommitted changes)").append(" |\n");
		md.append("| CPU | ").append(Runtime.getRuntime().availableProcessors()).append(" cores (nproc), ")
			.append(cpuModel()).append(" |\n");
		md.append("| memory | ").append(memTotal()).append(" |\n");
		md.append("| OS | ").append(Shell.run("uname", "-sr")).append(" |\n");
		md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
			.append(System.getProperty("java.runtime.version")).append(" (").append(System.getProperty("java.vendor")).append(") |\n");
		md.append("| MariaDB | ").append(mariadb).append(" on 127.0.0.1:3306 |\n");
		md.append("| load average (1, 5, 15 min) | before ").append(loadBefore.split(" ", 4)[0]).append(", ")
			.append(loadBefore.split(" ", 4)[1]).append(", ").append(loadBefore.split(" ", 4)[2]).append("; after ")
			.append(loadAfter.split(" ", 4)[0]).append(", ").append(loadAfter.split(" ", 4)[1]).append(", ")
			.append(loadAfter.split(" ", 4)[2]).append(" |\n");
		md.append("| data set | ").append(config.dataSet.describe()).append(" |\n");
		md.append("| run time | ").append(String.format(Locale.ROOT, "%d min %02d s", took.toMinutes(), took.toSecondsPart())).append(" |\n\n");
		md.append("## Summary\n\n");
		md.append("| # | what | portal | baseline | ratio (portal ÷ baseline) | target | met |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		for (Result r : results) {
			md.append("| ").append(r.label).append(" | ").append(r.what).append(" | ").append(r.subject).append(" | ")
				.append(r.baseline).append(" | ").append(r.ratio).append(" | ").append(r.target).append(" | ")
				.append(r.met).append(" |\n");
		}
		md.append("\n## How each was measured\n");
		for (Result r : results) {
			md.append("\n### ").append(r.label).append(". ").append(r.what).append("\n\n");
			for (String line : r.details) {
				md.append(line).append('\n');
			}
		}
		Path findings = config.repo.resolve("bench/FINDINGS.md");
		if (Files.exists(findings)) {
			md.append('\n').append(Files.readString(findings).strip()).append('\n');
		}
		return md.toString();
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(line -> line.startsWith("model name"))
				.map(line -> line.substring(line.indexOf(':') + 1).strip())
				.findFirst()
				.orElse("model unknown");
		}
		catch (IOException ex) {
			return "model unknown";
		}
	}

	private static String memTotal() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(line -> line.startsWith("MemTotal"))
				.map(line -> String.format(Locale.ROOT, "%.1f GiB",
						Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
