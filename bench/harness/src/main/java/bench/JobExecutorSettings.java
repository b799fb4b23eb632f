package bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/**
 * The job executor settings of benchmark 2's bare engines: Camunda's Spring Boot starter defaults for (b), and
 * the portal's own (its application.yml, {@code camunda.bpm.job-execution}) for (b').
 */
record JobExecutorSettings(int corePoolSize, int maxPoolSize, int queueCapacity, int maxJobsPerAcquisition,
		int waitTimeInMillis) {

	/** camunda-bpm-spring-boot-starter 7.24: core 3, max 10, queue 3; the engine's 3 jobs per acquisition and 5 s wait. */
	static JobExecutorSettings camundaDefaults() {
		return new JobExecutorSettings(3, 10, 3, 3, 5_000);
	}

	/** The defaults overridden by what the portal's application.yml sets. */
	@SuppressWarnings("unchecked")
	static JobExecutorSettings ofPortal(Path repo) {
		Map<String, Object> jobExecution = Map.of();
		try (InputStream in = Files.newInputStream(repo.resolve("src/main/resources/application.yml"))) {
			for (Object document : new Yaml().loadAll(in)) {
				Object camunda = document instanceof Map<?, ?> root ? root.get("camunda") : null;
				Object bpm = camunda instanceof Map<?, ?> c ? c.get("bpm") : null;
				Object found = bpm instanceof Map<?, ?> b ? b.get("job-execution") : null;
				if (found instanceof Map<?, ?> settings) {
					jobExecution = (Map<String, Object>) settings;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		JobExecutorSettings defaults = camundaDefaults();
		return new JobExecutorSettings(value(jobExecution, "core-pool-size", defaults.corePoolSize),
				value(jobExecution, "max-pool-size", defaults.maxPoolSize),
				value(jobExecution, "queue-capacity", defaults.queueCapacity),
				value(jobExecution, "max-jobs-per-acquisition", defaults.maxJobsPerAcquisition),
				value(jobExecution, "wait-time-in-millis", defaults.waitTimeInMillis));
	}

	/**
	 * The Connector/J properties the portal's pool sets on MySQL/MariaDB ({@code application-mysql.yml},
	 * {@code spring.datasource.hikari.data-source-properties}), for (b').
	 */
	@SuppressWarnings("unchecked")
	static Map<String, String> portalDriverProperties(Path repo) {
		Map<String, String> properties = new java.util.TreeMap<>();
		try (InputStream in = Files.newInputStream(repo.resolve("src/main/resources/application-mysql.yml"))) {
			for (Object document : new Yaml().loadAll(in)) {
				Object found = document;
				for (String key : new String[] { "spring", "datasource", "hikari", "data-source-properties" }) {
					found = found instanceof Map<?, ?> map ? map.get(key) : null;
				}
				if (found instanceof Map<?, ?> settings) {
					((Map<String, Object>) settings).forEach((key, value) -> properties.put(key, String.valueOf(value)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

	/** A number, or a ${VARIABLE:default} placeholder's default. */
	private static int value(Map<String, Object> settings, String key, int otherwise) {
		Object value = settings.get(key);
		if (value == null) {
			return otherwise;
		}
		String text = value.toString().strip();
		if (text.startsWith("${") && text.contains(":")) {
			text = text.substring(text.indexOf(':') + 1, text.length() - 1);
		}
		return Integer.parseInt(text);
	}

	String describe() {
		return String.format(Locale.ROOT, "core %d / max %d threads, queue %d, %d jobs per acquisition, idle wait %d ms",
				this.corePoolSize, this.maxPoolSize, this.queueCapacity, this.maxJobsPerAcquisition, this.waitTimeInMillis);
	}

}
