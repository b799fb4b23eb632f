package com.licensingportal.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Records, with Camunda Process Test Coverage, every flow node and sequence flow that any test of the suite makes
 * the engine pass through: one collector for the whole JVM, one run per test method, all in one suite, because
 * all tests share one Spring context and one engine (the library's own listener keeps one collector per test
 * class and cannot add them up). The engine is instrumented when it parses the models
 * ({@link ProcessCoverageConfiguration}, which {@link PortalIntegrationTest} imports);
 * {@code workflow/ProcessCoverageTest} judges the result and writes the report.
 */
public class ProcessCoverage implements TestExecutionListener {

	static final String SUITE = "licensing-portal";

	/** Where the report goes: {@code licensing-portal/report.html} below it. */
	public static final String REPORT_DIRECTORY = "target/process-test-coverage";

	private static final DefaultCollector COLLECTOR = new DefaultCollector(new ExecutionContextModelProvider());

	private static volatile boolean connected;

	/** What the suite covered so far; its active suite is the whole test run. */
	public static synchronized DefaultCollector collector() {
		return COLLECTOR;
	}

	/**
	 * Instruments the engine for the whole run, once: as soon as the engine exists
	 * ({@link ProcessCoverageConfiguration}), since start-up may already run processes (the demo data does where it is on).
	 */
	static void connect(ProcessEngine engine) {
		synchronized (ProcessCoverage.class) {
			if (connected) {
				return;
			}
			COLLECTOR.createSuite(new Suite(SUITE, "Licensing Portal test suite"));
			COLLECTOR.activateSuite(SUITE);
			activate("start-up", "the context's start");
			// Tests that send parallel requests make events on several threads at once; the collector's lists
			// are not made for that, so every event passes through this class's lock.
			Collector serialised = event -> {
				synchronized (ProcessCoverage.class) {
					COLLECTOR.addEvent(event);
				}
			};
			new ProcessEngineAdapter(engine, serialised).initializeListeners();
			connected = true;
		}
	}

	@Override
	public void beforeTestClass(TestContext testContext) {
		synchronized (ProcessCoverage.class) {
			connect(testContext.getApplicationContext().getBean(ProcessEngine.class));
			activate(testContext.getTestClass().getName(), testContext.getTestClass().getSimpleName());
		}
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!connected) {
			return;
		}
		String name = testContext.getTestClass().getSimpleName() + "." + testContext.getTestMethod().getName();
		activate(testContext.getTestClass().getName() + "#" + testContext.getTestMethod().getName(), name);
	}

	private static synchronized void activate(String id, String name) {
		if (COLLECTOR.getActiveSuite().getRun(id) == null) {
			COLLECTOR.createRun(new Run(id, name), SUITE);
		}
		COLLECTOR.activateRun(id);
	}

}
