package com.licensingportal.architecture;

import java.util.Map;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import jakarta.persistence.EntityManager;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape of the code (README "Architecture"): packages in layers without cycles, controllers that ask
 * services, process engine calls behind the per-process facades, no engine internals but the few the public
 * API forces. Production code only; each rule names what breaks it.
 */
@AnalyzeClasses(packages = "com.licensingportal", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/** Top-level packages (their sub-packages, e.g. {@code flow/}, belong to them) depend in one direction. */
	@ArchTest
	static final ArchRule noPackageCycles = slices().matching("com.licensingportal.(*)..")
		.namingSlices("$1")
		.should()
		.beFreeOfCycles()
		.because("packages depend in one direction: account -> user -> access -> security -> features -> web edge "
				+ "(README, Architecture)");

	/** A controller asks a service, with the acting user; the service resolves what the user may see. */
	@ArchTest
	static final ArchRule controllersHoldNoRepositories = noClasses().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Repository.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(JdbcTemplate.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(NamedParameterJdbcTemplate.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(JdbcClient.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(EntityManager.class)
		.because("every query that returns portal data goes through a service that resolves AccountVisibility");

	/**
	 * Besides the facades and the engine's own callers, the classes that may use {@link RuntimeService} or
	 * {@link TaskService}, each with its reason.
	 */
	static final Map<String, String> ENGINE_SERVICE_USERS = Map.of(
			"com.licensingportal.workflow.WaitStates",
			"the facades' shared check that someone waits before they correlate",
			"com.licensingportal.workflow.OrderManagementSetup",
			"engine setup: the Tasklist filter of Order Management is a task query",
			"com.licensingportal.monitoring.PortalMetrics", "reads the number of open incidents, changes nothing",
			"com.licensingportal.backoffice.OrderManagementDirectory",
			"the back office's facade of Order Management's Camunda identity: counts the tasks waiting for the group, changes nothing");

	/** Processes are started, correlated and their tasks completed in one place per process. */
	@ArchTest
	static final ArchRule onlyFacadesTouchTheEngine = noClasses().that()
		.haveSimpleNameNotEndingWith("Process")
		.and()
		.resideOutsideOfPackage("..flow..")
		.and(notIn(ENGINE_SERVICE_USERS))
		.should()
		.dependOnClassesThat()
		.areAssignableTo(RuntimeService.class)
		.orShould()
		.dependOnClassesThat()
		.areAssignableTo(TaskService.class)
		.because("only the per-process facades (*Process) and the flow delegates the engine calls use "
				+ "RuntimeService/TaskService");

	/** The only classes that may use engine internals, each with the reason the public API leaves no choice. */
	static final Map<String, String> ENGINE_INTERNALS_USERS = Map.of(
			"com.licensingportal.workflow.NodeName",
			"a ProcessEnginePlugin: its methods take ProcessEngineConfigurationImpl",
			"com.licensingportal.workflow.FullHistoryWithoutDetails",
			"a custom history level (Camunda's documented extension) implements impl.history.HistoryLevel, registered by a ProcessEnginePlugin",
			"com.licensingportal.workflow.WaitStates",
			"reads the engine's clock (ClockUtil), which timers follow and process tests move; no public API reads it",
			"com.licensingportal.workflow.EngineRestAuthentication",
			"engine-rest's authentication filter is configured with the class name of its HTTP Basic provider",
			"com.licensingportal.registration.flow.ValidateRegistrationDecisionDelegate",
			"IdentityService.getCurrentAuthentication() returns impl.identity.Authentication",
			"com.licensingportal.transfer.flow.RecordApprovalDecisionListener",
			"IdentityService.getCurrentAuthentication() returns impl.identity.Authentication");

	/** An engine upgrade, or a move to a Camunda 7 fork, should be a matter of the public API. */
	@ArchTest
	static final ArchRule noEngineInternals = noClasses().that(notIn(ENGINE_INTERNALS_USERS))
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.camunda..impl..", "camundajar..")
		.because("engine internals change without notice; the allow-list in ArchitectureTest names each exception");

	private static DescribedPredicate<JavaClass> notIn(Map<String, String> allowed) {
		return describe("are not in the allow-list " + allowed.keySet(),
				javaClass -> !allowed.containsKey(javaClass.getName())
						&& !allowed.containsKey(javaClass.getName().replaceFirst("\\$.*", "")));
	}

}
