package com.licensingportal.base;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Turns a portal setting that cannot be bound or breaks its constraint (the {@code *Properties} records) into one
 * sentence naming its environment variable and what it must be, e.g. {@code PORTAL_INVITATION_EXPIRY
 * (portal.invitation.expiry) is "banana" but must be an ISO-8601 duration...}, instead of Spring Boot's report,
 * which names only the property. Settings of Spring, Camunda and the rest keep Spring Boot's report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	private static final Pattern PORTAL_PROPERTY = Pattern.compile("portal\\.[a-z0-9.-]*[a-z0-9]");

	/** Values not repeated in a log. */
	private static final Pattern SECRET = Pattern.compile(".*(password|private-key|secret).*");

	private final ConfigurableEnvironment environment;

	InvalidSettingsFailureAnalyzer(Environment environment) {
		this.environment = (ConfigurableEnvironment) environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		if (!cause.getName().toString().startsWith("portal.")) {
			return null;
		}
		List<String> problems = (cause.getCause() instanceof BindValidationException validation)
				? problems(validation.getValidationErrors()) : List.of(problem(cause));
		if (problems.isEmpty()) {
			return null;
		}
		String variables = String.join(", ", problems.stream().map(p -> p.substring(0, p.indexOf(' '))).toList());
		return new FailureAnalysis("The portal cannot start: " + String.join("; ", problems) + ".",
				"Correct " + variables + ", or unset it for its default (README: Configuration).", cause);
	}

	/** A value that is not of the setting's type, e.g. a duration that is no ISO-8601 duration. */
	private String problem(BindException cause) {
		String property = cause.getName().toString();
		ConfigurationProperty bound = cause.getProperty();
		return named(property, bound == null ? null : bound.getOrigin())
				+ value(property, bound == null ? null : bound.getValue())
				+ " but must be " + expected(cause.getTarget().getType().resolve(Object.class));
	}

	private List<String> problems(ValidationErrors errors) {
		List<String> problems = new ArrayList<>();
		for (ObjectError error : errors) {
			String message = error.getDefaultMessage();
			if (error instanceof FieldError field && !PORTAL_PROPERTY.matcher(message).lookingAt()) {
				String property = property(errors, field);
				ConfigurationProperty bound = bound(errors, property);
				problems.add(named(property, Origin.from(error)) + value(property,
						bound != null ? bound.getValue() : field.getRejectedValue()) + " but " + message);
			}
			else {
				// A rule over several settings (e.g. a reminder before the expiry): its message starts with their names.
				problems.add(withVariables(message));
			}
		}
		return problems;
	}

	private static String property(ValidationErrors errors, FieldError field) {
		StringBuilder property = new StringBuilder(errors.getName().toString());
		for (String part : field.getField().split("\\.")) {
			property.append('.').append(DataObjectPropertyName.toDashedForm(part));
		}
		return property.toString();
	}

	private static ConfigurationProperty bound(ValidationErrors errors, String property) {
		return errors.getBoundProperties()
			.stream()
			.filter(bound -> bound.getName().toString().equals(property))
			.findFirst()
			.orElse(null);
	}

	private String withVariables(String message) {
		Matcher properties = PORTAL_PROPERTY.matcher(message);
		StringBuilder named = new StringBuilder();
		while (properties.find()) {
			properties.appendReplacement(named, Matcher.quoteReplacement(named(properties.group(), null)));
		}
		return properties.appendTail(named).toString();
	}

	private String named(String property, Origin origin) {
		return SettingVariables.variableOf(property, this.environment, origin) + " (" + property + ")";
	}

	/** The value as given: the one a placeholder of application.yml resolves to, not the placeholder. */
	private String value(String property, Object value) {
		String given = value == null ? "" : this.environment.resolvePlaceholders(value.toString());
		if (given.isBlank()) {
			return " is empty";
		}
		return SECRET.matcher(property).matches() ? " is set" : " is \"" + given + "\"";
	}

	private static String expected(Class<?> type) {
		if (type == Duration.class) {
			return "an ISO-8601 duration such as PT15M or P7D";
		}
		if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
			return "a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "true or false";
		}
		if (type == Path.class) {
			return "a directory path";
		}
		return "a " + type.getSimpleName();
	}

}
