package com.licensingportal.salesorder;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.licensingportal.api.ApiSecurityConfiguration;
import com.licensingportal.workflow.OrderManagementSetup;
import com.licensingportal.security.BasicCredentials;
import com.licensingportal.security.LoginLockedException;
import com.licensingportal.security.LoginLockout;
import com.licensingportal.text.Languages;
import com.licensingportal.text.Text;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sales-order intake's own chain, before the API's: HTTP Basic as a Camunda user of the group
 * {@code order-intake} (the order system) or {@code order-management}. Portal users' tokens and Camunda users
 * of other groups get 404, as for anything they cannot see; passwords are checked per Camunda user and client
 * address under the portal's {@link LoginLockout}, like Camunda's other logins, so that parallel guesses cannot
 * slip past the limit, parallel orders are never refused, and nobody elsewhere can lock the order system out.
 */
@Configuration(proxyBeanMethods = false)
@io.swagger.v3.oas.annotations.security.SecurityScheme(name = "camundaBasic",
		type = io.swagger.v3.oas.annotations.enums.SecuritySchemeType.HTTP, scheme = "basic",
		description = "a Camunda user of the group order-intake or order-management")
public class SalesOrderApiSecurity {

	static final String ORDER_INTAKE_GROUP = OrderManagementSetup.ORDER_INTAKE_GROUP;

	static final List<String> GROUPS = List.of(ORDER_INTAKE_GROUP, OrderManagementSetup.GROUP);

	@Bean
	@Order(1)
	SecurityFilterChain salesOrderChain(HttpSecurity http, IdentityService identity, LoginLockout lockout,
			ObjectMapper json) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/v1/sales-orders/**"))
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.disable())
			.addFilterBefore(new CamundaBasicAuthentication(identity, lockout, json),
					AnonymousAuthenticationFilter.class)
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ApiSecurityConfiguration.CSP))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/**
	 * Checks the Basic credentials against Camunda's users and groups; answers 401, 404 or 429 itself. Also guards
	 * the back office's API, with its own realm and group.
	 */
	public static final class CamundaBasicAuthentication extends OncePerRequestFilter {

		private final IdentityService identity;

		private final LoginLockout lockout;

		private final ObjectMapper json;

		private final String realm;

		private final List<String> groups;

		CamundaBasicAuthentication(IdentityService identity, LoginLockout lockout, ObjectMapper json) {
			// The realm names the protection space (not translated: it is the same for every client).
			this(identity, lockout, json, Text.of("backoffice.api.realm.intake").toString(), GROUPS);
		}

		public CamundaBasicAuthentication(IdentityService identity, LoginLockout lockout, ObjectMapper json,
				String realm, List<String> groups) {
			this.identity = identity;
			this.lockout = lockout;
			this.json = json;
			this.realm = realm;
			this.groups = groups;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String header = request.getHeader(HttpHeaders.AUTHORIZATION);
			Locale locale = Languages.firstSpoken(request.getLocales());
			if (header == null || header.isBlank()) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + this.realm + "\", charset=\"UTF-8\"");
				problem(response, HttpStatus.UNAUTHORIZED, locale, Text.of("backoffice.api.problem.notAuthenticated"),
						Text.of("backoffice.api.problem.logIn", this.groups.size(), this.groups.get(0),
								this.groups.size() > 1 ? this.groups.get(1) : ""));
				return;
			}
			if (!BasicCredentials.isBasic(header)) {
				problem(response, HttpStatus.NOT_FOUND, locale, Text.of("backoffice.api.problem.notFound"),
						Text.of("backoffice.api.problem.nothingAt", request.getRequestURI()));
				return;
			}
			BasicCredentials credentials = BasicCredentials.of(header).orElse(null);
			String name = LoginLockout.camundaUser(credentials == null ? "" : credentials.user());
			String clientAddress = request.getRemoteAddr();
			boolean right;
			try {
				// Checked under the lock of this user at this address: parallel guesses are checked one at a time.
				right = this.lockout.check(name, clientAddress,
						() -> credentials != null && this.identity.checkPassword(credentials.user(), credentials.password()));
			}
			catch (LoginLockedException locked) {
				response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(this.lockout.window().toSeconds()));
				problem(response, HttpStatus.TOO_MANY_REQUESTS, locale, Text.of("backoffice.api.problem.tooMany"),
						Text.of("backoffice.api.problem.locked", this.lockout.window().toMinutes()));
				return;
			}
			if (!right) {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + this.realm + "\", charset=\"UTF-8\"");
				problem(response, HttpStatus.UNAUTHORIZED, locale, Text.of("backoffice.api.problem.notAuthenticated"),
						Text.of("backoffice.api.problem.badCredentials"));
				return;
			}
			String userId = credentials.user();
			boolean member = this.identity.createGroupQuery()
				.groupMember(userId)
				.groupIdIn(this.groups.toArray(String[]::new))
				.count() > 0;
			if (!member) {
				problem(response, HttpStatus.NOT_FOUND, locale, Text.of("backoffice.api.problem.notFound"),
						Text.of("backoffice.api.problem.nothingAt", request.getRequestURI()));
				return;
			}
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null,
						List.of(new SimpleGrantedAuthority("ROLE_ORDER_INTAKE"))));
			chain.doFilter(request, response);
		}

		/** A problem+json answer, its title and detail in the client's language (Accept-Language). */
		private void problem(HttpServletResponse response, HttpStatus status, Locale locale, Text title, Text detail)
				throws IOException {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail.in(locale));
			problem.setTitle(title.in(locale));
			response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
			problem.setType(URI.create("about:blank"));
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem);
		}

	}

}
