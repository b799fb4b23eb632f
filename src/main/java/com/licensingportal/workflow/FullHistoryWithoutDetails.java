package com.licensingportal.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.springframework.stereotype.Component;

/**
 * The history level {@value #NAME} ({@code camunda.bpm.history-level}): Camunda's {@code full} without the
 * variable details ({@code ACT_HI_DETAIL}: one row for every value a variable ever had, and every submitted form
 * field). What Cockpit and the portal read stays: process, activity and task instances, each variable's last value,
 * incidents, the job log (which node ran a job), decisions with their inputs and outputs, the user operation log.
 * Nothing reads the details (the portal's audit is its own event trail), and they were a third of the history rows
 * of a transfer (bench/FINDINGS.md). Its id is {@code full}'s, which the database records: a database made with
 * {@code full} starts with it, and back.
 */
@Component
class FullHistoryWithoutDetails extends AbstractProcessEnginePlugin {

	static final String NAME = "full-without-details";

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomHistoryLevels());
		levels.add(new Level());
		configuration.setCustomHistoryLevels(levels);
	}

	static final class Level extends AbstractHistoryLevel {

		@Override
		public int getId() {
			return HistoryLevel.HISTORY_LEVEL_FULL.getId();
		}

		@Override
		public String getName() {
			return NAME;
		}

		@Override
		public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
			return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
					&& eventType != HistoryEventTypes.FORM_PROPERTY_UPDATE;
		}

	}

}
