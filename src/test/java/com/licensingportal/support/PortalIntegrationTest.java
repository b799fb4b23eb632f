package com.licensingportal.support;

import com.icegreen.greenmail.util.GreenMail;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The base of every test that needs the application: one Spring context (engine, web server on a random
 * port, MockMvc) shared by the whole suite. Do not add {@code @MockitoBean}s or properties in a subclass: that
 * starts a second context and the suite crawls. The suite has no demo data: every test creates what it uses,
 * with unique names ({@link LicenseFixtures}), and never depends on other tests' data or order. The engine records which flow nodes and sequence flows the
 * tests pass through ({@link ProcessCoverage}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(ProcessCoverageConfiguration.class)
@TestExecutionListeners(listeners = ProcessCoverage.class, mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public abstract class PortalIntegrationTest {

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMailServer::port);
	}

	protected static GreenMail greenMail() {
		return TestMailServer.greenMail();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
