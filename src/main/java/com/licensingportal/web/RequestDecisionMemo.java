package com.licensingportal.web;

import java.util.function.Supplier;

import com.licensingportal.access.DecisionMemo;

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

}
