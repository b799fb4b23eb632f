package com.licensingportal.base;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A portal setting that is no duration, no number or out of its range stops start-up with one sentence naming the
 * environment variable and what it must be. Each case starts the application with only the settings records (no
 * engine, no database, no web server), with application.yml and the given environment variables, as the packaged
 * jar would: {@link RequiredSettings} binds and checks the records before any bean is made, and Spring Boot's failure
 * analyzers write the report.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingsTest {

	@Test
	void aDurationThatIsNoDurationNamesItsVariable(CapturedOutput output) {
		assertThatThrownBy(() -> start(Map.of("PORTAL_INVITATION_EXPIRY", "banana"))).isNotNull();

		assertThat(output).contains("The portal cannot start: PORTAL_INVITATION_EXPIRY (portal.invitation.expiry) is"
				+ " \"banana\" but must be an ISO-8601 duration such as PT15M or P7D.")
			// Spring Boot's own report, which names the property only.
			.doesNotContain("Property: portal.invitation.expiry");
	}

	/** A variable, its bad value and the sentence that stops start-up. */
	static Stream<Arguments> badValues() {
		return Stream.of(
				// README's name for the variable, not Spring's name for the property.
				Arguments.of("PORTAL_SALES_ORDER_REMINDER", "2 days", "PORTAL_SALES_ORDER_REMINDER"
						+ " (portal.sales-order.assignment-reminder) is \"2 days\" but must be an ISO-8601 duration such as"
						+ " PT15M or P7D."),
				Arguments.of("PORTAL_LOGIN_MAX_FAILURES", "-1",
						"PORTAL_LOGIN_MAX_FAILURES (portal.login.max-failures) is \"-1\" but must be greater than 0."),
				Arguments.of("PORTAL_REGISTRATION_RATE_LIMIT_WINDOW", "PT0S", "PORTAL_REGISTRATION_RATE_LIMIT_WINDOW"
						+ " (portal.registration.rate-limit.window) is \"PT0S\" but must be an ISO-8601 duration of at least a"
						+ " second, such as PT15M or P7D."),
				Arguments.of("PORTAL_MAX_CONCURRENT_BODIES", "many", "PORTAL_MAX_CONCURRENT_BODIES"
						+ " (portal.request-bodies.max-concurrent) is \"many\" but must be a whole number."),
				Arguments.of("PORTAL_INVITATION_REMINDER", "P8D", "PORTAL_INVITATION_REMINDER (portal.invitation.reminder)"
						+ " must be shorter than PORTAL_INVITATION_EXPIRY (portal.invitation.expiry)."),
				Arguments.of("PORTAL_EXPIRY_REMINDER_CYCLE", "daily", "PORTAL_EXPIRY_REMINDER_CYCLE"
						+ " (portal.license-expiry.reminder-cycle) is \"daily\" but must be a Camunda cron expression"
						+ " (seconds minutes hours day-of-month month day-of-week), such as 0 0 6 * * ?."),
				Arguments.of("PORTAL_ORDER_MANAGEMENT_EMAIL", " ", "PORTAL_ORDER_MANAGEMENT_EMAIL"
						+ " (portal.order-management.email) is empty but must not be blank."));
	}

	@ParameterizedTest
	@MethodSource("badValues")
	void aBadValueStopsStartUpWithOneSentence(String variable, String value, String sentence, CapturedOutput output) {
		assertThatThrownBy(() -> start(Map.of(variable, value))).isNotNull();

		assertThat(output).contains("The portal cannot start: " + sentence);
	}

	@Test
	void theDefaultsOfApplicationYmlAreValid() {
		try (ConfigurableApplicationContext context = start(Map.of())) {
			assertThat(context.getBean(com.licensingportal.usermanagement.InvitationProperties.class).expiry()).hasDays(7);
		}
	}

	/** Starts the settings records alone with application.yml and these environment variables besides the real ones. */
	private static ConfigurableApplicationContext start(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> all = new HashMap<>(environment.getSystemEnvironment());
		all.putAll(variables);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, all));
		return new SpringApplicationBuilder(SettingsOnly.class).environment(environment)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run();
	}

	/** Every *Properties record of the portal and the check of them at start-up, nothing else. */
	@Configuration(proxyBeanMethods = false)
	@ConfigurationPropertiesScan("com.licensingportal")
	@Import(RequiredSettings.class)
	static class SettingsOnly {

	}

}
