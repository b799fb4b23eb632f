package com.licensingportal.mail.flow;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.licensingportal.mail.Mailer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one mail task of every process: {@code camunda:delegateExpression="${sendMail}"} with the input
 * parameters {@code mailTemplate} (a name in {@code mail-templates/}) and {@code mailTo} (an address, a
 * comma-separated list or a collection). The process variables are the template's model. Declare the
 * task {@code camunda:asyncBefore} with a retry cycle, so that a mail-server outage delays mail and loses none.
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

	public static final String TEMPLATE = "mailTemplate";

	public static final String TO = "mailTo";

	private final Mailer mailer;

	SendMailDelegate(Mailer mailer) {
		this.mailer = mailer;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String template = (String) execution.getVariableLocal(TEMPLATE);
		List<String> recipients = recipients(execution.getVariableLocal(TO));
		Map<String, Object> model = execution.getVariables();
		this.mailer.send(template, recipients, model);
	}

	static List<String> recipients(Object to) {
		if (to instanceof Collection<?> many) {
			return many.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
		if (to instanceof String list) {
			return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		}
		return List.of();
	}

}
