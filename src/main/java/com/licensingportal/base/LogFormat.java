package com.licensingportal.base;

import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code PORTAL_LOG_FORMAT=ecs|logstash}: Spring Boot's structured JSON console logs (Elastic Common Schema or
 * Logstash), with the MDC (request id, process instance, job) in every line; plain text when unset. Registered in
 * META-INF/spring.factories: it has to be known before logging starts.
 */
class LogFormat implements EnvironmentPostProcessor {

	static final Set<String> FORMATS = Set.of("ecs", "logstash");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty("PORTAL_LOG_FORMAT", "").strip().toLowerCase();
		if (format.isEmpty()) {
			return;
		}
		if (!FORMATS.contains(format)) {
			throw new IllegalArgumentException("PORTAL_LOG_FORMAT must be ecs or logstash (or unset for plain text), not '"
					+ format + "'");
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("portalLogFormat", Map.of("logging.structured.format.console", format)));
	}

}
