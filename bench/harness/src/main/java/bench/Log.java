package bench;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** Progress on stderr, so that a long run shows where it is. */
final class Log {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private Log() {
	}

	static void info(String format, Object... args) {
		System.err.println("[bench " + TIME.format(LocalTime.now()) + "] " + String.format(format, args));
	}

}
