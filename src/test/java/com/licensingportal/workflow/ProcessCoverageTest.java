package com.licensingportal.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.licensingportal.support.PortalIntegrationTest;
import com.licensingportal.support.ProcessCoverage;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.core.model.EventSource;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every flow node and sequence flow of every process in {@code bpmn/} is passed through by some test of the suite
 * (goal 100 %). Runs last ({@code junit-platform.properties} orders classes by {@code @Order}) and reads what
 * {@link ProcessCoverage} recorded; writes the coverage report to {@code target/process-test-coverage/}.
 * A selection of tests ({@code -Dtest=...}) gets the report and the figures but no verdict, unless
 * {@code -Dportal.process-coverage.judge=true}.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageTest extends PortalIntegrationTest {

	static final Path MODELS = Path.of("bpmn");

	static final String REPORT_DIRECTORY = ProcessCoverage.REPORT_DIRECTORY;

	@Test
	void everyFlowNodeAndSequenceFlowOfEveryProcessIsCoveredBySomeTest() throws IOException {
		DefaultCollector collector = ProcessCoverage.collector();
		CoverageReportUtil.createReport(collector, REPORT_DIRECTORY);
		CoverageReportUtil.createJsonReport(collector, REPORT_DIRECTORY);
		Map<String, Set<String>> covered = collector.getActiveSuite()
			.getEvents()
			.stream()
			.filter(event -> event.getSource() == EventSource.FLOW_NODE || event.getSource() == EventSource.SEQUENCE_FLOW)
			.collect(Collectors.groupingBy(Event::getModelKey, Collectors.mapping(Event::getDefinitionKey, Collectors.toSet())));

		Map<String, Map<String, String>> processes = elementsOfEveryProcess();
		assertThat(processes).as("the processes in %s", MODELS.toAbsolutePath()).isNotEmpty();
		Map<String, List<String>> uncovered = new TreeMap<>();
		StringBuilder figures = new StringBuilder("Process coverage (report: " + REPORT_DIRECTORY + "/):");
		processes.forEach((process, elements) -> {
			Set<String> passed = covered.getOrDefault(process, Set.of());
			List<String> missing = elements.entrySet().stream().filter(element -> !passed.contains(element.getKey()))
				.map(Map.Entry::getValue).toList();
			figures.append("%n  %s: %d of %d flow nodes and sequence flows (%d %%)".formatted(process,
					elements.size() - missing.size(), elements.size(), 100 * (elements.size() - missing.size()) / elements.size()));
			if (!missing.isEmpty()) {
				uncovered.put(process, missing);
			}
		});
		System.out.println(figures);

		boolean selection = System.getProperty("test") != null && !Boolean.getBoolean("portal.process-coverage.judge");
		Assumptions.assumeFalse(selection, "Only some tests ran (-Dtest): process coverage is judged on the whole suite"
				+ " or with -Dportal.process-coverage.judge=true.");
		assertThat(uncovered).as(() -> "No test passes through these elements; write a process test "
				+ "(camunda-bpm-assert) that takes each path:\n" + uncovered.entrySet().stream()
					.map(process -> "  " + process.getKey() + ":\n" + process.getValue().stream().map(e -> "    - " + e)
						.collect(Collectors.joining("\n")))
					.collect(Collectors.joining("\n")))
			.isEmpty();
	}

	/** Process key → element id → how the failure names it, for every .bpmn file in {@code bpmn/}. */
	static Map<String, Map<String, String>> elementsOfEveryProcess() throws IOException {
		Map<String, Map<String, String>> processes = new TreeMap<>();
		try (Stream<Path> files = Files.list(MODELS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
				BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
				for (Process process : model.getModelElementsByType(Process.class)) {
					Map<String, String> elements = new LinkedHashMap<>();
					for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
						if (belongsTo(element, process) && (element instanceof FlowNode || element instanceof SequenceFlow)) {
							elements.put(element.getId(), describe(element));
						}
					}
					processes.put(process.getId(), elements);
				}
			}
		}
		return processes;
	}

	private static boolean belongsTo(ModelElementInstance element, Process process) {
		for (ModelElementInstance parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
			if (parent instanceof Process) {
				return parent == process;
			}
		}
		return false;
	}

	private static String describe(FlowElement element) {
		String name = element.getName() == null ? "" : " \"" + element.getName().replaceAll("\\s+", " ") + "\"";
		if (element instanceof SequenceFlow flow) {
			return "sequence flow " + flow.getId() + " (" + flow.getSource().getId() + " → " + flow.getTarget().getId()
					+ ")" + name;
		}
		return element.getElementType().getTypeName() + " " + element.getId() + name;
	}

}
