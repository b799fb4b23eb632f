package com.licensingportal.base;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Refuses to start a portal that lacks a setting it has no safe default for: the Camunda administrator's password
 * and the license-signing key pair. The embedded default has both (admin/admin, a generated pair); production (the
 * {@code mysql} profile, the Docker image) has neither, and says which environment variables to set
 * ({@link MissingSettingsFailureAnalyzer}) before any bean, the engine or the database is touched.
 * <p>
 * Then binds and checks every settings record of the portal (the {@code *Properties} records) as Spring Boot will bind
 * their beans: a bad value stops start-up here too, with the sentence of {@link InvalidSettingsFailureAnalyzer}, not
 * whenever the bean that needs it happens to be made.
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
		Binder binder = Binder.get(this.environment);
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			SpringValidatorAdapter validator = new SpringValidatorAdapter(validation.getValidator());
			for (String name : beanFactory.getBeanDefinitionNames()) {
				Class<?> type = portalSettings(beanFactory.getBeanDefinition(name), beanFactory.getBeanClassLoader());
				if (type != null) {
					ConfigurationProperties settings = type.getAnnotation(ConfigurationProperties.class);
					String prefix = settings.prefix().isEmpty() ? settings.value() : settings.prefix();
					// As Spring Boot binds the bean: a value where the whole group belongs is not an error.
					binder.bindOrCreate(prefix, Bindable.of(type),
							new ValidationBindHandler(new IgnoreTopLevelConverterNotFoundBindHandler(), validator));
				}
			}
		}
	}

	private static Class<?> portalSettings(BeanDefinition definition, ClassLoader classLoader) {
		String className = definition.getBeanClassName();
		if (className == null || !className.startsWith("com.licensingportal.")) {
			return null;
		}
		Class<?> type = ClassUtils.resolveClassName(className, classLoader);
		return type.isAnnotationPresent(ConfigurationProperties.class) ? type : null;
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
