package com.licensingportal.base;

import java.util.List;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up without required settings into one sentence naming the environment variables, instead of a
 * stack trace (registered in META-INF/spring.factories).
 */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
		return new FailureAnalysis("The portal cannot start without " + sentence(cause.variables())
				+ ": set " + (cause.variables().size() == 1 ? "this environment variable" : "these environment variables") + ".",
				"Set " + sentence(cause.variables()) + " (README: Going live).", cause);
	}

	static String sentence(List<String> variables) {
		if (variables.size() == 1) {
			return variables.get(0);
		}
		return String.join(", ", variables.subList(0, variables.size() - 1)) + " and " + variables.get(variables.size() - 1);
	}

}
