package com.licensingportal.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, read from its own request mappings, so that a test over "every route" covers
 * a new one without anyone remembering. A mapping without a method counts as GET.
 */
public final class Routes {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)");

	private Routes() {
	}

	/** One method and path pattern of a request mapping, e.g. {@code POST /users/{userId}}. */
	public record Route(HttpMethod method, String pattern, List<String> variables) {

		public Route(HttpMethod method, String pattern) {
			this(method, pattern, Routes.variables(pattern));
		}

		/** POST, PUT, PATCH and DELETE: the routes that may change something. */
		public boolean mutating() {
			return this.method != HttpMethod.GET && this.method != HttpMethod.HEAD && this.method != HttpMethod.OPTIONS;
		}

		public boolean isApi() {
			return this.pattern.startsWith("/api/");
		}

		/** The path with every variable replaced by {@code value}. */
		public String pathWith(String value) {
			return this.pattern.replaceAll("\\{[^}]+}", value);
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

	public static List<Route> of(RequestMappingHandlerMapping mappings) {
		Set<String> seen = new TreeSet<>();
		List<Route> routes = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					if (seen.add(method + " " + pattern)) {
						routes.add(new Route(method.asHttpMethod(), pattern));
					}
				}
			}
		}
		if (routes.size() < 15) {
			throw new IllegalStateException("Only " + routes.size() + " routes found: is this the portal's mapping?");
		}
		return routes;
	}

	static List<String> variables(String pattern) {
		List<String> variables = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(pattern);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		return variables;
	}

}
