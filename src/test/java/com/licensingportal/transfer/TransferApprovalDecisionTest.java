package com.licensingportal.transfer;

import java.util.Map;

import com.licensingportal.support.PortalIntegrationTest;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of bpmn/transfer-approval.dmn, and its edges, evaluated by the engine that runs the process. */
class TransferApprovalDecisionTest extends PortalIntegrationTest {

	private static final String AUTOMATIC_CORE = "Up to 250 ACC Core channels to a related customer: automatic";

	private static final String AUTOMATIC_RELATED = "Up to 100 channels to a related customer: automatic";

	private static final String AUTOMATIC_BACK = "Up to 20 channels back to the customer's own partner by a customer administrator: automatic";

	private static final String UNRELATED = "To an account that is not related: needs Order Management's approval";

	private static final String ABOVE_LIMITS = "Above the automatic limits: needs Order Management's approval";

	@Autowired
	DecisionService decisions;

	@Autowired
	org.camunda.bpm.engine.RepositoryService repository;

	@ParameterizedTest(name = "{0}, {1} × {2}, {3} → approval {4}")
	@CsvSource(delimiter = '|', textBlock = """
			RELATED_CUSTOMER  | 250  | ACC Core       | PARTNER_USER          | false | CoreToRelatedCustomer
			RELATED_CUSTOMER  | 251  | ACC Core       | PARTNER_ADMINISTRATOR | true  | EverythingElse
			RELATED_CUSTOMER  | 1    | ACC Enterprise | PARTNER_USER          | false | ToRelatedCustomer
			RELATED_CUSTOMER  | 100  | ACC Standard   | PARTNER_ADMINISTRATOR | false | ToRelatedCustomer
			RELATED_CUSTOMER  | 101  | ACC Standard   | PARTNER_ADMINISTRATOR | true  | EverythingElse
			OWN_PARTNER       | 20   | ACC Enterprise | CUSTOMER_ADMINISTRATOR| false | BackToOwnPartner
			OWN_PARTNER       | 21   | ACC Enterprise | CUSTOMER_ADMINISTRATOR| true  | EverythingElse
			OWN_PARTNER       | 1    | ACC Enterprise | CUSTOMER_USER         | true  | EverythingElse
			OWN_PARTNER       | 1    | ACC Enterprise | PARTNER_ADMINISTRATOR | true  | EverythingElse
			UNRELATED         | 1    | ACC Core       | PARTNER_ADMINISTRATOR | true  | ToUnrelatedAccount
			UNRELATED         | 5    | ACC Enterprise | CUSTOMER_ADMINISTRATOR| true  | ToUnrelatedAccount
			""")
	void theFirstMatchingRuleDecides(String relation, int amount, String productType, String requesterRole,
			boolean approvalRequired, String rule) {
		DmnDecisionRuleResult result = this.decisions.evaluateDecisionTableByKey(TransferProcess.DECISION_KEY)
			.variables(Variables.createVariables()
				.putValue("relation", relation)
				.putValue("amount", amount)
				.putValue("productType", productType)
				.putValue("requesterRole", requesterRole))
			.evaluate()
			.getSingleResult();

		assertThat(result.<Boolean>getEntry("approvalRequired")).isEqualTo(approvalRequired);
		assertThat(result.<String>getEntry("approvalRule")).isEqualTo(RULES.get(rule));
	}

	@org.junit.jupiter.api.Test
	void theTableAboveCoversEveryRuleOfTheDecision() {
		org.camunda.bpm.engine.repository.DecisionDefinition definition = this.repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(TransferProcess.DECISION_KEY)
			.latestVersion()
			.singleResult();
		java.util.List<String> ruleIds = this.repository.getDmnModelInstance(definition.getId())
			.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Rule.class)
			.stream()
			.map(org.camunda.bpm.model.dmn.instance.Rule::getId)
			.toList();

		assertThat(ruleIds).containsExactlyInAnyOrderElementsOf(RULES.keySet());
	}

	private static final Map<String, String> RULES = Map.of("CoreToRelatedCustomer",
			AUTOMATIC_CORE, "ToRelatedCustomer", AUTOMATIC_RELATED, "BackToOwnPartner", AUTOMATIC_BACK,
			"ToUnrelatedAccount", UNRELATED, "EverythingElse", ABOVE_LIMITS);

}
