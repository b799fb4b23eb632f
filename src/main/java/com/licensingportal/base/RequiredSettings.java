package com.licensingportal.base;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a portal that lacks a setting it has no safe default for: the Camunda administrator's password
 * and the license-signing key pair. The embedded default has both (admin/admin, a generated pair); production (the
 * {@code mysql} profile, the Docker image) has neither, and says which environment variables to set
 * ({@link MissingSettingsFailureAnalyzer}) before any bean, the engine or the database is touched.
 */
@Component
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> missing = missing(this.environment);
		if (!missing.isEmpty()) {
			throw new MissingSettingsException(missing);
		}
	}

	/** The environment variables to set, in the order the README's configuration table names them. */
	static List<String> missing(Environment environment) {
		List<String> missing = new ArrayList<>();
		if (blank(environment, "camunda.bpm.admin-user.password") && !blank(environment, "camunda.bpm.admin-user.id")) {
			missing.add("CAMUNDA_ADMIN_PASSWORD");
		}
		boolean privateKey = !blank(environment, "portal.license-signing.private-key");
		boolean publicKey = !blank(environment, "portal.license-signing.public-key");
		Path keyDirectory = Path.of(environment.getProperty("portal.license-signing.key-directory", "./data/license-signing"));
		boolean keyFiles = Files.exists(keyDirectory.resolve("private-key.pem"));
		boolean generate = environment.getProperty("portal.license-signing.generate-if-missing", Boolean.class, false);
		if (privateKey || publicKey || (!keyFiles && !generate)) {
			if (!privateKey) {
				missing.add("PORTAL_LICENSE_PRIVATE_KEY");
			}
			if (!publicKey) {
				missing.add("PORTAL_LICENSE_PUBLIC_KEY");
			}
		}
		return missing;
	}

	private static boolean blank(Environment environment, String property) {
		String value = environment.getProperty(property);
		return value == null || value.isBlank();
	}

}
