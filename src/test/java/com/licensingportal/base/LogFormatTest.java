package com.licensingportal.base;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PORTAL_LOG_FORMAT chooses Spring Boot's structured console format, before logging starts. */
class LogFormatTest {

	@Test
	void ecsAndLogstashSwitchTheConsoleToJson() {
		for (String format : new String[] { "ecs", "logstash", "ECS" }) {
			MockEnvironment environment = new MockEnvironment().withProperty("PORTAL_LOG_FORMAT", format);
			new LogFormat().postProcessEnvironment(environment, null);
			assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo(format.toLowerCase());
		}
	}

	@Test
	void unsetIsPlainTextAndAnythingElseIsRefusedWithASentence() {
		MockEnvironment plain = new MockEnvironment();
		new LogFormat().postProcessEnvironment(plain, null);
		assertThat(plain.getProperty("logging.structured.format.console")).isNull();

		assertThatThrownBy(() -> new LogFormat().postProcessEnvironment(
				new MockEnvironment().withProperty("PORTAL_LOG_FORMAT", "json"), null))
			.hasMessage("PORTAL_LOG_FORMAT must be ecs or logstash (or unset for plain text), not 'json'");
	}

}
