package com.licensingportal.base;

import java.util.List;

/** Start-up stopped for settings that have no safe default; {@link MissingSettingsFailureAnalyzer} reports it. */
public class MissingSettingsException extends IllegalStateException {

	private final List<String> variables;

	public MissingSettingsException(List<String> variables) {
		super("Missing settings: " + String.join(", ", variables));
		this.variables = List.copyOf(variables);
	}

	/** The environment variables to set. */
	public List<String> variables() {
		return this.variables;
	}

}
