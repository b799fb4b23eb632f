package com.licensingportal.workflow;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PORTAL_HISTORY_CLEANUP_WINDOW becomes Camunda's batch window; without it the engine would delete no history. */
class HistoryCleanupWindowTest {

	@Test
	void theDefaultWindowIsTheNight() {
		MockEnvironment environment = new MockEnvironment();
		new HistoryCleanupWindow().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty(HistoryCleanupWindow.PREFIX + "history-cleanup-batch-window-start-time"))
			.isEqualTo("01:00");
		assertThat(environment.getProperty(HistoryCleanupWindow.PREFIX + "history-cleanup-batch-window-end-time"))
			.isEqualTo("05:00");
	}

	@Test
	void aWindowIsTwoTimesOfDayAndOffTurnsItOff() {
		assertThat(HistoryCleanupWindow.properties("22:30-02:00")).containsExactlyInAnyOrderEntriesOf(
				Map.of(HistoryCleanupWindow.PREFIX + "history-cleanup-batch-window-start-time", "22:30",
						HistoryCleanupWindow.PREFIX + "history-cleanup-batch-window-end-time", "02:00"));
		assertThat(HistoryCleanupWindow.properties("off")).isEmpty();
		assertThatThrownBy(() -> HistoryCleanupWindow.properties("1-5")).hasMessage(
				"PORTAL_HISTORY_CLEANUP_WINDOW must be a daily window such as 01:00-05:00 (or off), not '1-5'");
		assertThatThrownBy(() -> HistoryCleanupWindow.properties("25:00-05:00")).isInstanceOf(IllegalArgumentException.class);
	}

}
