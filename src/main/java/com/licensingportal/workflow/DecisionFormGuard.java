package com.licensingportal.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.text.Text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A Tasklist decision may change its form's decision fields and nothing else. Listens to a user task's create
 * (after the listeners that write the form's texts), complete (before the ones that act on the decision) and
 * delete events: at creation it keeps a hash of every variable the task sees, in the portal's database; a
 * completion that adds, changes or removes any other variable, in any scope, is refused with a sentence
 * ({@link DecisionRefusedException}), and so
 * changes nothing. The decision fields are the form's ({@code bpmn/*.form}, by the task's {@code camunda:formRef})
 * editable fields: those with a key that are not read-only.
 */
@Component("decisionFormGuard")
public class DecisionFormGuard implements TaskListener {

	private static final Logger log = LoggerFactory.getLogger(DecisionFormGuard.class);

	/** A form's editable fields, by key, with their labels. */
	record DecisionFields(Map<String, String> labels) {
	}

	private static final String TASK_SCOPE = " (task)";

	private final JdbcTemplate jdbc;

	private final Map<String, DecisionFields> forms;

	DecisionFormGuard(JdbcTemplate jdbc, ObjectMapper json) throws IOException {
		this.jdbc = jdbc;
		this.forms = readForms(json);
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> snapshot(task);
			case EVENTNAME_COMPLETE -> {
				verify(task);
				forget(task.getId());
			}
			case EVENTNAME_DELETE -> forget(task.getId());
			default -> {
			}
		}
	}

	/** The editable fields of the task's form. */
	public DecisionFields decisionFields(DelegateTask task) {
		String formRef = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
		DecisionFields fields = this.forms.get(formRef);
		if (fields == null) {
			throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " names the form " + formRef
					+ ", which is not in bpmn/");
		}
		return fields;
	}

	private void snapshot(DelegateTask task) {
		this.jdbc.batchUpdate("insert into task_variable_snapshot (task_id, variable_name, value_hash) values (?, ?, ?)",
				fingerprint(task).entrySet()
					.stream()
					.map(variable -> new Object[] { task.getId(), variable.getKey(), variable.getValue() })
					.toList());
	}

	private void verify(DelegateTask task) {
		Map<String, String> before = new HashMap<>();
		this.jdbc.query("select variable_name, value_hash from task_variable_snapshot where task_id = ?",
				row -> {
					before.put(row.getString(1), row.getString(2));
				}, task.getId());
		if (before.isEmpty()) {
			log.warn("Task {} ({}) has no variable snapshot (created before the portal kept them): its completion is not"
					+ " checked", task.getId(), task.getTaskDefinitionKey());
			return;
		}
		DecisionFields fields = decisionFields(task);
		Map<String, String> now = fingerprint(task);
		Set<String> changed = new TreeSet<>();
		Set<String> names = new TreeSet<>(before.keySet());
		names.addAll(now.keySet());
		for (String name : names) {
			String variable = name.endsWith(TASK_SCOPE) ? name.substring(0, name.length() - TASK_SCOPE.length()) : name;
			if (!fields.labels().containsKey(variable) && !Objects.equals(before.get(name), now.get(name))) {
				changed.add(variable);
			}
		}
		if (!changed.isEmpty()) {
			throw new DecisionRefusedException(Text.of("mail.decision.onlyFormFields",
					String.join(", ", fields.labels().values()), String.join(", ", changed)));
		}
	}

	/**
	 * The task's snapshot goes just before the transaction commits: after the locks that the completion's or the
	 * cancellation's own work takes (a transfer's row), so that the two, racing, take them in one order.
	 */
	private void forget(String taskId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.jdbc.update("delete from task_variable_snapshot where task_id = ?", taskId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void beforeCommit(boolean readOnly) {
				DecisionFormGuard.this.jdbc.update("delete from task_variable_snapshot where task_id = ?", taskId);
			}

		});
	}

	/**
	 * Every variable the task sees, each value hashed: its own (named "name (task)"), and its execution's and the
	 * process's, so that a variable the task's own one hides still counts.
	 */
	private static Map<String, String> fingerprint(DelegateTask task) {
		Map<String, String> hashes = new TreeMap<>();
		for (String name : task.getVariableNamesLocal()) {
			hashes.put(name + TASK_SCOPE, hash(task.getVariableLocalTyped(name, false)));
		}
		for (String name : task.getExecution().getVariableNames()) {
			hashes.put(name, hash(task.getExecution().getVariableTyped(name, false)));
		}
		return hashes;
	}

	/** The value as text, whatever its type: Tasklist sends back a read-only field's number or empty text as it likes. */
	private static String hash(TypedValue value) {
		Object raw = value == null ? null
				: value instanceof ObjectValue object ? object.getValueSerialized() : value.getValue();
		String text = raw == null ? "" : String.valueOf(raw);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static Map<String, DecisionFields> readForms(ObjectMapper json) throws IOException {
		Map<String, DecisionFields> forms = new HashMap<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.form")) {
			try (InputStream in = resource.getInputStream()) {
				JsonNode form = json.readTree(in);
				Map<String, String> labels = new LinkedHashMap<>();
				collectEditable(form, labels);
				forms.put(form.path("id").asText(), new DecisionFields(labels));
			}
		}
		return Map.copyOf(forms);
	}

	private static void collectEditable(JsonNode node, Map<String, String> labels) {
		for (JsonNode component : node.path("components")) {
			if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)) {
				labels.put(component.get("key").asText(), component.path("label").asText(component.get("key").asText()));
			}
			collectEditable(component, labels);
		}
	}

}
