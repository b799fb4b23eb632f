package bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command and returns what it printed (stdout and stderr). */
final class Shell {

	private Shell() {
	}

	static String run(String... command) {
		try {
			Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
			byte[] out = process.getInputStream().readAllBytes();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			return new String(out, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			return "unavailable (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

}
