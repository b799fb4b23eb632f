package com.licensingportal.support;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One browser's cookies across MockMvc requests, as a browser keeps them. Sessions live in the database (Spring
 * Session JDBC) and are found by their cookie, so a test that carries the cookie goes through the real session
 * repository; a {@code MockHttpSession} would bypass it.
 */
public final class MvcSession {

	public static final String COOKIE = "SESSION";

	private final MockMvc mvc;

	private final Map<String, Cookie> cookies = new LinkedHashMap<>();

	public MvcSession(MockMvc mvc) {
		this.mvc = mvc;
	}

	/** Sends the request with this browser's cookies and keeps what the answer sets or deletes. */
	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (!this.cookies.isEmpty()) {
			request.cookie(this.cookies.values().toArray(Cookie[]::new));
		}
		ResultActions actions = this.mvc.perform(request);
		MvcResult result = actions.andReturn();
		for (Cookie cookie : result.getResponse().getCookies()) {
			if (cookie.getMaxAge() == 0) {
				this.cookies.remove(cookie.getName());
			}
			else {
				this.cookies.put(cookie.getName(), cookie);
			}
		}
		return actions;
	}

	/** The answer itself, for tests that read it rather than expect on it. */
	public MvcResult answer(MockHttpServletRequestBuilder request) throws Exception {
		return perform(request).andReturn();
	}

	/** The session cookie's value as the browser holds it, or null. */
	public String sessionCookie() {
		Cookie cookie = this.cookies.get(COOKIE);
		return cookie == null ? null : cookie.getValue();
	}

}
