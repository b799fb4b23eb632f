package com.licensingportal.base;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultBootstrapContext;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production (the mysql profile, the Docker image) has no default Camunda administrator password and no generated
 * signing key: the portal refuses to start and says, in one sentence, which environment variables to set.
 * Each case loads application.yml and the profile's file with only the given variables (none of the suite's system
 * properties). .ci/run starts the packaged jar so, and checks the sentence in its output.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequiredSettingsTest {

	@TempDir
	Path keyDirectory;

	@Test
	void theMysqlProfileWithoutSecretsNamesTheVariablesAndNothingElse(CapturedOutput output) {
		assertThatThrownBy(() -> start("mysql", Map.of())).hasRootCauseInstanceOf(MissingSettingsException.class);

		assertThat(output).contains("The portal cannot start without CAMUNDA_ADMIN_PASSWORD, PORTAL_LICENSE_PRIVATE_KEY"
				+ " and PORTAL_LICENSE_PUBLIC_KEY: set these environment variables.")
			.doesNotContain("portal.license-signing");
	}

	@Test
	void aCamundaAdministratorPasswordAloneIsNotEnoughInProduction(CapturedOutput output) {
		assertThatThrownBy(() -> start("mysql", Map.of("CAMUNDA_ADMIN_PASSWORD", "s3cret-admin")))
			.hasRootCauseInstanceOf(MissingSettingsException.class);

		assertThat(output).contains("The portal cannot start without PORTAL_LICENSE_PRIVATE_KEY and PORTAL_LICENSE_PUBLIC_KEY")
			.doesNotContain("without CAMUNDA_ADMIN_PASSWORD");
	}

	@Test
	void theKeyPairWithoutAnAdministratorPasswordNamesOnlyThatOne(CapturedOutput output) {
		assertThatThrownBy(() -> start("mysql",
				Map.of("PORTAL_LICENSE_PRIVATE_KEY", "pem", "PORTAL_LICENSE_PUBLIC_KEY", "pem")))
			.hasRootCauseInstanceOf(MissingSettingsException.class);

		assertThat(output).contains("The portal cannot start without CAMUNDA_ADMIN_PASSWORD: set this environment variable.");
	}

	@Test
	void keyFilesInTheKeyDirectoryCountAsTheKeyPair() throws Exception {
		Files.writeString(this.keyDirectory.resolve("private-key.pem"), "pem");
		StandardEnvironment environment = environment("mysql",
				Map.of("PORTAL_LICENSE_KEY_DIRECTORY", this.keyDirectory.toString(), "CAMUNDA_ADMIN_PASSWORD", "s3cret-admin"));

		assertThat(RequiredSettings.missing(loaded(environment))).isEmpty();
	}

	@Test
	void theEmbeddedDefaultNeedsNothing() {
		StandardEnvironment environment = environment("", Map.of());

		assertThat(RequiredSettings.missing(loaded(environment))).isEmpty();
	}

	/**
	 * What start-up does with these variables: the check runs before any bean is made, and the failure analyzers
	 * registered in spring.factories turn its exception into the report Spring Boot logs instead of a stack trace.
	 */
	private void start(String profile, Map<String, ?> variables) {
		StandardEnvironment environment = loaded(environment(profile, variables));
		RequiredSettings check = new RequiredSettings();
		check.setEnvironment(environment);
		try {
			check.postProcessBeanFactory(new DefaultListableBeanFactory());
		}
		catch (RuntimeException ex) {
			FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
				// Analyzers that need the application context are left out: this one needs none.
				.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
				}))
				.stream()
				.map(analyzer -> analyzer.analyze(ex))
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElseThrow();
			LoggerFactory.getLogger(RequiredSettingsTest.class).error(analysis.getDescription());
			throw new IllegalStateException(ex);
		}
	}

	/** The application's environment as the given variables alone make it (the suite's system properties left out). */
	private StandardEnvironment environment(String profile, Map<String, ?> variables) {
		Map<String, Object> all = new HashMap<>(variables);
		all.put("spring.profiles.active", profile);
		all.putIfAbsent("PORTAL_LICENSE_KEY_DIRECTORY", this.keyDirectory.resolve("absent").toString());
		return new StandardEnvironment() {
			@Override
			protected void customizePropertySources(MutablePropertySources propertySources) {
				propertySources.addLast(new MapPropertySource("variables", all));
			}
		};
	}

	/** The environment with application.yml and the profile's file loaded, as at start-up. */
	private static StandardEnvironment loaded(StandardEnvironment environment) {
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(), new DefaultBootstrapContext());
		return environment;
	}

}
