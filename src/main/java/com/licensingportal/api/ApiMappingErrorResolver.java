package com.licensingportal.api;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised before any API controller is chosen (unknown path, wrong method, wrong content type) never
 * reach {@link ApiProblemHandler}; under /api they get problem+json here too, not Spring Boot's error page.
 */
@Component
class ApiMappingErrorResolver implements HandlerExceptionResolver, Ordered {

	private final ObjectMapper json;

	ApiMappingErrorResolver(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		// Controller methods have ApiProblemHandler; this is for what happens before or instead of one.
		if (handler instanceof HandlerMethod || !(ex instanceof ErrorResponse error)
				|| !request.getRequestURI().startsWith("/api/")) {
			return null;
		}
		ProblemDetail problem = error.getBody();
		problem.setType(URI.create("about:blank"));
		try {
			response.setStatus(error.getStatusCode().value());
			error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem);
		}
		catch (IOException ignored) {
			// The client went away; nothing left to tell it.
		}
		return new ModelAndView();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
