package com.licensingportal.workflow;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code PORTAL_HISTORY_CLEANUP_WINDOW} ({@code HH:mm-HH:mm}, the server's time, default {@code 01:00-05:00}): when
 * Camunda's history cleanup runs each day, deleting the history of processes past their historyTimeToLive. Without
 * a window the engine deletes nothing and ACT_HI_* grows with every transfer and email. {@code off} turns it off.
 * Registered in META-INF/spring.factories, before the engine reads its properties.
 */
class HistoryCleanupWindow implements EnvironmentPostProcessor {

	static final String PREFIX = "camunda.bpm.generic-properties.properties.";

	private static final Pattern WINDOW = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String window = environment.getProperty("portal.history-cleanup-window",
				environment.getProperty("PORTAL_HISTORY_CLEANUP_WINDOW", "01:00-05:00")).strip();
		Map<String, Object> properties = properties(window);
		if (!properties.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("portalHistoryCleanupWindow", properties));
		}
	}

	static Map<String, Object> properties(String window) {
		if (window.isEmpty() || window.equalsIgnoreCase("off")) {
			return Map.of();
		}
		Matcher matcher = WINDOW.matcher(window);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("PORTAL_HISTORY_CLEANUP_WINDOW must be a daily window such as 01:00-05:00"
					+ " (or off), not '" + window + "'");
		}
		String[] times = window.split("-");
		return Map.of(PREFIX + "history-cleanup-batch-window-start-time", times[0],
				PREFIX + "history-cleanup-batch-window-end-time", times[1]);
	}

}
