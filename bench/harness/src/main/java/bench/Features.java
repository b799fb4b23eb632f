package bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Whether the portal in this checkout has a feature that a benchmark needs. */
final class Features {

	private Features() {
	}

	/** True when some main source file of the portal contains {@code text}. */
	static boolean sourceContains(Config config, String text) {
		Path main = config.repo.resolve("src/main/java");
		try (Stream<Path> files = Files.walk(main)) {
			return files.filter(p -> p.toString().endsWith(".java")).anyMatch(p -> {
				try {
					return Files.readString(p).contains(text);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
