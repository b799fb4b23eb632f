package com.licensingportal.web;

import java.util.function.Supplier;

import com.licensingportal.access.DecisionMemo;

import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The web edge's memo: a decision is kept for the rest of the current web request; outside one it is not kept. */
@Component
class RequestDecisionMemo implements DecisionMemo {

	@Override
	public <T> T remember(String key, Class<T> type, Supplier<T> decide) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return decide.get();
		}
		Object kept = request.getAttribute(key, RequestAttributes.SCOPE_REQUEST);
		if (type.isInstance(kept)) {
			return type.cast(kept);
		}
		T decided = decide.get();
		request.setAttribute(key, decided, RequestAttributes.SCOPE_REQUEST);
		return decided;
	}

	/**
	 * Binds the request before security's filters, so that what the API's token filter decides is kept for the
	 * request: the binding Spring MVC would register is replaced by Jersey's (Camunda's REST API), which comes after
	 * security's filters, and an API call then decided its visibility twice (bench/FINDINGS.md).
	 */
	@Configuration(proxyBeanMethods = false)
	static class RequestBinding {

		@Bean
		OrderedRequestContextFilter requestContextFilter() {
			return new OrderedRequestContextFilter();
		}

	}

}
