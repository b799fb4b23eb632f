package com.licensingportal.workflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Gives a user task the name Tasklist shows, with what makes it this task ("Approve channel transfer T-… (3
 * channels)"), while the diagram that Cockpit and the Modeler draw keeps the element's plain name ("Approve
 * channel transfer"). The model says the name in a property of the user task, {@code taskName}, whose
 * {@code {variable}} parts are the task's variables and {@code {businessKey}} its process instance's business key:
 * <pre>{@code
 * <camunda:properties><camunda:property name="taskName" value="Review registration request: {organisation}"/></camunda:properties>
 * <camunda:taskListener delegateExpression="${taskNames}" event="create"/>
 * }</pre>
 * Register it first among the task's create listeners, so that the others see the final name.
 */
@Component("taskNames")
public class TaskNames implements TaskListener {

	/** The property of a user task that holds its name for Tasklist. */
	public static final String PROPERTY = "taskName";

	private static final Pattern PART = Pattern.compile("\\{(\\w+)}");

	@Override
	public void notify(DelegateTask task) {
		String template = template(task.getBpmnModelElementInstance());
		if (template != null) {
			task.setName(fill(template, task));
		}
	}

	static String template(UserTask element) {
		if (element == null) {
			return null;
		}
		ExtensionElements extensions = element.getExtensionElements();
		if (extensions == null) {
			return null;
		}
		return extensions.getElementsQuery()
			.filterByType(CamundaProperties.class)
			.list()
			.stream()
			.flatMap(properties -> properties.getCamundaProperties().stream())
			.filter(property -> PROPERTY.equals(property.getCamundaName()))
			.map(CamundaProperty::getCamundaValue)
			.findFirst()
			.orElse(null);
	}

	static String fill(String template, DelegateTask task) {
		Matcher part = PART.matcher(template);
		StringBuilder name = new StringBuilder();
		while (part.find()) {
			String key = part.group(1);
			Object value = "businessKey".equals(key) ? task.getExecution().getProcessBusinessKey() : task.getVariable(key);
			part.appendReplacement(name, Matcher.quoteReplacement(value == null ? "" : value.toString()));
		}
		part.appendTail(name);
		return name.toString();
	}

}
