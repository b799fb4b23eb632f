package com.licensingportal.refusal;

import java.io.Serial;

import org.camunda.bpm.engine.ProcessEngineException;

import com.licensingportal.text.Text;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * An Order Management decision in Tasklist that the portal refuses, in every process: a completion with more
 * than the form's fields, a choice that is incomplete, or one that cannot be carried out. The completion fails
 * with this sentence (the engine's REST API reports a 500, which {@code workflow.RefusedDecisionAnswer} turns into a 422
 * carrying only the sentence, for Tasklist and {@code /engine-rest}), nothing changes and the task stays open. A {@link ProcessEngineException} without a cause, so that the engine never offers it to an error
 * event of the model: a business failure that the model branches on is a {@code BpmnError} instead. Thrown by a
 * delegate it reaches the caller as it is; thrown by a task listener, the engine wraps it (its root cause).
 */
public class DecisionRefusedException extends ProcessEngineException {

	@Serial
	private static final long serialVersionUID = 1L;

	/** The request attribute that holds the latest refusal of the request's decision. */
	public static final String REQUEST_ATTRIBUTE = DecisionRefusedException.class.getName();

	private final transient Text text;

	public DecisionRefusedException(Text text) {
		super(text.toString());
		this.text = text;
		// For the Tasklist answer (workflow.RefusedDecisionAnswer): the engine's REST API reports it as a 500.
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.setAttribute(REQUEST_ATTRIBUTE, this, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** The reason as a text of the bundle. */
	public Text text() {
		return this.text;
	}

}
