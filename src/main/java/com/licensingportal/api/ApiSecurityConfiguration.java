package com.licensingportal.api;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import com.licensingportal.security.SecurityConfiguration;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;
import com.licensingportal.token.PersonalAccessTokenFilter;
import com.licensingportal.token.PersonalAccessTokenService;

/**
 * The REST API's own chain: bearer tokens only, no session, no cookie, hence no CSRF. The portal's pages
 * keep their form login and CSRF in the portal chain.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

	/** The API answers JSON and CSV, never a page: nothing in them may load or run anything. */
	public static final String CSP = SecurityConfiguration.API_CSP;

	/** API calls anyone may make without a token. */
	static final String[] PUBLIC_POSTS = { "/api/v1/auth/token", "/api/v1/registrations" };

	@Bean
	@Order(2)
	SecurityFilterChain apiChain(HttpSecurity http, PersonalAccessTokenService tokens, ObjectMapper json)
			throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		AuthenticationEntryPoint unauthorized = (request, response, failure) -> problem(request, response, json);
		http.securityMatcher(path.matcher("/api/**"))
			.authorizeHttpRequests(requests -> {
				for (String open : PUBLIC_POSTS) {
					requests.requestMatchers(path.matcher(HttpMethod.POST, open)).permitAll();
				}
				requests.anyRequest().authenticated();
			})
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new PersonalAccessTokenFilter(tokens), AnonymousAuthenticationFilter.class)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized))
			// No page, but a browser may still be led to an answer: it is neither run, framed nor cached, and
			// links in it do not tell other sites where they came from (Spring's defaults add nosniff, DENY, no-store).
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, ObjectMapper json) throws IOException {
		java.util.Locale locale = Languages.firstSpoken(request.getLocales());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				Text.of("licenses.api.tokenNeeded").in(locale));
		problem.setTitle(Text.of("licenses.api.title.unauthorized").in(locale));
		problem.setType(URI.create("about:blank"));
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
