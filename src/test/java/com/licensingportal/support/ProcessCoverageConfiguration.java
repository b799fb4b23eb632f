package com.licensingportal.support;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The suite's engine, instrumented by Camunda Process Test Coverage when it parses the models, for
 * {@link ProcessCoverage}. The library's own test listener, which starts a new count for every test class, is
 * told to include no class: with one shared context, {@link ProcessCoverage} counts for the whole run instead.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageConfiguration {

	@Bean
	SpringBootProcessEnginePlugin processCoverageParseListener() {
		return new ProcessEngineCoverageConfiguration().camundaConfiguration();
	}

	/** Connects the collector once the engine exists, before any process runs (the demo data's, where it is on). */
	@Bean
	SmartInitializingSingleton processCoverageConnection(ObjectProvider<ProcessEngine> engine) {
		return () -> ProcessCoverage.connect(engine.getObject());
	}

	@Bean
	ProcessEngineCoverageProperties processCoveragePerTestClassOff() {
		return new ProcessEngineCoverageProperties(false, false, List.of(), List.of(), Map.of(),
				List.of("the library's listener counts no class"), ProcessCoverage.REPORT_DIRECTORY);
	}

}
