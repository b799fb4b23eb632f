package com.licensingportal.base;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's configuration table names every environment variable an operator can set: each portal setting of the
 * configuration metadata (made from the *Properties records at compile time) and each variable application*.yml reads.
 */
class ConfigurationTableTest {

	private static final Path RESOURCES = Path.of("src/main/resources");

	@Test
	void everyPortalSettingHasADescriptionAndAVariableInREADMEsConfigurationTable() throws IOException {
		Set<String> properties = portalProperties();
		StandardEnvironment environment = applicationYml();
		String table = configurationSection();

		assertThat(properties).as("portal settings in the metadata").hasSizeGreaterThan(30)
			.contains("portal.invitation.expiry", "portal.registration.rate-limit.window", "portal.demo.enabled");
		Set<String> missing = new TreeSet<>();
		for (String property : properties) {
			String variable = SettingVariables.variableOf(property, environment, null);
			if (!table.contains("`" + variable + "`")) {
				missing.add(variable + " (" + property + ")");
			}
		}
		assertThat(missing).as("variables missing in README's configuration table").isEmpty();
	}

	@Test
	void everyVariableApplicationYmlReadsIsInREADMEsConfigurationTable() throws IOException {
		String table = configurationSection();
		Set<String> missing = new TreeSet<>();
		try (var files = Files.list(RESOURCES)) {
			for (Path yml : files.filter(f -> f.getFileName().toString().matches("application.*\\.yml")).toList()) {
				Matcher placeholder = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(Files.readString(yml));
				while (placeholder.find()) {
					if (!table.contains("`" + placeholder.group(1) + "`")) {
						missing.add(placeholder.group(1) + " (" + yml.getFileName() + ")");
					}
				}
			}
		}
		assertThat(missing).as("variables missing in README's configuration table").isEmpty();
	}

	/** The portal's settings in the metadata the configuration processor wrote, each with a description. */
	private static Set<String> portalProperties() throws IOException {
		Set<String> properties = new TreeSet<>();
		ObjectMapper json = new ObjectMapper();
		for (URL metadata : Collections.list(
				ConfigurationTableTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = metadata.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.path("name").asText();
					if (name.startsWith("portal.")) {
						assertThat(property.path("description").asText()).as("description of " + name).isNotBlank();
						properties.add(name);
					}
				}
			}
		}
		return properties;
	}

	/** application.yml alone, as the embedded default reads it (none of the suite's system properties). */
	private static StandardEnvironment applicationYml() {
		StandardEnvironment environment = new StandardEnvironment() {
			@Override
			protected void customizePropertySources(MutablePropertySources propertySources) {
			}
		};
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext());
		return environment;
	}

	private static String configurationSection() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("\n## Configuration\n");
		assertThat(start).as("README's Configuration section").isNotNegative();
		int end = readme.indexOf("\n## ", start + 1);
		return readme.substring(start, end < 0 ? readme.length() : end);
	}

}
