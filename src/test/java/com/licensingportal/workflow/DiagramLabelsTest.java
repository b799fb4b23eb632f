package com.licensingportal.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import com.licensingportal.text.Messages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Cockpit and the Modeler draw: every label of every model in {@code bpmn/} is plain words, never an
 * expression such as {@code ${transferNumber}} (which the diagram shows as it is written). What makes a task this
 * task belongs in its {@code taskName} property, which {@link TaskNames} fills for Tasklist.
 */
class DiagramLabelsTest {

	@Test
	void everyLabelOfEveryModelIsPlainWords() throws IOException {
		List<String> expressions = new ArrayList<>();
		int labels = 0;
		for (Path file : models()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			List<BaseElement> named = new ArrayList<>(model.getModelElementsByType(FlowElement.class));
			named.addAll(model.getModelElementsByType(Process.class));
			for (BaseElement element : named) {
				String name = element.getAttributeValue("name");
				if (name == null) {
					continue;
				}
				labels++;
				if (name.contains("${") || name.contains("#{")) {
					expressions.add(file.getFileName() + " " + element.getId() + ": " + name);
				}
			}
		}

		assertThat(labels).as("labels read from bpmn/").isGreaterThan(100);
		assertThat(expressions).isEmpty();
	}

	@Test
	void aTaskNameTemplateIsOnATaskThatFillsIt() throws IOException {
		int templates = 0;
		for (Path file : models()) {
			BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				String template = TaskNames.template(task);
				if (template == null) {
					continue;
				}
				templates++;
				assertThat(template).as("%s %s", file.getFileName(), task.getId()).doesNotContain("${");
				assertThat(Messages.has(TaskNames.code(template)))
					.as("%s %s names a message of the bundle: %s", file.getFileName(), task.getId(), template)
					.isTrue();
				assertThat(task.getExtensionElements().getElementsQuery().list())
					.as("%s %s registers the taskNames listener on create", file.getFileName(), task.getId())
					.anySatisfy(listener -> {
						assertThat(listener.getAttributeValue("delegateExpression")).isEqualTo("${taskNames}");
						assertThat(listener.getAttributeValue("event")).isEqualTo("create");
					});
			}
		}

		assertThat(templates).as("user tasks with a taskName for Tasklist").isEqualTo(3);
	}

	private static List<Path> models() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
		}
	}

}
