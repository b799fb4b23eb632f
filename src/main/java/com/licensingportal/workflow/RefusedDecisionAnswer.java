package com.licensingportal.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.refusal.DecisionRefusedException;
import com.licensingportal.text.Languages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * An Order Management decision that the portal refuses ({@link DecisionRefusedException}) comes back to Tasklist as a
 * validation message: 422 with the sentence alone, instead of the engine REST API's 500 "Cannot submit task form
 * &lt;id&gt;: ...". Only a task's submit-form and complete, of the webapp's API and of {@code /engine-rest}; any other
 * answer passes as it is. Tasklist is Order Management's English tool: the sentence is English.
 */
public class RefusedDecisionAnswer extends OncePerRequestFilter {

	/** The paths this filter is registered for (servlet patterns), and the requests it answers. */
	static final String[] URL_PATTERNS = { "/camunda/api/engine/*", "/engine-rest/*" };

	private static final Pattern DECISION = Pattern
		.compile("/(camunda/api/engine/engine/[^/]+|engine-rest(/engine/[^/]+)?)/task/[^/]+/(submit-form|complete)");

	private final ObjectMapper json;

	RefusedDecisionAnswer(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !DECISION.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, answer);
		if (answer.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()
				&& request.getAttribute(DecisionRefusedException.REQUEST_ATTRIBUTE) instanceof DecisionRefusedException refused
				&& answer.getContentAsByteArray().length > 0
				&& new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8).contains(jsonString(refused.getMessage()))) {
			String sentence = refused.text() == null ? refused.getMessage() : refused.text().in(Languages.ENGLISH);
			answer.resetBuffer();
			answer.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
			answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
			answer.getOutputStream()
				.write(this.json.writeValueAsBytes(Map.of("type", "DecisionRefused", "message", sentence)));
		}
		answer.copyBodyToResponse();
	}

	/** The message as the engine's JSON writes it, quotes and all escaped. */
	private String jsonString(String message) throws IOException {
		String quoted = this.json.writeValueAsString(message);
		return quoted.substring(1, quoted.length() - 1);
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<RefusedDecisionAnswer> refusedDecisionAnswer(ObjectMapper json) {
			FilterRegistrationBean<RefusedDecisionAnswer> registration = new FilterRegistrationBean<>(
					new RefusedDecisionAnswer(json));
			registration.setUrlPatterns(List.of(URL_PATTERNS));
			// Next to the servlet: the engine's answer is final by then.
			registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
			return registration;
		}

	}

}
