package com.licensingportal.base;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Which environment variable sets a portal setting, the name README's configuration table and the operator use:
 * the variable application*.yml names in the setting's {@code ${...}}, e.g. {@code reminder-cycle:
 * ${PORTAL_EXPIRY_REMINDER_CYCLE:...}} under {@code portal.license-expiry}, else Spring's own name for it.
 */
final class SettingVariables {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)[:}]");

	private SettingVariables() {
	}

	/**
	 * @param origin where the bound value came from, or null: a value read from the environment names its variable
	 */
	static String variableOf(String property, ConfigurableEnvironment environment, Origin origin) {
		for (Origin each = origin; each != null; each = each.getParent()) {
			if (each instanceof SystemEnvironmentOrigin variable) {
				return variable.getProperty();
			}
		}
		for (PropertySource<?> source : environment.getPropertySources()) {
			// Spring Boot's view of all the others, first in the list.
			if ("configurationProperties".equals(source.getName())) {
				continue;
			}
			Object value = source.getProperty(property);
			if (value == null) {
				continue;
			}
			if (value instanceof OriginTrackedValue tracked) {
				value = tracked.getValue();
			}
			Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
			if (placeholder.find()) {
				return placeholder.group(1);
			}
			if (!(source instanceof SystemEnvironmentPropertySource)) {
				break;
			}
		}
		return conventional(property);
	}

	/** Spring's variable for a property: {@code portal.login.max-failures} is {@code PORTAL_LOGIN_MAX_FAILURES}. */
	static String conventional(String property) {
		return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
	}

}
