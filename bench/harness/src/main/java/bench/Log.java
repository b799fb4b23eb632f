package bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress on stderr, so that a long run shows where it is. */
final class Log {

	private Log() {
	}

	static void info(String format, Object... args) {
		System.err.println("[bench " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + String.format(format, args));
	}

}
