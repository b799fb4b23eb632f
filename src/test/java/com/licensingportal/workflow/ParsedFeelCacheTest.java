package com.licensingportal.workflow;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.workflow.ParsedFeelCache.CachingFeelEngine;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The FEEL engine that keeps parsed expressions answers exactly as Camunda's own, which parses them on every
 * evaluation: the same results, the same failures, and the transfer approval decision the same for every rule.
 */
class ParsedFeelCacheTest extends PortalIntegrationTest {

	private static final List<String> UNARY_TESTS = List.of("\"RELATED_CUSTOMER\"", "\"ACC Core\"", "<= 250", "<= 20",
			"> 5", "[1..10]", "(1..10)", "not(3)", "1, 2, 3", "-", "\"A\",\"B\"", "not(\"A\")", "null", "< 2.5",
			"date(\"2026-12-01\")", "> date(\"2026-01-01\")");

	private static final List<Object> INPUTS = List.of(1, 3, 5, 10, 20, 250, 251, -4, 2.4, "RELATED_CUSTOMER", "ACC Core",
			"A", "B", "", java.time.LocalDate.of(2026, 12, 1), java.time.LocalDate.of(2025, 6, 1));

	private static final List<String> EXPRESSIONS = List.of("relation", "amount * 2", "amount + 0.5",
			"if amount > 100 then \"big\" else \"small\"", "string length(relation)", "upper case(relation)",
			"amount in [1..100]", "{a: amount, b: relation}.b", "count([1, amount, 3])", "true", "\"a text\"",
			"date(\"2026-12-01\") + duration(\"P1D\")", "missing", "amount > 10 and relation = \"UNRELATED\"");

	private static final List<VariableMap> CONTEXTS = List.of(
			Variables.createVariables().putValue("relation", "RELATED_CUSTOMER").putValue("amount", 250),
			Variables.createVariables().putValue("relation", "UNRELATED").putValue("amount", 11),
			Variables.createVariables().putValue("relation", "OWN_PARTNER").putValue("amount", 0));

	@Autowired
	ProcessEngine engine;

	@Autowired
	DecisionService decisions;

	private final ScalaFeelEngine camunda = new ScalaFeelEngine(List.of());

	@Test
	void unaryTestsAnswerAsCamundasEngineDoesAndAreParsedOnce() {
		CachingFeelEngine caching = new CachingFeelEngine(List.of());
		int compared = 0;
		for (int round = 0; round < 3; round++) {
			for (String test : UNARY_TESTS) {
				for (Object input : INPUTS) {
					VariableContext context = Variables.createVariables().putValue("cellInput", input).asVariableContext();
					assertThat(outcome(() -> caching.evaluateSimpleUnaryTests(test, "cellInput", context)))
						.as("%s for %s", test, input)
						.isEqualTo(outcome(() -> this.camunda.evaluateSimpleUnaryTests(test, "cellInput", context)));
					compared++;
				}
			}
		}
		assertThat(compared).isEqualTo(3 * UNARY_TESTS.size() * INPUTS.size());
		assertThat(caching.parsedCount()).isEqualTo(UNARY_TESTS.size());
	}

	@Test
	void expressionsAnswerAsCamundasEngineDoesAndAreParsedOnce() {
		CachingFeelEngine caching = new CachingFeelEngine(List.of());
		for (int round = 0; round < 3; round++) {
			for (String expression : EXPRESSIONS) {
				for (VariableMap variables : CONTEXTS) {
					assertThat(outcome(() -> caching.evaluateSimpleExpression(expression, variables.asVariableContext())))
						.as("%s with %s", expression, variables)
						.isEqualTo(outcome(() -> this.camunda.evaluateSimpleExpression(expression, variables.asVariableContext())));
				}
			}
		}
		assertThat(caching.parsedCount()).isEqualTo(EXPRESSIONS.size());
	}

	@Test
	void aBrokenExpressionFailsWithCamundasMessageEveryTime() {
		CachingFeelEngine caching = new CachingFeelEngine(List.of());
		VariableContext context = Variables.createVariables().putValue("cellInput", 3).asVariableContext();
		Throwable expected = catchThrowable(() -> this.camunda.evaluateSimpleUnaryTests("<< 3", "cellInput", context));
		assertThat(expected).isInstanceOf(FeelException.class);
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> caching.evaluateSimpleUnaryTests("<< 3", "cellInput", context))
				.isInstanceOf(FeelException.class)
				.hasMessage(expected.getMessage());
		}
		assertThat(caching.parsedCount()).isEqualTo(1);
	}

	@Test
	void thePortalsEngineDecidesTransfersAsAnUnmodifiedDmnEngineAndParsesNothingTwice() throws Exception {
		Object inUse = ((ProcessEngineConfigurationImpl) this.engine.getProcessEngineConfiguration()).getDmnEngineConfiguration()
			.getFeelEngine();
		assertThat(inUse).isInstanceOf(CachingFeelEngine.class);
		CachingFeelEngine feel = (CachingFeelEngine) inUse;

		DmnEngine unmodified = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		DmnDecision decision;
		try (InputStream dmn = getClass().getClassLoader().getResourceAsStream("bpmn/transfer-approval.dmn")) {
			decision = unmodified.parseDecision("TransferApproval", dmn);
		}
		List<VariableMap> cases = new ArrayList<>();
		for (String relation : List.of("RELATED_CUSTOMER", "OWN_PARTNER", "UNRELATED")) {
			for (int amount : List.of(1, 20, 21, 100, 101, 250, 251, 5000)) {
				for (String productType : List.of("ACC Core", "ACC Enterprise")) {
					for (String role : List.of("PARTNER_ADMINISTRATOR", "PARTNER_USER", "CUSTOMER_ADMINISTRATOR", "CUSTOMER_USER")) {
						cases.add(Variables.createVariables().putValue("relation", relation).putValue("amount", amount)
							.putValue("productType", productType).putValue("requesterRole", role));
					}
				}
			}
		}
		Map<String, Object> coreToRelated = null;
		long parsedAfterFirstRound = 0;
		for (int round = 0; round < 2; round++) {
			for (VariableMap variables : cases) {
				Map<String, Object> portal = this.decisions.evaluateDecisionTableByKey("TransferApproval")
					.variables(variables)
					.evaluate()
					.getSingleResult()
					.getEntryMap();
				Map<String, Object> camunda = unmodified.evaluateDecisionTable(decision, variables).getSingleResult().getEntryMap();
				assertThat(portal).as("%s", variables).isEqualTo(camunda);
				if (variables.get("relation").equals("RELATED_CUSTOMER") && variables.get("amount").equals(250)
						&& variables.get("productType").equals("ACC Core")) {
					coreToRelated = portal;
				}
			}
			if (round == 0) {
				parsedAfterFirstRound = feel.parsedCount();
			}
		}
		assertThat(cases).hasSize(192);
		assertThat(coreToRelated).containsEntry("approvalRequired", false)
			.containsEntry("approvalRule", "Up to 250 ACC Core channels to a related customer: automatic");
		assertThat(feel.parsedCount()).isEqualTo(parsedAfterFirstRound);
	}

	private static Object outcome(java.util.concurrent.Callable<Object> evaluation) {
		try {
			return evaluation.call();
		}
		catch (FeelException failure) {
			return "failed: " + failure.getMessage();
		}
		catch (Exception other) {
			throw new AssertionError(other);
		}
	}

}
