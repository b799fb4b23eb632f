package com.licensingportal.mail.flow;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.licensingportal.mail.MailContent;
import com.licensingportal.mail.Mailer;
import com.licensingportal.text.Languages;
import com.licensingportal.workflow.RequestLanguage;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The one mail task of every process: {@code camunda:delegateExpression="${sendMail}"} with the input
 * parameters {@code mailTemplate} (a name in {@code mail-templates/}) and {@code mailTo} (an address, a
 * comma-separated list or a collection), and optionally {@code mailContent}: the name of a {@link MailContent}
 * bean that adds model and attachments from the portal's tables. Each recipient reads it in their language
 * ({@code Mailer}); the process's {@code language} ({@link RequestLanguage}) for those who never chose one. The process variables are the template's model. Declare the
 * task {@code camunda:asyncBefore} with a retry cycle, so that a mail-server outage delays mail and loses none.
 */
@Component("sendMail")
public class SendMailDelegate implements JavaDelegate {

	public static final String TEMPLATE = "mailTemplate";

	public static final String TO = "mailTo";

	public static final String CONTENT = "mailContent";

	private final Mailer mailer;

	private final Map<String, MailContent> contents;

	SendMailDelegate(Mailer mailer, Map<String, MailContent> contents) {
		this.mailer = mailer;
		this.contents = contents;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String template = (String) execution.getVariableLocal(TEMPLATE);
		List<String> recipients = recipients(execution.getVariableLocal(TO));
		Map<String, Object> model = new LinkedHashMap<>(execution.getVariables());
		String contentName = (String) execution.getVariableLocal(CONTENT);
		Object language = execution.getVariable(RequestLanguage.VARIABLE);
		Locale requestLanguage = language instanceof String tag && Languages.speaks(tag) ? Languages.of(tag) : null;
		if (contentName == null) {
			this.mailer.send(template, recipients, model, List.of(), requestLanguage);
			return;
		}
		MailContent content = this.contents.get(contentName);
		if (content == null) {
			throw new IllegalStateException("Mail " + template + " names the mail content " + contentName + ", which does not exist");
		}
		MailContent.Content parts = content.contentFor(execution.getProcessBusinessKey());
		model.putAll(parts.model());
		this.mailer.send(template, recipients, model, parts.attachments(), requestLanguage);
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
