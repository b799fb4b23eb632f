package com.licensingportal.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

import com.licensingportal.access.PortalUserDetailsService;

/**
 * Four filter chains: styles, scripts and schemas without session; Camunda's webapps and REST API keep their
 * own login, CSRF and Content-Security-Policy (the REST API is protected by {@code EngineRestAuthentication}),
 * with the other security headers added; the portal's REST API under /api has its own
 * ({@code ApiSecurityConfiguration}, bearer tokens); everything else is the portal, with form login. Sessions
 * live in the database (Spring Session JDBC, {@code SessionStoreConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	/** Files of the portal's look and its published schemas: the same for everyone, no session needed. */
	static final String[] STATIC_PATHS = { "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/schemas/**" };

	/** Pages anyone may open without logging in. Feature packages add their public entry points here. */
	static final String[] PUBLIC_PATHS = { "/login", "/login/failed", "/error", "/dev/mailbox", "/dev/mailbox/**", "/dev/mailbox.json",
			"/invitations/*", "/register", "/forgot-password", "/password-reset/*", "/v3/api-docs", "/v3/api-docs/**",
			"/swagger-ui", "/swagger-ui/**", "/swagger-ui.html", "/.well-known/licensing-public-key" };

	/**
	 * The pages load scripts and styles only from the portal itself: no inline script, no style attribute,
	 * no framing. Templates keep to it (TemplateContentSecurityTest checks them).
	 */
	public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; form-action 'self'; "
			+ "base-uri 'self'; object-src 'none'";

	/** The API answers JSON and CSV, never a page: nothing in them may load or run anything. */
	public static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

	/** Swagger UI and the captured emails (their HTML carries inline styles) may use inline styles. */
	static final String RELAXED_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
		.replace("frame-ancestors 'none'", "frame-ancestors 'self'");

	private static final RequestMatcher RELAXED_CSP_PATHS = new OrRequestMatcher(
			PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
			PathPatternRequestMatcher.withDefaults().matcher("/dev/mailbox/**"));

	/**
	 * Sessions are read from the database: static files skip the login and the concurrent-session check, which
	 * would read the session twice more for each style and script of a page.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain staticResourceChain(HttpSecurity http) throws Exception {
		http.securityMatcher(STATIC_PATHS)
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Browsers may keep static files and ask whether they changed (304), instead of fetching them on every page.
			.headers(headers -> pageHeaders(headers.cacheControl(cache -> cache.disable())));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(path.matcher("/camunda/**"), path.matcher("/engine-rest/**")))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			// The webapps send their own Content-Security-Policy and nosniff; the rest is added (never twice), and the
			// REST APIs' answers (tasks, variables, incidents) are never cached.
			.headers(headers -> headers.defaultsDisabled()
				.contentTypeOptions(Customizer.withDefaults())
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
						new OrRequestMatcher(path.matcher("/engine-rest/**"), path.matcher("/camunda/api/**")),
						new CacheControlHeadersWriter())))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain portalChain(HttpSecurity http, AuthenticationManager portalAuthentication,
			SessionRegistry sessionRegistry, LoginProperties login) throws Exception {
		http.authenticationManager(portalAuthentication)
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.defaultSuccessUrl("/entitlements")
				.failureHandler(new LoginFailurePage(login.lockout()))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.headers(SecurityConfiguration::pageHeaders)
			// Any number of sessions per user, found by the user's email in the session table, so that a password
			// reset can end them on every node (PortalSessions); the login changes the session id (the default).
			.sessionManagement(session -> session.maximumSessions(-1)
				.sessionRegistry(sessionRegistry)
				.expiredUrl("/login?expired"));
		return http.build();
	}

	private static void pageHeaders(HeadersConfigurer<HttpSecurity> headers) {
		headers
			.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
					RELAXED_CSP_PATHS.matches(request) ? RELAXED_CSP : CSP))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

	/** The sessions in the database, by the principal's name (the email) that Spring Session JDBC indexes. */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	@Bean
	AuthenticationManager portalAuthentication(PortalUserDetailsService users, PasswordEncoder passwordEncoder,
			LoginLockout lockout) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ProviderManager(new LockoutAuthenticationProvider(passwords, lockout));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
