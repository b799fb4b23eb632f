package com.licensingportal.workflow;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

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
 * channel transfer"). The model names the message of the bundle ({@code messages/mail.properties}) in a property of
 * the user task, {@code taskName}, with the task's variables that are its arguments ({@code businessKey}: its process
 * instance's business key):
 * <pre>{@code
 * <camunda:properties><camunda:property name="taskName" value="mail.task.reviewRegistrationRequest(organisation)"/></camunda:properties>
 * <camunda:taskListener delegateExpression="${taskNames}" event="create"/>
 * }</pre>
 * The name is English: Tasklist is Order Management's English tool. Register it first among the task's create
 * listeners, so that the others see the final name.
 */
@Component("taskNames")
public class TaskNames implements TaskListener {

	/** The property of a user task that holds its name for Tasklist. */
	public static final String PROPERTY = "taskName";

	/** {@code code(argument, argument)}, the arguments optional. */
	private static final Pattern MESSAGE = Pattern.compile("\\s*([\\w.]+)\\s*(?:\\((.*)\\))?\\s*");

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

	/** The message code of a {@code taskName}. */
	static String code(String template) {
		return parse(template).group(1);
	}

	/** The variables a {@code taskName} passes, in order. */
	static List<String> arguments(String template) {
		String list = parse(template).group(2);
		if (list == null || list.isBlank()) {
			return List.of();
		}
		return Arrays.stream(list.split(",")).map(String::strip).toList();
	}

	static String fill(String template, DelegateTask task) {
		Object[] values = arguments(template).stream()
			.map(name -> "businessKey".equals(name) ? task.getExecution().getProcessBusinessKey() : task.getVariable(name))
			.map(value -> value == null ? "" : value instanceof Number ? value : value.toString())
			.toArray();
		return Text.of(code(template), values).in(Languages.ENGLISH);
	}

	private static Matcher parse(String template) {
		Matcher message = MESSAGE.matcher(template);
		if (!message.matches()) {
			throw new IllegalStateException("The taskName '" + template + "' is not code(variable, ...)");
		}
		return message;
	}

}
