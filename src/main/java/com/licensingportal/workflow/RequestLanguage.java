package com.licensingportal.workflow;

import com.licensingportal.text.Languages;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A process's start ({@code <camunda:executionListener delegateExpression="${requestLanguage}" event="start"/>}):
 * keeps the language of the portal request that started it as the variable {@value #VARIABLE}: the profile's choice,
 * else the browser's. Its emails use it for a recipient who never chose a language (a registration's requester, an
 * invited user: the inviter's language). A start from a timer, or from Order Management's Tasklist and the engine's
 * REST API (English tools), sets none: then English.
 */
@Component("requestLanguage")
public class RequestLanguage implements ExecutionListener {

	public static final String VARIABLE = "language";

	/** The language a process started by another one inherits (see {@link #inherited}). */
	private static final ThreadLocal<String> INHERITED = new ThreadLocal<>();

	/**
	 * Runs {@code work}, in which a process that starts takes this language (a process variable {@value #VARIABLE}
	 * of the starting one, e.g. the invitation of an approved registration: the registration's language, not that of
	 * Order Management's Tasklist). Null: as without.
	 */
	public static <T> T inherited(Object language, Supplier<T> work) {
		if (!(language instanceof String tag) || !Languages.speaks(tag)) {
			return work.get();
		}
		String before = INHERITED.get();
		INHERITED.set(tag);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				INHERITED.remove();
			}
			else {
				INHERITED.set(before);
			}
		}
	}

	@Override
	public void notify(DelegateExecution execution) {
		if (execution.hasVariable(VARIABLE)) {
			return;
		}
		if (INHERITED.get() != null) {
			execution.setVariable(VARIABLE, INHERITED.get());
			return;
		}
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return;
		}
		HttpServletRequest request = attributes.getRequest();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/camunda/") || path.startsWith("/engine-rest/")) {
			return;
		}
		execution.setVariable(VARIABLE, Languages.supported(LocaleContextHolder.getLocale()).getLanguage());
	}

}
